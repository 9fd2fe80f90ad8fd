import Foundation
import GraphQLEngine
import PostgresNIO
import XCTest

@testable import Resolvers

final class RegisterTests: XCTestCase {
    func testRegisterCreatesAnAccountSignsInAndMailsAVerificationLink() async throws {
        try await GraphQLHarness.with { h in
            let response = try await h.run(GraphQLHarness.registerDocument, [
                "input": ["email": "  Ada@Example.com ", "password": "analytical1", "firstName": " Ada ",
                          "lastName": "Lovelace"],
            ])
            XCTAssertEqual(response.errorCodes("data.register.errors"), [])
            XCTAssertEqual(response.string("data.register.user.email"), "Ada@Example.com")
            XCTAssertEqual(response.string("data.register.user.firstName"), "Ada")
            XCTAssertEqual(response.string("data.register.user.role"), "BUYER")
            XCTAssertEqual(response["data.register.user.emailVerified"] as? Bool, false)
            XCTAssertNotNil(response.string("data.register.accessToken"))
            XCTAssertNotNil(response.string("data.register.refreshToken"))
            let createdAt = try XCTUnwrap(response.string("data.register.user.createdAt"))
            XCTAssertTrue(createdAt.hasSuffix("Z"), createdAt)
            let id = try XCTUnwrap(response.string("data.register.user.id"))
            let global = try XCTUnwrap(GlobalID(decoding: id))
            XCTAssertEqual(global.type, "User")

            // The password is stored as a bcrypt hash; the mail and the event are written.
            let hash = try await h.sql("SELECT password_hash FROM marketplace.users WHERE id = \(global.id)")
                .first?.decode(String.self)
            XCTAssertEqual(hash?.hasPrefix("$2b$04$"), true, hash ?? "no hash")
            let token = try await h.mailedToken(to: "ada@example.com", template: "verify_email")
            XCTAssertEqual(token?.count, 43)
            let link = try await h.sql(
                "SELECT payload->>'link' FROM marketplace.email_outbox WHERE template = 'verify_email'"
            ).first?.decode(String.self)
            XCTAssertEqual(link, "https://shop.test/verify-email?token=\(token ?? "")")
            let events = try await h.sql(
                "SELECT type FROM marketplace.events WHERE entity_id = \(global.id)").map { try $0.decode(String.self) }
            XCTAssertEqual(events, ["USER_CREATED"])

            // The access token works at once.
            let me = try await h.run("{ me { id email } }", token: response.string("data.register.accessToken"))
            XCTAssertEqual(me.string("data.me.id"), id)
            XCTAssertEqual(me.string("data.me.email"), "Ada@Example.com")
        }
    }

    func testDuplicateEmailIsTakenWhateverItsCase() async throws {
        try await GraphQLHarness.with { h in
            _ = try await h.register("grace@example.com")
            let response = try await h.run(GraphQLHarness.registerDocument, [
                "input": ["email": "GRACE@example.com", "password": "compiler42", "firstName": "Grace",
                          "lastName": "Hopper"],
            ])
            XCTAssertEqual(response.errorCodes("data.register.errors"), ["EMAIL_TAKEN"])
            XCTAssertEqual(response["data.register.errors.0.field"] as? [String], ["input", "email"])
            XCTAssertNil(response["data.register.user"])
            XCTAssertNil(response["data.register.accessToken"])
            let count = try await h.sql("SELECT count(*) FROM marketplace.users").first?.decode(Int.self)
            XCTAssertEqual(count, 1)
            // Nothing else of the failed sign-up was kept (one transaction).
            let sessions = try await h.sql("SELECT count(*) FROM marketplace.sessions").first?.decode(Int.self)
            XCTAssertEqual(sessions, 1)
        }
    }

    func testWeakPasswordsAreRefused() async throws {
        try await GraphQLHarness.with { h in
            for password in ["short1", "onlyletters", "1234567890", String(repeating: "a1", count: 40)] {
                let response = try await h.run(GraphQLHarness.registerDocument, [
                    "input": ["email": "x@example.com", "password": .string(password), "firstName": "X",
                              "lastName": "Y"],
                ])
                XCTAssertEqual(response.errorCodes("data.register.errors"), ["WEAK_PASSWORD"], password)
                XCTAssertEqual(response["data.register.errors.0.field"] as? [String], ["input", "password"])
            }
            let count = try await h.sql("SELECT count(*) FROM marketplace.users").first?.decode(Int.self)
            XCTAssertEqual(count, 0)
        }
    }

    func testBadEmailsAndNamesAreRefusedAllAtOnce() async throws {
        try await GraphQLHarness.with { h in
            for email in ["", "plain", "a@b", "a@@b.com", "a b@c.com", "@c.com", "a@c..com", "a.@c.com", "a@-c.com"] {
                let response = try await h.run(GraphQLHarness.registerDocument, [
                    "input": ["email": .string(email), "password": "goodpass1", "firstName": "X", "lastName": "Y"],
                ])
                XCTAssertEqual(response.errorCodes("data.register.errors"), ["INVALID_EMAIL"], email)
            }
            let response = try await h.run(GraphQLHarness.registerDocument, [
                "input": ["email": "bad", "password": "bad", "firstName": "  ", "lastName": .string(String(repeating: "x", count: 101))],
            ])
            XCTAssertEqual(
                response.errorCodes("data.register.errors"),
                ["INVALID_EMAIL", "WEAK_PASSWORD", "INVALID_INPUT", "INVALID_INPUT"])
        }
    }
}
