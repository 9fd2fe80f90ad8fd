import Foundation

/// The schema's `PageInfo` (Relay): forward pagination only, so `hasPreviousPage` says
/// whether the page started after a cursor.
public struct PageInfo: Sendable {
    public var hasNextPage: Bool
    public var hasPreviousPage: Bool
    public var startCursor: String?
    public var endCursor: String?
}

/// `first` of a connection: 20 when left out; 1 to 100, else a `BAD_USER_INPUT` error.
enum PageSize {
    static let defaultSize = 20
    static let maximum = 100

    static func resolve(_ first: Int?) throws -> Int {
        guard let first else { return defaultSize }
        guard (1...maximum).contains(first) else {
            throw APIError.badUserInput("`first` must be between 1 and \(maximum), not \(first).")
        }
        return first
    }
}
