import Foundation
import PostgresNIO

/// What to browse: the API's `ListingFilter`. Every field narrows; nil (or empty) means any.
public struct ListingFilter: Sendable, Hashable {
    /// Full-text search (`websearch_to_tsquery` syntax: words, "phrases", -not, or).
    public var query: String?
    public var kind: ListingKind?
    /// Case-insensitive.
    public var category: String?
    /// Case-insensitive.
    public var city: String?
    /// Case-insensitive.
    public var state: String?
    public var providerID: UUID?
    public var minPriceCents: Int64?
    public var maxPriceCents: Int64?
    /// A listing matches when it has all of them (case-insensitive).
    public var tags: [String]
    /// Only this status: for `.provider` visibility (published searches show active ones only).
    public var status: ListingStatus?

    public init(
        query: String? = nil, kind: ListingKind? = nil, category: String? = nil, city: String? = nil,
        state: String? = nil, providerID: UUID? = nil, minPriceCents: Int64? = nil,
        maxPriceCents: Int64? = nil, tags: [String] = [], status: ListingStatus? = nil
    ) {
        self.query = query
        self.kind = kind
        self.category = category
        self.city = city
        self.state = state
        self.providerID = providerID
        self.minPriceCents = minPriceCents
        self.maxPriceCents = maxPriceCents
        self.tags = tags
        self.status = status
    }

    /// The query, or nil when it is blank (a blank search means "no search").
    var searchText: String? {
        guard let query, query.contains(where: { !$0.isWhitespace }) else { return nil }
        return query
    }

    /// Tags as stored: trimmed, lower case, unique, sorted (the order does not matter to `@>`).
    var normalizedTags: [String] {
        Array(Set(tags.map(ListingTags.normalize).filter { !$0.isEmpty })).sorted()
    }
}

/// Tag spelling shared by writes and the filter.
public enum ListingTags {
    public static func normalize(_ tag: String) -> String {
        tag.trimmingWhitespace().lowercased()
    }
}

/// The API's `ListingSort`. Every sort ends with the id, so the order is total and a
/// keyset cursor is exact even among equal prices, ratings or dates.
public enum ListingSort: String, Sendable, CaseIterable {
    /// Most recently published first (a provider's own view: most recently created).
    case newest
    case priceAsc = "price_asc"
    case priceDesc = "price_desc"
    /// Highest average rating first.
    case rating
    /// Best full-text match first; without a query, the same as `newest`.
    case relevance

    var keyType: KeyType {
        switch self {
        case .newest: .microseconds
        case .priceAsc, .priceDesc: .integer
        case .rating, .relevance: .numeric
        }
    }
}

/// Whose listings a search sees.
public enum ListingVisibility: Sendable, Hashable {
    /// Public browse: active, not deleted, of a provider that is active and not deleted.
    case published
    /// A provider's own dashboard: every status, not deleted.
    case provider(UUID)
}

/// One listing of a page and the cursor that starts the page after it.
public struct ListingEdge: Sendable, Equatable {
    public var row: ListingRow
    public var cursor: String
}

/// One page of a search.
public struct ListingPage: Sendable, Equatable {
    public var edges: [ListingEdge]
    public var hasNextPage: Bool
    public var endCursor: String? { edges.last?.cursor }
    public var rows: [ListingRow] { edges.map(\.row) }
}

/// Input a client can get wrong (the API reports these as `BAD_USER_INPUT`).
public enum ListingSearchError: Error, Equatable, CustomStringConvertible {
    case invalidCursor
    case firstOutOfRange(Int)
    public var description: String {
        switch self {
        case .invalidCursor: "The cursor is not valid for this query; start again without `after`."
        case .firstOutOfRange(let first): "`first` must be between 1 and 100, not \(first)."
        }
    }
}

extension ListingStore {
    public static let maximumPageSize = 100

