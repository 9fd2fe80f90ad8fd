import Foundation
import GraphQLEngine
import PostgresNIO
import XCTest

@testable import Resolvers

final class SessionTests: XCTestCase {
    static let refreshDocument = """
        mutation($token: String!) {
          refreshSession(refreshToken: $token) { accessToken refreshToken user { id email } errors { field code } }
        }
        """

    func refresh(_ h: GraphQLHarness, _ token: String) async throws -> GraphQLHarness.Response {
        try await h.run(Self.refreshDocument, ["token": .string(token)])
    }

    func testRefreshRotatesTheTokens() async throws {
        try await GraphQLHarness.with { h in
            let account = try await h.register()
            let response = try await refresh(h, account.refresh)
            XCTAssertEqual(response.errorCodes("data.refreshSession.errors"), [])
            XCTAssertEqual(response.string("data.refreshSession.user.id"), account.id)
            XCTAssertEqual(response.string("data.refreshSession.user.email"), "ada@example.com")
            let newRefresh = try XCTUnwrap(response.string("data.refreshSession.refreshToken"))
            let newAccess = try XCTUnwrap(response.string("data.refreshSession.accessToken"))
            XCTAssertNotEqual(newRefresh, account.refresh)
            try await expectEqual(try await h.run("{ me { id } }", token: newAccess).string("data.me.id"), account.id)
            // The new refresh token works in turn.
            let again = try await refresh(h, newRefresh)
            XCTAssertEqual(again.errorCodes("data.refreshSession.errors"), [])
            // Only hashes are stored.
            let stored = try await h.sql("SELECT refresh_token_hash FROM marketplace.sessions").first?.decode(Data.self)
            XCTAssertEqual(stored?.count, 32)
        }
    }

    func testReusingARotatedRefreshTokenRevokesTheSession() async throws {
        try await GraphQLHarness.with { h in
            let account = try await h.register()
            let first = try await refresh(h, account.refresh)
            let current = try XCTUnwrap(first.string("data.refreshSession.refreshToken"))
            let access = try XCTUnwrap(first.string("data.refreshSession.accessToken"))
            // The old token comes back (stolen, or replayed): refused, and the session ends.
            let replay = try await refresh(h, account.refresh)
            XCTAssertEqual(replay.errorCodes("data.refreshSession.errors"), ["INVALID_TOKEN"])
            XCTAssertNil(replay["data.refreshSession.accessToken"])
            let reason = try await h.sql("SELECT revoked_reason FROM marketplace.sessions").first?.decode(String?.self)
            XCTAssertEqual(reason, "refresh_token_reuse")
            // So the current refresh token and the access tokens stop working too.
            try await expectEqual(
                try await refresh(h, current).errorCodes("data.refreshSession.errors"), ["INVALID_TOKEN"])
            try await expectEqual(try await h.run("{ me { id } }", token: access).topLevelCodes, ["UNAUTHENTICATED"])
        }
    }

    func testGarbageAndExpiredRefreshTokensAreInvalid() async throws {
        try await GraphQLHarness.with { h in
            let account = try await h.register()
            for token in ["", "garbage", String(repeating: "x", count: 5000), OpaqueToken.generate()] {
                try await expectEqual(
                    try await refresh(h, token).errorCodes("data.refreshSession.errors"), ["INVALID_TOKEN"])
            }
            try await h.sql("UPDATE marketplace.sessions SET expires_at = now() - interval '1 second'")
            try await expectEqual(
                try await refresh(h, account.refresh).errorCodes("data.refreshSession.errors"), ["INVALID_TOKEN"])
        }
    }

    func testLogoutRevokesTheCurrentSessionOnly() async throws {
        try await GraphQLHarness.with { h in
            let account = try await h.register("ada@example.com", password: "analytical1")
            let other = try await h.login("ada@example.com", "analytical1")
            let otherAccess = try XCTUnwrap(other.string("data.login.accessToken"))
            let response = try await h.run("mutation { logout { success errors { code } } }", token: account.access)
            XCTAssertEqual(response["data.logout.success"] as? Bool, true)
            XCTAssertEqual(response.statements, 2)  // the viewer, the revocation
            // The session's access and refresh tokens are dead; the other session lives.
            let me = try await h.run("{ me { id } }", token: account.access)
            XCTAssertEqual(me.topLevelCodes, ["UNAUTHENTICATED"])
            XCTAssertNil(me.json["data"])
            try await expectEqual(
                try await refresh(h, account.refresh).errorCodes("data.refreshSession.errors"), ["INVALID_TOKEN"])
            try await expectEqual(try await h.run("{ me { id } }", token: otherAccess).string("data.me.id"), account.id)
        }
    }

    func testMutationsThatNeedAViewerAreUnauthenticatedWithoutOne() async throws {
        try await GraphQLHarness.with { h in
            let logout = try await h.run("mutation { logout { success } }")
            XCTAssertEqual(logout.topLevelCodes, ["UNAUTHENTICATED"])
            XCTAssertEqual(logout.json["data"] as? NSNull, NSNull())
            let update = try await h.run(#"mutation { updateProfile(input: {firstName: "X"}) { user { id } } }"#)
            XCTAssertEqual(update.topLevelCodes, ["UNAUTHENTICATED"])
        }
    }

    func testBadAccessTokensAreUnauthenticated() async throws {
        try await GraphQLHarness.with { h in
            let account = try await h.register()
            // Garbage, a token signed with another key, and an expired one.
            let foreign = await TokenService.make(secret: "another-secret-another-secret-0123456", accessTokenLifetime: 900)
            let session = try await h.sql("SELECT id, user_id FROM marketplace.sessions").first!.decode((UUID, UUID).self)
            let forged = try await foreign.accessToken(userID: session.1, sessionID: session.0).token
            let expired = try await h.services.tokens.accessToken(
                userID: session.1, sessionID: session.0, now: Date().addingTimeInterval(-16 * 60)).token
            for token in ["garbage", forged, expired, account.access + "x"] {
                let response = try await h.run("{ me { id } }", token: token)
                XCTAssertEqual(response.topLevelCodes, ["UNAUTHENTICATED"], token)
            }
            let valid = try await h.services.tokens.accessToken(userID: session.1, sessionID: session.0).token
            try await expectEqual(try await h.run("{ me { id } }", token: valid).string("data.me.id"), account.id)
        }
    }

    func testASuspendedUsersTokensStopWorking() async throws {
        try await GraphQLHarness.with { h in
            let account = try await h.register()
            try await expectEqual(try await h.run("{ me { id } }", token: account.access).string("data.me.id"), account.id)
            try await h.sql("UPDATE marketplace.users SET status = 'suspended'")
            try await expectEqual(try await h.run("{ me { id } }", token: account.access).topLevelCodes, ["UNAUTHENTICATED"])
            try await expectEqual(
                try await refresh(h, account.refresh).errorCodes("data.refreshSession.errors"), ["INVALID_TOKEN"])
        }
    }
}
