import Foundation
import GraphQLEngine
import PostgresNIO
import XCTest

@testable import Resolvers

final class RecoveryTests: XCTestCase {
    static let verifyDocument = """
        mutation($token: String!) { verifyEmail(token: $token) { user { id email emailVerified } errors { field code } } }
        """
    static let requestResetDocument = """
        mutation($email: String!) { requestPasswordReset(email: $email) { success errors { field code } } }
        """
    static let resetDocument = """
        mutation($token: String!, $password: String!) {
          resetPassword(token: $token, newPassword: $password) { accessToken refreshToken user { id } errors { field code } }
        }
        """

    func testVerifyEmailOnceThenTheTokenIsSpent() async throws {
        try await GraphQLHarness.with { h in
            let account = try await h.register()
            let token = try await h.requireMailedToken(to: "ada@example.com", template: "verify_email")
            let verified = try await h.run(Self.verifyDocument, ["token": .string(token)])
            XCTAssertEqual(verified.errorCodes("data.verifyEmail.errors"), [])
            XCTAssertEqual(verified["data.verifyEmail.user.emailVerified"] as? Bool, true)
            XCTAssertEqual(verified.string("data.verifyEmail.user.email"), "ada@example.com")
            let me = try await h.run("{ me { emailVerified } }", token: account.access)
            XCTAssertEqual(me["data.me.emailVerified"] as? Bool, true)

            let twice = try await h.run(Self.verifyDocument, ["token": .string(token)])
            XCTAssertEqual(twice.errorCodes("data.verifyEmail.errors"), ["INVALID_TOKEN"])
            XCTAssertNil(twice["data.verifyEmail.user"])
            let events = try await h.sql("SELECT count(*) FROM marketplace.events WHERE type = 'USER_EMAIL_VERIFIED'")
                .first?.decode(Int.self)
            XCTAssertEqual(events, 1)
        }
    }

    func testGarbageExpiredAndWrongPurposeTokensDoNotVerify() async throws {
        try await GraphQLHarness.with { h in
            _ = try await h.register()
            let token = try await h.requireMailedToken(to: "ada@example.com", template: "verify_email")
            for garbage in ["", "nope", String(repeating: "y", count: 300)] {
                let response = try await h.run(Self.verifyDocument, ["token": .string(garbage)])
                XCTAssertEqual(response.errorCodes("data.verifyEmail.errors"), ["INVALID_TOKEN"])
            }
            // A verification token is no reset token.
            let reset = try await h.run(Self.resetDocument, ["token": .string(token), "password": "brandnew99"])
            XCTAssertEqual(reset.errorCodes("data.resetPassword.errors"), ["INVALID_TOKEN"])
            try await h.sql("UPDATE marketplace.account_tokens SET expires_at = now() - interval '1 second'")
            let expired = try await h.run(Self.verifyDocument, ["token": .string(token)])
            XCTAssertEqual(expired.errorCodes("data.verifyEmail.errors"), ["INVALID_TOKEN"])
        }
    }

    func testRequestPasswordResetAnswersTheSameForUnknownEmails() async throws {
        try await GraphQLHarness.with { h in
            _ = try await h.register()
            let known = try await h.run(Self.requestResetDocument, ["email": "ADA@example.com"])
            let unknown = try await h.run(Self.requestResetDocument, ["email": "nobody@example.com"])
            XCTAssertEqual(known.json as NSDictionary, unknown.json as NSDictionary)
            XCTAssertEqual(known["data.requestPasswordReset.success"] as? Bool, true)
            let mails = try await h.sql("SELECT to_address::text FROM marketplace.email_outbox WHERE template = 'reset_password'")
                .map { try $0.decode(String.self) }
            XCTAssertEqual(mails, ["ada@example.com"])
            let malformed = try await h.run(Self.requestResetDocument, ["email": "not-an-email"])
            XCTAssertEqual(malformed.errorCodes("data.requestPasswordReset.errors"), ["INVALID_EMAIL"])
        }
    }

