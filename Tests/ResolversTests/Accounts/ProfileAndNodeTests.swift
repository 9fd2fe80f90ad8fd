import Foundation
import GraphQLEngine
import PostgresNIO
import XCTest

@testable import Resolvers

final class ProfileAndNodeTests: XCTestCase {
    static let updateDocument = """
        mutation($input: ProfileInput!) {
          updateProfile(input: $input) { user { id firstName lastName phone } errors { field code } }
        }
        """

    func testUpdateProfileChangesOnlyWhatIsGiven() async throws {
        try await GraphQLHarness.with { h in
            let account = try await h.register()
            let response = try await h.run(
                Self.updateDocument, ["input": ["lastName": " Byron ", "phone": "+44 20 7946 0958"]],
                token: account.access)
            XCTAssertEqual(response.errorCodes("data.updateProfile.errors"), [])
            XCTAssertEqual(response.string("data.updateProfile.user.firstName"), "Ada")
            XCTAssertEqual(response.string("data.updateProfile.user.lastName"), "Byron")
            XCTAssertEqual(response.string("data.updateProfile.user.phone"), "+44 20 7946 0958")
            // An empty phone removes it.
            let cleared = try await h.run(Self.updateDocument, ["input": ["phone": ""]], token: account.access)
            XCTAssertNil(cleared["data.updateProfile.user.phone"])
            XCTAssertEqual(cleared.string("data.updateProfile.user.lastName"), "Byron")
            let events = try await h.sql("SELECT count(*) FROM marketplace.events WHERE type = 'USER_UPDATED'")
                .first?.decode(Int.self)
            XCTAssertEqual(events, 2)
        }
    }

    func testUpdateProfileRefusesBadValues() async throws {
        try await GraphQLHarness.with { h in
            let account = try await h.register()
            let response = try await h.run(
                Self.updateDocument, ["input": ["firstName": "", "phone": "call me"]], token: account.access)
            XCTAssertEqual(response.errorCodes("data.updateProfile.errors"), ["INVALID_INPUT", "INVALID_INPUT"])
            XCTAssertEqual(response["data.updateProfile.errors.1.field"] as? [String], ["input", "phone"])
            XCTAssertNil(response["data.updateProfile.user"])
            let name = try await h.sql("SELECT first_name FROM marketplace.users").first?.decode(String.self)
            XCTAssertEqual(name, "Ada")
        }
    }

    func testNodeResolvesUsersAndHidesOtherPeoplesPrivateFields() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.register("ada@example.com")
            let grace = try await h.register("grace@example.com", first: "Grace", last: "Hopper")
            let document = """
                query($id: ID!) { node(id: $id) { __typename id ... on User { firstName email phone } } }
                """
            let own = try await h.run(document, ["id": .string(ada.id)], token: ada.access)
            XCTAssertEqual(own.string("data.node.__typename"), "User")
            XCTAssertEqual(own.string("data.node.email"), "ada@example.com")
            let other = try await h.run(document, ["id": .string(grace.id)], token: ada.access)
            XCTAssertEqual(other.string("data.node.firstName"), "Grace")
            XCTAssertNil(other["data.node.email"])
            let anonymous = try await h.run(document, ["id": .string(grace.id)])
            XCTAssertEqual(anonymous.string("data.node.id"), grace.id)
            XCTAssertNil(anonymous["data.node.email"])
            // An admin sees private fields.
            try await h.sql("UPDATE marketplace.users SET role = 'admin' WHERE email = 'ada@example.com'")
            let admin = try await h.run(document, ["id": .string(grace.id)], token: ada.access)
            XCTAssertEqual(admin.string("data.node.email"), "grace@example.com")
        }
    }

    func testNodeWithUnknownOrMalformedIDs() async throws {
        try await GraphQLHarness.with { h in
            let document = "query($id: ID!) { node(id: $id) { id } }"
            let unknown = GlobalID("User", UUID()).description
            let missing = try await h.run(document, ["id": .string(unknown)])
            XCTAssertEqual(missing.json["data"] as? [String: NSNull], ["node": NSNull()])
            XCTAssertEqual(missing.topLevelCodes, [])
            let otherType = try await h.run(document, ["id": .string(GlobalID("Listing", UUID()).description)])
            XCTAssertEqual(otherType.json["data"] as? [String: NSNull], ["node": NSNull()])
            for bad in ["garbage", "VXNlcjpub3QtYS11dWlk", ""] {  // the second is "User:not-a-uuid"
                let response = try await h.run(document, ["id": .string(bad)])
                XCTAssertEqual(response.topLevelCodes, ["BAD_USER_INPUT"], bad)
            }
        }
    }

    func testGlobalIDsRoundTripAndScalarsFormat() throws {
        let id = UUID()
        let global = GlobalID("User", id)
        XCTAssertEqual(Data(base64Encoded: global.description).map { String(decoding: $0, as: UTF8.self) },
                       "User:\(id.uuidString.lowercased())")
        XCTAssertEqual(GlobalID(decoding: global.description), global)
        XCTAssertEqual(Scalars.formatDateTime(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00Z")
        XCTAssertEqual(Scalars.formatDateTime(Date(timeIntervalSince1970: 1.25)), "1970-01-01T00:00:01.250Z")
        XCTAssertEqual(Scalars.parseDateTime("1970-01-01T00:00:01.250Z"), Date(timeIntervalSince1970: 1.25))
        XCTAssertEqual(Scalars.parseDateTime("1970-01-01T01:00:00+01:00"), Date(timeIntervalSince1970: 0))
    }
}
