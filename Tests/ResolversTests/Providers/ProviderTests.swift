import Foundation
import GraphQLEngine
import PostgresNIO
import XCTest

@testable import Resolvers

final class ProviderTests: XCTestCase {
    static let becomeDocument = """
        mutation($input: ProviderInput!) {
          becomeProvider(input: $input) {
            provider {
              id businessName slug description city state country website averageRating reviewCount
              stripeOnboardingComplete payoutsEnabled createdAt user { id role }
            }
            errors { field code message }
          }
        }
        """

    static let updateDocument = """
        mutation($input: ProviderInput!) {
          updateProvider(input: $input) {
            provider { id businessName slug description city state website }
            errors { field code message }
          }
        }
        """

    /// Makes `token`'s user a provider and returns the provider's global id.
    static func becomeProvider(
        _ h: GraphQLHarness, token: String, name: String, file: StaticString = #filePath, line: UInt = #line
    ) async throws -> String {
        let response = try await h.run(becomeDocument, ["input": ["businessName": .string(name)]], token: token)
        XCTAssertEqual(response.errorCodes("data.becomeProvider.errors"), [], file: file, line: line)
        return try XCTUnwrap(response.string("data.becomeProvider.provider.id"), file: file, line: line)
    }

    func testBecomeProviderCreatesTheProfileAndPromotesTheUser() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.register()
            let response = try await h.run(Self.becomeDocument, [
                "input": ["businessName": "  Ada's Bakery ", "businessDescription": "Bread.", "city": "Austin",
                          "state": "TX", "website": "https://ada.example"],
            ], token: ada.access)
            XCTAssertEqual(response.errorCodes("data.becomeProvider.errors"), [])
            XCTAssertEqual(response.string("data.becomeProvider.provider.businessName"), "Ada's Bakery")
            XCTAssertEqual(response.string("data.becomeProvider.provider.slug"), "ada-s-bakery")
            XCTAssertEqual(response.string("data.becomeProvider.provider.description"), "Bread.")
            XCTAssertEqual(response.string("data.becomeProvider.provider.city"), "Austin")
            XCTAssertEqual(response.string("data.becomeProvider.provider.state"), "TX")
            XCTAssertEqual(response.string("data.becomeProvider.provider.country"), "US")
            XCTAssertEqual(response.string("data.becomeProvider.provider.website"), "https://ada.example")
            XCTAssertEqual(response["data.becomeProvider.provider.averageRating"] as? Double, 0)
            XCTAssertEqual(response["data.becomeProvider.provider.reviewCount"] as? Int, 0)
            XCTAssertEqual(response["data.becomeProvider.provider.stripeOnboardingComplete"] as? Bool, false)
            XCTAssertEqual(response["data.becomeProvider.provider.payoutsEnabled"] as? Bool, false)
            XCTAssertNotNil(response.string("data.becomeProvider.provider.createdAt"))
            XCTAssertEqual(response.string("data.becomeProvider.provider.user.id"), ada.id)
            XCTAssertEqual(response.string("data.becomeProvider.provider.user.role"), "PROVIDER")
            // viewer, BEGIN, exists, slugs, insert + role, event, COMMIT (the user reloaded: 1).
            XCTAssertEqual(response.statements, 8)
            let role = try await h.sql("SELECT role FROM marketplace.users").first?.decode(String.self)
            XCTAssertEqual(role, "provider")
            let events = try await h.sql("""
                SELECT count(*) FROM marketplace.events e JOIN marketplace.providers p ON p.id = e.entity_id
                WHERE e.type = 'PROVIDER_CREATED'
                """).first?.decode(Int.self)
            XCTAssertEqual(events, 1)

