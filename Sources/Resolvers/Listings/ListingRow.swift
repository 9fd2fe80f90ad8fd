import Foundation
import PostgresNIO

/// What a listing is: booked and delivered, downloaded, or a limited ticket.
public enum ListingKind: String, Sendable, CaseIterable {
    case service, digital, ticket
}

/// A listing's life cycle; only `active` listings are browsable.
public enum ListingStatus: String, Sendable, CaseIterable {
    case draft, active, paused, archived
    case soldOut = "sold_out"
}

/// One row of `marketplace.listings`, every column the API reads.
public struct ListingRow: Sendable, Equatable {
    public var id: UUID
    public var providerID: UUID
    public var slug: String
    public var kind: ListingKind
    public var title: String
    public var description: String
    public var category: String
    public var tags: [String]
    public var priceCents: Int64
    /// ISO 4217, upper case (`USD`).
    public var currency: String
    public var priceType: String
    /// S3 keys; URLs are presigned when the API asks.
    public var imageKeys: [String]
    /// The S3 key of a digital listing's file (nil for other kinds).
    public var fileKey: String?
    /// The file's type and size as S3 reported them when the listing accepted the key.
    public var fileContentType: String?
    public var fileSizeBytes: Int64?
    /// nil means unlimited; a ticket always has one.
    public var quantity: Int?
    public var city: String?
    public var state: String?
    public var country: String
    public var eventStartsAt: Date?
    public var venue: String?
    public var status: ListingStatus
    public var publishedAt: Date?
    public var savedCount: Int
    public var orderCount: Int
    public var reviewCount: Int
    public var ratingSum: Int64
    /// rating_sum / review_count rounded to two decimals (0 without reviews), exact.
    public var averageRating: Decimal
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?
}

extension ListingRow {
    /// The select list `decode(_:)` reads, in its order, for a query whose listings
    /// table is aliased `l`. citext columns are cast to text so that they decode as text.
    static let columns: StaticString = """
        l.id, l.provider_id, l.slug, l.kind, l.title, l.description, l.category::text, l.tags, \
        l.price_cents, l.currency::text, l.price_type, l.image_keys, l.file_key, l.file_content_type, \
        l.file_size_bytes, l.quantity, \
        l.city::text, l.state::text, l.country, l.event_starts_at, l.venue, l.status, l.published_at, \
        l.saved_count, l.order_count, l.review_count, l.rating_sum, l.average_rating, \
        l.created_at, l.updated_at, l.deleted_at
        """

    /// How many columns `columns` selects: a query may select more after them.
    static let columnCount = 31

    /// Reads the first `columnCount` columns of `row` (selected by `columns`).
    static func decode(_ row: PostgresRandomAccessRow) throws -> ListingRow {
        var reader = ColumnReader(row: row)
        return ListingRow(
            id: try reader.next(UUID.self),
            providerID: try reader.next(UUID.self),
            slug: try reader.next(String.self),
            kind: try reader.nextEnum(ListingKind.self),
            title: try reader.next(String.self),
            description: try reader.next(String.self),
            category: try reader.next(String.self),
            tags: try reader.next([String].self),
            priceCents: try reader.next(Int64.self),
            currency: try reader.next(String.self),
            priceType: try reader.next(String.self),
            imageKeys: try reader.next([String].self),
            fileKey: try reader.next(String?.self),
            fileContentType: try reader.next(String?.self),
            fileSizeBytes: try reader.next(Int64?.self),
            quantity: try reader.next(Int?.self),
            city: try reader.next(String?.self),
            state: try reader.next(String?.self),
            country: try reader.next(String.self),
            eventStartsAt: try reader.next(Date?.self),
            venue: try reader.next(String?.self),
            status: try reader.nextEnum(ListingStatus.self),
            publishedAt: try reader.next(Date?.self),
            savedCount: try reader.next(Int.self),
            orderCount: try reader.next(Int.self),
            reviewCount: try reader.next(Int.self),
            ratingSum: try reader.next(Int64.self),
            averageRating: try reader.next(Decimal.self),
            createdAt: try reader.next(Date.self),
            updatedAt: try reader.next(Date.self),
            deletedAt: try reader.next(Date?.self))
    }
}

/// Reads a row's columns left to right, so a long select list decodes without tuples.
struct ColumnReader {
    let row: PostgresRandomAccessRow
    private(set) var index = 0

    init(row: PostgresRandomAccessRow) {
        self.row = row
    }

    mutating func next<T: PostgresDecodable>(_ type: T.Type) throws -> T {
        defer { index += 1 }
        return try row[index].decode(T.self, context: .default)
    }

    /// A text column holding one of `T`'s raw values; anything else is a decoding error
    /// (the table's CHECK should make that impossible).
    mutating func nextEnum<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let column = index
        let text = try next(String.self)
        guard let value = T(rawValue: text) else {
            throw ColumnReaderError.unexpectedValue(column: row[column].columnName, value: text)
        }
        return value
    }
}

/// A value the database returned that the Swift type cannot represent.
enum ColumnReaderError: Error, CustomStringConvertible {
    case unexpectedValue(column: String, value: String)
    var description: String {
        switch self {
        case let .unexpectedValue(column, value): "unexpected value \"\(value)\" in column \"\(column)\""
        }
    }
}
