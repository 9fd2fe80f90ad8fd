import Foundation
import PostgresNIO
import XCTest
@testable import Resolvers

/// The constraints of 0003_providers_listings.sql: each bad row is refused by the
/// database itself, whatever code writes it.
final class ListingSchemaTests: XCTestCase {
    func testConstraintsRefuseInconsistentRowsAndDerivedColumnsFollow() async throws {
        try await TestDatabase.withScratchDatabase { database in
            let client = database.client, logger = TestDatabase.logger
            try await Migrator(client: client, logger: logger).migrate(try Migration.bundled())
            let userID = UUID(), providerID = UUID()
            try await ListingFixtures.insertUser(client, id: userID, email: "a@example.com")
            try await client.query("""
                INSERT INTO marketplace.providers (id, user_id, business_name, slug)
                VALUES (\(providerID), \(userID), 'Shop', 'shop')
                """, logger: logger)

            // Each column list and values differ from a valid service listing in one way.
            let refused: [(String, String)] = [
                ("ticket without quantity", "kind, quantity) VALUES ('ticket', NULL"),
                ("digital without file", "kind, file_key) VALUES ('digital', NULL"),
                ("file on a service", "kind, file_key) VALUES ('service', 'f.zip'"),
                ("active, never published", "status, published_at) VALUES ('active', NULL"),
                ("negative price", "price_cents) VALUES (-1"),
                ("zero quantity", "quantity) VALUES (0"),
                ("unknown kind", "kind) VALUES ('auction'"),
                ("unknown status", "status) VALUES ('live'"),
                ("bad slug", "slug) VALUES ('Not A Slug'"),
                ("lower-case currency", "currency) VALUES ('usd'"),
                ("rating sum beyond 5 per review", "review_count, rating_sum) VALUES (2, 11"),
                ("NULL tag", "tags) VALUES (ARRAY['a', NULL]"),
            ]
            for (label, difference) in refused {
                // Static test text only (no user data): the point is the database's answer.
                let statement = Self.insert(providerID: providerID, overriding: difference)
                do {
                    try await client.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    XCTFail("accepted: \(label)")
                } catch let error as PSQLError {
                    let state = error.serverInfo?[.sqlState]
                    XCTAssertEqual(state, "23514", "\(label): a CHECK refuses it")
                }
            }

            // A valid row: the average and the search vector are derived by the database.
            try await client.query(PostgresQuery(unsafeSQL: Self.insert(
                providerID: providerID, overriding: "review_count, rating_sum) VALUES (3, 13")), logger: logger)
            let rows = try await client.query("""
                SELECT average_rating::text, search_vector @@ websearch_to_tsquery('english', 'lessons')
                FROM marketplace.listings
                """, logger: logger).collect()
            let (average, matches) = try XCTUnwrap(rows.first).decode((String, Bool).self)
            XCTAssertEqual(average, "4.33")
            XCTAssertTrue(matches)
            do {
                try await client.query("UPDATE marketplace.listings SET average_rating = 5", logger: logger)
                XCTFail("the average is derived, never written")
            } catch is PSQLError {}

            // Hard-deleting the user takes the provider, its listings and bookmarks along.
            try await client.query("DELETE FROM marketplace.users WHERE id = \(userID)", logger: logger)
            let left = try await client.query("SELECT count(*) FROM marketplace.listings", logger: logger).collect()
            XCTAssertEqual(try left.first?.decode(Int.self), 0)
        }
    }

    /// A valid service listing's INSERT, with the columns and values in `overriding`
    /// ("col1, col2) VALUES (v1, v2") replacing the defaults of those columns.
    private static func insert(providerID: UUID, overriding: String) -> String {
        var values: [(String, String)] = [
            ("provider_id", "'\(providerID.uuidString)'"), ("title", "'Guitar lessons'"), ("category", "'music'"),
            ("slug", "'guitar-\(UInt32.random(in: 0...UInt32.max))'"), ("kind", "'service'"), ("price_cents", "100"),
        ]
        let parts = overriding.components(separatedBy: ") VALUES (")
        let columns = parts[0].components(separatedBy: ", ")
        // Values may contain ", " only inside ARRAY[...]: split at top-level commas.
        var given: [String] = [], depth = 0, current = ""
        for character in parts[1] {
            if character == "[" { depth += 1 }
            if character == "]" { depth -= 1 }
            if character == ",", depth == 0 { given.append(current.trimmingCharacters(in: .whitespaces)); current = "" }
            else { current.append(character) }
        }
        given.append(current.trimmingCharacters(in: .whitespaces))
        for (column, value) in zip(columns, given) {
            values.removeAll { $0.0 == column }
            values.append((column, value))
        }
        return "INSERT INTO marketplace.listings (\(values.map(\.0).joined(separator: ", "))) VALUES (\(values.map(\.1).joined(separator: ", ")))"
    }
}