    func testResetMailsAreCappedPerHour() async throws {
        try await GraphQLHarness.with { h in
            _ = try await h.register()
            for _ in 1...5 {
                let response = try await h.run(Self.requestResetDocument, ["email": "ada@example.com"])
                XCTAssertEqual(response["data.requestPasswordReset.success"] as? Bool, true)
            }
            let mails = try await h.sql("SELECT count(*) FROM marketplace.email_outbox WHERE template = 'reset_password'")
                .first?.decode(Int.self)
            XCTAssertEqual(mails, 3)
        }
    }

    func testResetPasswordRevokesEverySessionAndSignsIn() async throws {
        try await GraphQLHarness.with { h in
            let account = try await h.register("ada@example.com", password: "analytical1")
            let second = try await h.login("ada@example.com", "analytical1")
            _ = try await h.run(Self.requestResetDocument, ["email": "ada@example.com"])
            _ = try await h.run(Self.requestResetDocument, ["email": "ada@example.com"])
            let token = try await h.requireMailedToken(to: "ada@example.com", template: "reset_password")

            let weak = try await h.run(Self.resetDocument, ["token": .string(token), "password": "weak"])
            XCTAssertEqual(weak.errorCodes("data.resetPassword.errors"), ["WEAK_PASSWORD"])

            let reset = try await h.run(Self.resetDocument, ["token": .string(token), "password": "difference2"])
            XCTAssertEqual(reset.errorCodes("data.resetPassword.errors"), [])
            XCTAssertEqual(reset.string("data.resetPassword.user.id"), account.id)
            let newAccess = try XCTUnwrap(reset.string("data.resetPassword.accessToken"))

            // Every earlier session is over; the new one works.
            for access in [account.access, try XCTUnwrap(second.string("data.login.accessToken"))] {
                try await expectEqual(try await h.run("{ me { id } }", token: access).topLevelCodes, ["UNAUTHENTICATED"])
            }
            try await expectEqual(
                try await h.run(SessionTests.refreshDocument, ["token": .string(account.refresh)])
                    .errorCodes("data.refreshSession.errors"), ["INVALID_TOKEN"])
            try await expectEqual(try await h.run("{ me { id } }", token: newAccess).string("data.me.id"), account.id)

            // The new password signs in, the old one does not.
            try await expectEqual(try await h.login("ada@example.com", "difference2").errorCodes("data.login.errors"), [])
            try await expectEqual(
                try await h.login("ada@example.com", "analytical1").errorCodes("data.login.errors"),
                ["INVALID_CREDENTIALS"])

            // The token is spent, and so is the older reset mail's.
            let again = try await h.run(Self.resetDocument, ["token": .string(token), "password": "third-one3"])
            XCTAssertEqual(again.errorCodes("data.resetPassword.errors"), ["INVALID_TOKEN"])
            let open = try await h.sql("""
                SELECT count(*) FROM marketplace.account_tokens WHERE purpose = 'reset_password' AND used_at IS NULL
                """).first?.decode(Int.self)
            XCTAssertEqual(open, 0)
        }
    }

    func testExpiredResetTokensAreInvalid() async throws {
        try await GraphQLHarness.with { h in
            _ = try await h.register()
            _ = try await h.run(Self.requestResetDocument, ["email": "ada@example.com"])
            let token = try await h.requireMailedToken(to: "ada@example.com", template: "reset_password")
            // Reset links live one hour.
            let lifetime = try await h.sql("""
                SELECT extract(epoch FROM expires_at - created_at)::int FROM marketplace.account_tokens
                WHERE purpose = 'reset_password'
                """).first?.decode(Int.self)
            XCTAssertEqual(lifetime, 3600)
            try await h.sql("UPDATE marketplace.account_tokens SET expires_at = now() - interval '1 second'")
            let response = try await h.run(Self.resetDocument, ["token": .string(token), "password": "difference2"])
            XCTAssertEqual(response.errorCodes("data.resetPassword.errors"), ["INVALID_TOKEN"])
        }
    }
}