            // Another provider of the same name gets the next slug.
            let grace = try await h.register("grace@example.com", first: "Grace", last: "Hopper")
            let second = try await h.run(
                Self.becomeDocument, ["input": ["businessName": "Ada's bakery!"]], token: grace.access)
            XCTAssertEqual(second.string("data.becomeProvider.provider.slug"), "ada-s-bakery-2")
            XCTAssertNil(second["data.becomeProvider.provider.city"])
        }
    }

    func testBecomeProviderTwiceIsAlreadyProvider() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.register()
            _ = try await Self.becomeProvider(h, token: ada.access, name: "Ada's Bakery")
            let again = try await h.run(
                Self.becomeDocument, ["input": ["businessName": "Another Shop"]], token: ada.access)
            XCTAssertEqual(again.errorCodes("data.becomeProvider.errors"), ["ALREADY_PROVIDER"])
            XCTAssertNil(again["data.becomeProvider.provider"])
            let count = try await h.sql("SELECT count(*) FROM marketplace.providers").first?.decode(Int.self)
            XCTAssertEqual(count, 1)
        }
    }

    func testBecomeProviderRefusesBadInput() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.register()
            for name in ["A", "  x ", String(repeating: "n", count: 81)] {
                let response = try await h.run(
                    Self.becomeDocument, ["input": ["businessName": .string(name)]], token: ada.access)
                XCTAssertEqual(response.errorCodes("data.becomeProvider.errors"), ["INVALID_INPUT"], name)
                XCTAssertEqual(response["data.becomeProvider.errors.0.field"] as? [String], ["input", "businessName"])
                XCTAssertNil(response["data.becomeProvider.provider"])
            }
            let missing = try await h.run(Self.becomeDocument, ["input": ["city": "Austin"]], token: ada.access)
            XCTAssertEqual(missing.errorCodes("data.becomeProvider.errors"), ["INVALID_INPUT"])
            let badSite = try await h.run(
                Self.becomeDocument, ["input": ["businessName": "Ada's Bakery", "website": "javascript:alert(1)"]],
                token: ada.access)
            XCTAssertEqual(badSite["data.becomeProvider.errors.0.field"] as? [String], ["input", "website"])
            let rows = try await h.sql("SELECT count(*) FROM marketplace.providers").first?.decode(Int.self)
            XCTAssertEqual(rows, 0)
            let role = try await h.sql("SELECT role FROM marketplace.users").first?.decode(String.self)
            XCTAssertEqual(role, "buyer")
        }
    }

    func testAnonymousCallersAreUnauthenticated() async throws {
        try await GraphQLHarness.with { h in
            let become = try await h.run(Self.becomeDocument, ["input": ["businessName": "Ada's Bakery"]])
            XCTAssertEqual(become.topLevelCodes, ["UNAUTHENTICATED"])
            let update = try await h.run(Self.updateDocument, ["input": ["businessName": "Ada's Bakery"]])
            XCTAssertEqual(update.topLevelCodes, ["UNAUTHENTICATED"])
        }
    }

    func testUpdateProviderChangesOnlyTheViewersOwn() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.register()
            let id = try await Self.becomeProvider(h, token: ada.access, name: "Ada's Bakery")
            _ = try await h.run(Self.updateDocument, ["input": ["city": "Austin"]], token: ada.access)
            let response = try await h.run(
                Self.updateDocument, ["input": ["businessName": "Ada's Patisserie", "state": "TX", "city": ""]],
                token: ada.access)
            XCTAssertEqual(response.errorCodes("data.updateProvider.errors"), [])
            XCTAssertEqual(response.string("data.updateProvider.provider.id"), id)
            XCTAssertEqual(response.string("data.updateProvider.provider.businessName"), "Ada's Patisserie")
            XCTAssertEqual(response.string("data.updateProvider.provider.slug"), "ada-s-bakery")  // slugs stay
            XCTAssertEqual(response.string("data.updateProvider.provider.state"), "TX")
            XCTAssertNil(response["data.updateProvider.provider.city"])
            let bad = try await h.run(Self.updateDocument, ["input": ["businessName": "x"]], token: ada.access)
            XCTAssertEqual(bad.errorCodes("data.updateProvider.errors"), ["INVALID_INPUT"])

            // Someone without a provider changes nothing (and cannot reach Ada's).
            let grace = try await h.register("grace@example.com", first: "Grace", last: "Hopper")
            let none = try await h.run(Self.updateDocument, ["input": ["businessName": "Hijack"]], token: grace.access)
            XCTAssertEqual(none.errorCodes("data.updateProvider.errors"), ["NOT_A_PROVIDER"])
            XCTAssertNil(none["data.updateProvider.provider"])
            let name = try await h.sql("SELECT business_name FROM marketplace.providers").first?.decode(String.self)
            XCTAssertEqual(name, "Ada's Patisserie")
        }
    }

    func testProviderByIDAndNodeAndHiddenStates() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.register()
            let id = try await Self.becomeProvider(h, token: ada.access, name: "Ada's Bakery")
            let byID = try await h.run(
                "query($id: ID!) { provider(id: $id) { id businessName user { id firstName } } }", ["id": .string(id)])
            XCTAssertEqual(byID.string("data.provider.id"), id)
            XCTAssertEqual(byID.string("data.provider.businessName"), "Ada's Bakery")
            XCTAssertEqual(byID.string("data.provider.user.id"), ada.id)
            XCTAssertEqual(byID.string("data.provider.user.firstName"), "Ada")

            let node = try await h.run(
                "query($id: ID!) { node(id: $id) { __typename id ... on Provider { slug } } }", ["id": .string(id)])
            XCTAssertEqual(node.string("data.node.__typename"), "Provider")
            XCTAssertEqual(node.string("data.node.slug"), "ada-s-bakery")

            // A user's id is not a provider's.
            let wrongType = try await h.run("query($id: ID!) { provider(id: $id) { id } }", ["id": .string(ada.id)])
            XCTAssertEqual(wrongType.topLevelCodes, ["BAD_USER_INPUT"])
            let unknown = try await h.run(
                "query($id: ID!) { provider(id: $id) { id } }", ["id": .string(GlobalID("Provider", UUID()).description)])
            XCTAssertNil(unknown["data.provider"])
            XCTAssertEqual(unknown.topLevelCodes, [])

            // Suspended or deleted: null everywhere.
            try await h.sql("UPDATE marketplace.providers SET status = 'suspended'")
            let suspended = try await h.run("query($id: ID!) { provider(id: $id) { id } }", ["id": .string(id)])
            XCTAssertNil(suspended["data.provider"])
            XCTAssertEqual(suspended.topLevelCodes, [])
            let me = try await h.run("{ me { provider { id } } }", token: ada.access)
            XCTAssertNil(me["data.me.provider"])
            let frozen = try await h.run(
                "mutation { updateProvider(input: { city: \"Elsewhere\" }) { provider { id } errors { code } } }",
                token: ada.access)
            XCTAssertEqual(frozen.topLevelCodes, ["FORBIDDEN"])
            let city = try await h.sql("SELECT city::text FROM marketplace.providers")
            XCTAssertNotEqual(try city[0].decode(String?.self), "Elsewhere")
            try await h.sql("UPDATE marketplace.providers SET status = 'active', deleted_at = now()")
            let deleted = try await h.run("query($id: ID!) { node(id: $id) { id } }", ["id": .string(id)])
            XCTAssertNil(deleted["data.node"])
        }
    }

    func testMeProviderAndProviderUser() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.register()
            let before = try await h.run("{ me { provider { businessName } } }", token: ada.access)
            XCTAssertNil(before["data.me.provider"])
            XCTAssertNotNil(before["data.me"])
            _ = try await Self.becomeProvider(h, token: ada.access, name: "Ada's Bakery")
            let response = try await h.run(
                "{ me { role provider { businessName user { id } } } }", token: ada.access)
            XCTAssertEqual(response.string("data.me.role"), "PROVIDER")
            XCTAssertEqual(response.string("data.me.provider.businessName"), "Ada's Bakery")
            XCTAssertEqual(response.string("data.me.provider.user.id"), ada.id)
            // The viewer (which primes the user), the provider by user id; the user is cached.
            XCTAssertEqual(response.statements, 2)
        }
    }

    func testProvidersOfManyUsersLoadInOneStatementPerLevel() async throws {
        try await GraphQLHarness.with { h in
            var providerIDs: [String] = []
            for n in 1...4 {
                let account = try await h.register("user\(n)@example.com", first: "User\(n)")
                providerIDs.append(try await Self.becomeProvider(h, token: account.access, name: "Shop \(n)"))
            }
            let fields = "... on Provider { businessName user { firstName provider { slug } } }"
            let document = "query(" + (0..<4).map { "$id\($0): ID!" }.joined(separator: ", ") + ") { "
                + (0..<4).map { "p\($0): node(id: $id\($0)) { id \(fields) }" }.joined(separator: " ") + " }"
            var variables: [String: InputValue] = [:]
            for (n, id) in providerIDs.enumerated() { variables["id\(n)"] = .string(id) }
            let response = try await h.run(document, variables)
            for n in 0..<4 {
                XCTAssertEqual(response.string("data.p\(n).businessName"), "Shop \(n + 1)")
                XCTAssertEqual(response.string("data.p\(n).user.firstName"), "User\(n + 1)")
                XCTAssertEqual(response.string("data.p\(n).user.provider.slug"), "shop-\(n + 1)")
            }
            // Anonymous: providers by id, users by id, providers by user id: one each.
            XCTAssertEqual(response.statements, 3)

            // The same through provider(id:) and me: the users' providers in one statement too.
            let viaQuery = try await h.run(
                "query(" + (0..<4).map { "$id\($0): ID!" }.joined(separator: ", ") + ") { "
                    + (0..<4).map { "p\($0): provider(id: $id\($0)) { user { provider { businessName } } }" }
                    .joined(separator: " ") + " }", variables)
            XCTAssertEqual(viaQuery.string("data.p3.user.provider.businessName"), "Shop 4")
            XCTAssertEqual(viaQuery.statements, 3)
        }
    }
}