    /// One page of listings, in one statement. `first` is 1...100; `after` is an
    /// `endCursor` (or edge cursor) of the same search.
    public static func search(
        _ sql: SQLExecutor, filter: ListingFilter, sort: ListingSort = .newest, first: Int, after: String? = nil,
        visibility: ListingVisibility = .published
    ) async throws -> ListingPage {
        guard (1...maximumPageSize).contains(first) else { throw ListingSearchError.firstOutOfRange(first) }
        let plan = ListingSearchPlan(filter: filter, sort: sort, visibility: visibility)
        let cursor = try after.map { try ListingCursor.decode($0, sort: plan.sort, fingerprint: plan.fingerprint) }

        var statement = SQLBuilder("SELECT ")
        statement.append(ListingRow.columns)
        statement.append(", ")
        statement.append(plan.keyText)
        statement.append(" AS cursor_key")
        plan.appendFromAndWhere(to: &statement)
        if let cursor { plan.appendKeyset(after: cursor, to: &statement) }
        plan.appendOrderBy(to: &statement)
        // One row more than asked: its presence is hasNextPage, without a count.
        statement.append(" LIMIT ", first + 1)

        let rows = try await sql.query(statement.query)
        var edges: [ListingEdge] = []
        edges.reserveCapacity(min(rows.count, first))
        for row in rows.prefix(first) {
            let columns = row.makeRandomAccess()
            let listing = try ListingRow.decode(columns)
            let key = try columns[ListingRow.columnCount].decode(String.self, context: .default)
            let cursor = ListingCursor(sort: plan.sort, fingerprint: plan.fingerprint, key: key, id: listing.id)
            edges.append(ListingEdge(row: listing, cursor: cursor.encoded()))
        }
        return ListingPage(edges: edges, hasNextPage: rows.count > first)
    }

    /// How many listings the search matches (`totalCount`), in one statement; asked for
    /// separately so a page that does not show the total does not pay for it.
    public static func count(
        _ sql: SQLExecutor, filter: ListingFilter, visibility: ListingVisibility = .published
    ) async throws -> Int {
        let plan = ListingSearchPlan(filter: filter, sort: .newest, visibility: visibility)
        var statement = SQLBuilder("SELECT count(*)")
        plan.appendFromAndWhere(to: &statement)
        let rows = try await sql.query(statement.query)
        guard let row = rows.first else { return 0 }
        return try row.decode(Int.self)
    }
}

/// The SQL of one search, from static fragments (see `SQLBuilder` for why that is safe).
struct ListingSearchPlan {
    let filter: ListingFilter
    let visibility: ListingVisibility
    let searchText: String?
    /// The sort that runs: `relevance` without a query is `newest`.
    let sort: ListingSort
    let fingerprint: String

    init(filter: ListingFilter, sort: ListingSort, visibility: ListingVisibility) {
        self.filter = filter
        self.visibility = visibility
        self.searchText = filter.searchText
        self.sort = sort == .relevance && searchText == nil ? .newest : sort
        let scope: String
        switch visibility {
        case .published: scope = "published"
        case .provider(let id): scope = "provider:\(id.uuidString)"
        }
        self.fingerprint = listingFingerprint([
            scope, self.sort.rawValue, searchText ?? "", filter.kind?.rawValue ?? "",
            filter.category?.lowercased() ?? "", filter.city?.lowercased() ?? "",
            filter.state?.lowercased() ?? "", filter.providerID?.uuidString ?? "",
            filter.minPriceCents.map(String.init) ?? "", filter.maxPriceCents.map(String.init) ?? "",
            filter.normalizedTags.joined(separator: ","), filter.status?.rawValue ?? "",
        ])
    }

    /// The sort key, as ORDER BY and the keyset comparison use it.
    var key: StaticString {
        switch (sort, visibility) {
        case (.newest, .published): "l.published_at"
        // Drafts have no published_at; on the dashboard, newest means newest created.
        case (.newest, .provider): "l.created_at"
        case (.priceAsc, _), (.priceDesc, _): "l.price_cents"
        case (.rating, _): "l.average_rating"
        // float4 cast to numeric: deterministic and exactly printable, so the cursor's
        // text compares equal to the row it came from.
        case (.relevance, _): "ts_rank_cd(l.search_vector, q.tsq)::numeric"
        }
    }

