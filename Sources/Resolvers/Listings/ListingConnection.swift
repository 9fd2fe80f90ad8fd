import Foundation
import GraphQLEngine

/// `ListingConnection`: one page, and how to count every match. The count is a closure
/// because it costs a statement (or a batched one) and only runs when `totalCount` is asked for.
public struct ListingConnection: Sendable {
    let page: ListingPage
    let pageInfo: PageInfo
    let totalCount: @Sendable (Context) async throws -> Int

    init(page: ListingPage, after: String?, totalCount: @escaping @Sendable (Context) async throws -> Int) {
        self.page = page
        self.pageInfo = PageInfo(
            hasNextPage: page.hasNextPage, hasPreviousPage: after != nil,
            startCursor: page.edges.first?.cursor, endCursor: page.endCursor)
        self.totalCount = totalCount
    }

    /// A page of `ListingStore.search`, counted by `ListingStore.count` of the same search
    /// unless `totalCount` says otherwise. A bad cursor is a `BAD_USER_INPUT` error.
    static func search(
        filter: ListingFilter, sort: ListingSort, first: Int, after: String?, visibility: ListingVisibility,
        _ ctx: Context, totalCount: (@Sendable (Context) async throws -> Int)? = nil
    ) async throws -> ListingConnection {
        let page = try await ctx.guarded("listings") {
            do {
                return try await ListingStore.search(
                    ctx.sql, filter: filter, sort: sort, first: first, after: after, visibility: visibility)
            } catch let error as ListingSearchError {
                throw APIError.badUserInput(error.description)
            }
        }
        let count = totalCount ?? { ctx in
            try await ListingStore.count(ctx.sql, filter: filter, visibility: visibility)
        }
        return ListingConnection(page: page, after: after, totalCount: count)
    }
}

/// Input `ListingFilter` as the client sent it (enums by name, the provider by global ID).
struct ListingFilterInput: Decodable, Sendable {
    var query: String?
    var kind: String?
    var category: String?
    var city: String?
    var state: String?
    var providerId: String?
    var minPriceCents: Int64?
    var maxPriceCents: Int64?
    var tags: [String]?

    static let maximumQueryLength = 200
    static let maximumTags = 20

    /// The store's filter; malformed values are `BAD_USER_INPUT` errors.
    func filter() throws -> ListingFilter {
        if let query, query.count > Self.maximumQueryLength {
            throw APIError.badUserInput("`filter.query` must be at most \(Self.maximumQueryLength) characters.")
        }
        if let tags, tags.count > Self.maximumTags {
            throw APIError.badUserInput("`filter.tags` may hold at most \(Self.maximumTags) tags.")
        }
        if let min = minPriceCents, let max = maxPriceCents, min > max {
            throw APIError.badUserInput("`filter.minPriceCents` is more than `filter.maxPriceCents`.")
        }
        let kind = try self.kind.map { name in
            guard let kind = ListingKind(graphQLName: name) else { throw APIError.badUserInput("Unknown kind \(name).") }
            return kind
        }
        let providerID = try providerId.map { try GlobalID.parse($0, as: "Provider", argument: "filter.providerId") }
        return ListingFilter(
            query: query, kind: kind, category: blankToNil(category), city: blankToNil(city), state: blankToNil(state),
            providerID: providerID, minPriceCents: minPriceCents, maxPriceCents: maxPriceCents, tags: tags ?? [])
    }

    /// An empty text field means "any" (a form's empty select), not "equal to nothing".
    private func blankToNil(_ value: String?) -> String? {
        guard let value, !value.trimmingWhitespace().isEmpty else { return nil }
        return value.trimmingWhitespace()
    }
}
