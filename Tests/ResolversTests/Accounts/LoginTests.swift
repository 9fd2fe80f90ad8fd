import Foundation
import GraphQLEngine
import PostgresNIO
import XCTest

@testable import Resolvers

final class LoginTests: XCTestCase {
    func testLoginWithTheRightPasswordStartsASession() async throws {
        try await GraphQLHarness.with { h in
            let account = try await h.register("ada@example.com", password: "analytical1")
            let response = try await h.login("ADA@example.com", "analytical1")
            XCTAssertEqual(response.errorCodes("data.login.errors"), [])
            XCTAssertEqual(response.string("data.login.user.id"), account.id)
            XCTAssertEqual(response.string("data.login.user.email"), "ada@example.com")
            let access = try XCTUnwrap(response.string("data.login.accessToken"))
            XCTAssertNotEqual(access, account.access)
            let me = try await h.run("{ me { id } }", token: access)
            XCTAssertEqual(me.string("data.me.id"), account.id)
            let sessions = try await h.sql("SELECT count(*) FROM marketplace.sessions").first?.decode(Int.self)
            XCTAssertEqual(sessions, 2)
            let lastLogin = try await h.sql("SELECT last_login_at IS NOT NULL FROM marketplace.users")
                .first?.decode(Bool.self)
            XCTAssertEqual(lastLogin, true)
        }
    }

    func testWrongPasswordAndUnknownEmailGetTheSameAnswer() async throws {
        try await GraphQLHarness.with { h in
            _ = try await h.register("ada@example.com", password: "analytical1")
            let wrong = try await h.login("ada@example.com", "analytical2")
            let unknown = try await h.login("nobody@example.com", "analytical1")
            for response in [wrong, unknown] {
                XCTAssertEqual(response.errorCodes("data.login.errors"), ["INVALID_CREDENTIALS"])
                XCTAssertNil(response["data.login.accessToken"])
                XCTAssertNil(response["data.login.user"])
            }
            XCTAssertEqual(
                wrong["data.login.errors.0.message"] as? String, unknown["data.login.errors.0.message"] as? String)
            let failures = try await h.sql("SELECT count(*) FROM marketplace.login_attempts WHERE NOT succeeded")
                .first?.decode(Int.self)
            XCTAssertEqual(failures, 2)
        }
    }

    func testFiveFailuresForAnEmailLockItForTheWindow() async throws {
        try await GraphQLHarness.with { h in
            _ = try await h.register("ada@example.com", password: "analytical1")
            for attempt in 1...5 {
                // From different addresses: the email's limit is what trips.
                let response = try await h.login("ada@example.com", "wrong-pass-\(attempt)", clientAddress: "198.51.100.\(attempt)")
                XCTAssertEqual(response.errorCodes("data.login.errors"), ["INVALID_CREDENTIALS"])
            }
            let limited = try await h.login("ada@example.com", "analytical1", clientAddress: "198.51.100.99")
            XCTAssertEqual(limited.errorCodes("data.login.errors"), ["RATE_LIMITED"])
            XCTAssertNil(limited["data.login.accessToken"])
            // Another account from the same addresses is not affected.
            _ = try await h.register("grace@example.com", password: "compiler42")
            let other = try await h.login("grace@example.com", "compiler42", clientAddress: "198.51.100.1")
            XCTAssertEqual(other.errorCodes("data.login.errors"), [])
            // Once the failures are older than the window, the email can sign in again.
            try await h.sql("UPDATE marketplace.login_attempts SET attempted_at = attempted_at - interval '16 minutes'")
            let later = try await h.login("ada@example.com", "analytical1")
            XCTAssertEqual(later.errorCodes("data.login.errors"), [])
        }
    }

    func testASuccessResetsTheEmailsFailures() async throws {
        try await GraphQLHarness.with { h in
            _ = try await h.register("ada@example.com", password: "analytical1")
            for _ in 1...4 { _ = try await h.login("ada@example.com", "nope-nope-1") }
            try await expectEqual(try await h.login("ada@example.com", "analytical1").errorCodes("data.login.errors"), [])
            for _ in 1...4 { _ = try await h.login("ada@example.com", "nope-nope-1") }
            try await expectEqual(try await h.login("ada@example.com", "analytical1").errorCodes("data.login.errors"), [])
        }
    }

    func testThirtyFailuresFromAnAddressLockIt() async throws {
        try await GraphQLHarness.with { h in
            _ = try await h.register("ada@example.com", password: "analytical1")
            let address = "192.0.2.50"
            // Failures spread over many emails, as a credential-stuffing run would.
            try await h.sql("""
                INSERT INTO marketplace.login_attempts (email, client_address, succeeded)
                SELECT 'user' || n || '@example.com', \(address), false FROM generate_series(1, 30) AS n
                """)
            let limited = try await h.login("ada@example.com", "analytical1", clientAddress: address)
            XCTAssertEqual(limited.errorCodes("data.login.errors"), ["RATE_LIMITED"])
            let elsewhere = try await h.login("ada@example.com", "analytical1", clientAddress: "192.0.2.51")
            XCTAssertEqual(elsewhere.errorCodes("data.login.errors"), [])
        }
    }

    func testSuspendedAndDeletedAccountsCannotSignIn() async throws {
        try await GraphQLHarness.with { h in
            _ = try await h.register("ada@example.com", password: "analytical1")
            _ = try await h.register("grace@example.com", password: "compiler42")
            try await h.sql("UPDATE marketplace.users SET status = 'suspended' WHERE email = 'ada@example.com'")
            try await h.sql("""
                UPDATE marketplace.users SET status = 'deleted', deleted_at = now() WHERE email = 'grace@example.com'
                """)
            let suspended = try await h.login("ada@example.com", "analytical1")
            XCTAssertEqual(suspended.errorCodes("data.login.errors"), ["ACCOUNT_SUSPENDED"])
            XCTAssertNil(suspended["data.login.accessToken"])
            // A wrong password does not reveal the suspension.
            try await expectEqual(
                try await h.login("ada@example.com", "analytical2").errorCodes("data.login.errors"),
                ["INVALID_CREDENTIALS"])
            try await expectEqual(
                try await h.login("grace@example.com", "compiler42").errorCodes("data.login.errors"),
                ["INVALID_CREDENTIALS"])
        }
    }

    /// Exact statement counts: a change that adds a round trip must change these on purpose.
    func testStatementCounts() async throws {
        try await GraphQLHarness.with { h in
            let account = try await h.register("ada@example.com", password: "analytical1")
            // login: the lookup (account and both limits), then the session, the attempt
            // and last_login_at in one statement.
            let login = try await h.login("ada@example.com", "analytical1")
            XCTAssertEqual(login.statements, 2)
            // A failure: the lookup and the failed attempt.
            try await expectEqual(try await h.login("ada@example.com", "analytical9").statements, 2)
            // me: the viewer's session and user in one statement, which `me` reuses.
            let me = try await h.run("{ me { id email firstName lastName role emailVerified createdAt } }", token: account.access)
            XCTAssertEqual(me.string("data.me.id"), account.id)
            XCTAssertEqual(me.statements, 1)
            // Anonymous: no statement at all.
            let anonymous = try await h.run("{ me { id } }")
            XCTAssertEqual(anonymous.json["data"] as? [String: NSNull], ["me": NSNull()])
            XCTAssertEqual(anonymous.statements, 0)
        }
    }
}
