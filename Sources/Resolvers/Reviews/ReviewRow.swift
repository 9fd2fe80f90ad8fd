import Foundation
import PostgresNIO

/// The schema's `ReviewStatus` (database values in lower case).
public enum ReviewStatus: String, Sendable, CaseIterable {
    case published, flagged, removed

    var graphQLName: String { rawValue.uppercased() }
    init?(graphQLName: String) { self.init(rawValue: graphQLName.lowercased()) }

    /// Shown reviews are listed and counted in the ratings; removed ones are neither.
    var isShown: Bool { self != .removed }
}

/// One row of `marketplace.reviews`.
public struct ReviewRow: Sendable, Equatable {
    public var id: UUID
    public var orderItemID: UUID
    public var listingID: UUID
    public var providerID: UUID
    public var authorID: UUID
    public var rating: Int
    public var title: String?
    public var body: String?
    public var providerResponse: String?
    public var respondedAt: Date?
    public var status: ReviewStatus
    public var createdAt: Date

    static let columns: StaticString = """
        r.id, r.order_item_id, r.listing_id, r.provider_id, r.author_id, r.rating::int8, r.title, r.body, \
        r.provider_response, r.responded_at, r.status, r.created_at
        """
    static let columnCount = 12

    static func decode(_ row: PostgresRandomAccessRow) throws -> ReviewRow {
        var r = ColumnReader(row: row)
        return ReviewRow(
            id: try r.next(UUID.self), orderItemID: try r.next(UUID.self), listingID: try r.next(UUID.self),
            providerID: try r.next(UUID.self), authorID: try r.next(UUID.self), rating: try r.next(Int.self),
            title: try r.next(String?.self), body: try r.next(String?.self),
            providerResponse: try r.next(String?.self), respondedAt: try r.next(Date?.self),
            status: try r.nextEnum(ReviewStatus.self), createdAt: try r.next(Date.self))
    }
}
