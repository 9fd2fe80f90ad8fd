import Foundation
import GraphQLEngine

/// One request's DataLoaders, made on its `BatchScope`: each loads a level of a query in
/// one statement (`WHERE id = ANY(...)`) and caches for the rest of the request.
public struct Loaders: Sendable {
    public let users: DataLoader<UUID, User>
    /// Visible (active, not deleted) providers by provider id.
    public let providers: DataLoader<UUID, Provider>
    /// Visible providers by their user's id.
    public let providersByUser: DataLoader<UUID, Provider>

    init(scope: BatchScope, sql: SQLExecutor) {
        users = DataLoader(scope: scope, batch: { ids in try await AccountStore.users(sql, ids: ids) })
        providers = DataLoader(scope: scope, batch: { ids in try await ProviderStore.providers(sql, ids: ids) })
        providersByUser = DataLoader(scope: scope, batch: { ids in try await ProviderStore.providers(sql, userIDs: ids) })
    }
}
