import Foundation
import GraphQLEngine

/// One request's DataLoaders, made on its `BatchScope`: each loads a level of a query in
/// one statement (`WHERE id = ANY(...)`) and caches for the rest of the request.
public struct Loaders: Sendable {
    public let users: DataLoader<UUID, User>

    init(scope: BatchScope, sql: SQLExecutor) {
        users = DataLoader(scope: scope, batch: { ids in try await AccountStore.users(sql, ids: ids) })
    }
}