    /// The sort key as the exact text a cursor carries (see `ListingSort.KeyType`).
    var keyText: StaticString {
        switch (sort, visibility) {
        case (.newest, .published): "(extract(epoch FROM l.published_at) * 1000000)::bigint::text"
        case (.newest, .provider): "(extract(epoch FROM l.created_at) * 1000000)::bigint::text"
        case (.priceAsc, _), (.priceDesc, _): "l.price_cents::text"
        case (.rating, _): "l.average_rating::text"
        case (.relevance, _): "(ts_rank_cd(l.search_vector, q.tsq)::numeric)::text"
        }
    }

    var descending: Bool { sort != .priceAsc }

    func appendFromAndWhere(to statement: inout SQLBuilder) {
        statement.append(" FROM marketplace.listings l")
        if let searchText {
            // Parsed once per statement; websearch_to_tsquery never fails on user input.
            statement.append(" CROSS JOIN websearch_to_tsquery('english', ", searchText)
            statement.append(") AS q(tsq)")
        }
        switch visibility {
        case .published:
            statement.append(" JOIN marketplace.providers p ON p.id = l.provider_id")
            statement.append(" WHERE l.deleted_at IS NULL AND l.status = 'active'")
            statement.append(" AND p.deleted_at IS NULL AND p.status = 'active'")
        case .provider(let providerID):
            statement.append(" WHERE l.deleted_at IS NULL AND l.provider_id = ", providerID)
        }
        if searchText != nil { statement.append(" AND l.search_vector @@ q.tsq") }
        if let kind = filter.kind { statement.append(" AND l.kind = ", kind.rawValue) }
        if let status = filter.status { statement.append(" AND l.status = ", status.rawValue) }
        // citext = citext: case-insensitive, and still the btree indexes on those columns.
        if let category = filter.category { statement.append(" AND l.category = ", category, cast: "::citext") }
        if let city = filter.city { statement.append(" AND l.city = ", city, cast: "::citext") }
        if let state = filter.state { statement.append(" AND l.state = ", state, cast: "::citext") }
        if let providerID = filter.providerID { statement.append(" AND l.provider_id = ", providerID) }
        if let min = filter.minPriceCents { statement.append(" AND l.price_cents >= ", min) }
        if let max = filter.maxPriceCents { statement.append(" AND l.price_cents <= ", max) }
        let tags = filter.normalizedTags
        if !tags.isEmpty { statement.append(" AND l.tags @> ", tags, cast: "::text[]") }
    }

    /// Rows strictly after the cursor's row in ORDER BY's order. Key and id go the same
    /// direction, so one row comparison says it and matches the (key, id) index.
    func appendKeyset(after cursor: ListingCursor, to statement: inout SQLBuilder) {
        statement.append(" AND (")
        statement.append(key)
        statement.append(", l.id)")
        statement.append(descending ? " < (" : " > (")
        switch sort.keyType {
        case .microseconds:
            // Integer arithmetic on microseconds: exact, unlike a float of seconds.
            statement.append("TIMESTAMPTZ 'epoch' + ", Int64(cursor.key) ?? 0, cast: "::bigint")
            statement.append(" * INTERVAL '1 microsecond'")
        case .integer:
            statement.bind(Int64(cursor.key) ?? 0, cast: "::bigint")
        case .numeric:
            statement.bind(cursor.key, cast: "::numeric")
        }
        statement.append(", ", cursor.id)
        statement.append(")")
    }

    func appendOrderBy(to statement: inout SQLBuilder) {
        statement.append(" ORDER BY ")
        statement.append(key)
        statement.append(descending ? " DESC, l.id DESC" : " ASC, l.id ASC")
    }
}
