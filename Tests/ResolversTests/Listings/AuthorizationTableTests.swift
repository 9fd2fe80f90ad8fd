import Foundation
import GraphQLEngine
import XCTest

@testable import Resolvers

/// Who may call each mutation of accounts, providers, uploads and listings: anonymous
/// callers, another user (a buyer, and another provider), the owner, and an admin. A refusal
/// changes nothing.
final class AuthorizationTableTests: XCTestCase {
    enum Actor: String, CaseIterable {
        case anonymous, buyer, otherProvider, owner, admin
    }

    enum Outcome: Equatable {
        case ok
        case topLevel(String)
        case payload(String)
    }

    /// Listing mutations: content is the owner's; take-downs also an admin's (as moderation).
    static let listingTable: [(mutation: String, draft: Bool, expected: [Actor: Outcome])] = {
        let edit: [Actor: Outcome] = [
            .anonymous: .topLevel("UNAUTHENTICATED"), .buyer: .topLevel("FORBIDDEN"),
            .otherProvider: .topLevel("FORBIDDEN"), .owner: .ok, .admin: .topLevel("FORBIDDEN"),
        ]
        let takeDown: [Actor: Outcome] = [
            .anonymous: .topLevel("UNAUTHENTICATED"), .buyer: .topLevel("FORBIDDEN"),
            .otherProvider: .topLevel("FORBIDDEN"), .owner: .ok, .admin: .ok,
        ]
        // Someone else's draft is not revealed: NOT_FOUND rather than FORBIDDEN.
        var hidden = edit
        hidden[.buyer] = .topLevel("NOT_FOUND")
        hidden[.otherProvider] = .topLevel("NOT_FOUND")
        return [
            ("updateListing", false, edit), ("updateListing", true, hidden), ("publishListing", true, hidden),
            ("pauseListing", false, takeDown), ("archiveListing", false, takeDown), ("archiveListing", true, {
                var t = takeDown
                t[.buyer] = .topLevel("NOT_FOUND")
                t[.otherProvider] = .topLevel("NOT_FOUND")
                return t
            }()),
            ("deleteListing", false, takeDown),
        ]
    }()

    func testListingMutationsByActor() async throws {
        try await GraphQLHarness.with { h in
            let owner = try await h.account("owner@example.com", provider: "Owner Shop")
            let tokens: [Actor: String?] = [
                .anonymous: nil,
                .buyer: try await h.account("buyer@example.com").token,
                .otherProvider: try await h.account("other@example.com", provider: "Other Shop").token,
                .owner: owner.token,
                .admin: try await h.account("admin@example.com", admin: true).token,
            ]
            for (mutation, draft, expected) in Self.listingTable {
                for actor in Actor.allCases {
                    let title = "\(mutation) \(draft ? "draft" : "active") by \(actor.rawValue)"
                    let id: String
                    if draft {
                        let created = try await h.createListing("SERVICE", title: title, token: owner.token)
                        id = try XCTUnwrap(created.string("data.createListing.listing.id"))
                    } else {
                        id = try await h.publishedListing(title: title, token: owner.token)
                    }
                    let before = try await state(h, id)
                    let response = try await call(h, mutation, id, token: tokens[actor] ?? nil)
                    let outcome = Self.outcome(response, mutation)
                    XCTAssertEqual(outcome, expected[actor], "\(mutation) of a \(draft ? "draft" : "listing") by \(actor)")
                    let after = try await state(h, id)
                    if outcome == .ok {
                        XCTAssertNotEqual(after, before, "\(mutation) by \(actor) changed nothing")
                    } else {
                        XCTAssertEqual(after, before, "\(mutation) refused to \(actor) changed the listing")
                    }
                }
            }
            // Admin take-downs are on the record.
            let audit = try await h.sql("SELECT action FROM marketplace.audit_log ORDER BY id")
            XCTAssertEqual(
                try audit.map { try $0.decode(String.self) },
                ["LISTING_PAUSED", "LISTING_ARCHIVED", "LISTING_ARCHIVED", "LISTING_DELETED"])
            let counts = try await h.providerCounts("Owner Shop")
            XCTAssertEqual(counts.stored, counts.actual)
        }
    }

    /// Mutations that act on the caller's own account or profile: anonymous callers are
    /// refused unless the mutation carries its own proof (a password, a mailed token).
    func testAccountMutationsByActor() async throws {
        try await GraphQLHarness.with { h in
            let signedIn = try await h.account("someone@example.com")
            let admin = try await h.account("admin@example.com", admin: true)
            let documents: [(String, String, [String: InputValue], needsViewer: Bool)] = [
                ("logout", "mutation { logout { success } }", [:], true),
                ("updateProfile", "mutation { updateProfile(input: { firstName: \"Ann\" }) { user { id } errors { code } } }", [:], true),
                ("becomeProvider", "mutation { becomeProvider(input: { businessName: \"Shop\" }) { provider { id } errors { code } } }", [:], true),
                ("updateProvider", "mutation { updateProvider(input: { city: \"Austin\" }) { provider { id } errors { code } } }", [:], true),
                ("createUploadUrl", "mutation { createUploadUrl(input: { purpose: AVATAR, contentType: \"image/png\", sizeBytes: 10 }) { upload { key } errors { code } } }", [:], true),
                ("createListing", GraphQLHarness.createListingDocument, ["input": GraphQLHarness.listingInput("SERVICE")], true),
                ("requestPasswordReset", "mutation { requestPasswordReset(email: \"someone@example.com\") { success errors { code } } }", [:], false),
                ("login", "mutation { login(email: \"someone@example.com\", password: \"wrong password 1\") { errors { code } } }", [:], false),
                ("verifyEmail", "mutation { verifyEmail(token: \"nope\") { errors { code } } }", [:], false),
                ("resetPassword", "mutation { resetPassword(token: \"nope\", newPassword: \"good password 1\") { errors { code } } }", [:], false),
                ("refreshSession", "mutation { refreshSession(refreshToken: \"nope\") { errors { code } } }", [:], false),
                ("register", "mutation { register(input: { email: \"new@example.com\", password: \"good password 1\", firstName: \"N\", lastName: \"E\" }) { errors { code } } }", [:], false),
            ]
            for (name, document, variables, needsViewer) in documents {
                let anonymous = try await h.run(document, variables)
                XCTAssertEqual(anonymous.topLevelCodes, needsViewer ? ["UNAUTHENTICATED"] : [], name)
                // A refused mutation's non-null payload nulls `data`; the others answer in their payload.
                XCTAssertEqual(anonymous["data"] == nil, needsViewer, name)
            }
            // Signed in, each acts on the caller's own records only (no ID argument names anyone else's).
            let provider = try await h.run(documents[2].1, token: signedIn.token)
            XCTAssertEqual(provider.errorCodes("data.becomeProvider.errors"), [])
            let adminUpdate = try await h.run(documents[3].1, token: admin.token)
            XCTAssertEqual(adminUpdate.errorCodes("data.updateProvider.errors"), ["NOT_A_PROVIDER"])
            let adminCreate = try await h.run(documents[5].1, documents[5].2, token: admin.token)
            XCTAssertEqual(adminCreate.errorCodes("data.createListing.errors"), ["NOT_A_PROVIDER"])
        }
    }

    func call(_ h: GraphQLHarness, _ mutation: String, _ id: String, token: String?) async throws -> GraphQLHarness.Response {
        switch mutation {
        case "updateListing":
            try await h.run(GraphQLHarness.updateListingDocument, [
                "id": .string(id), "input": ["title": "Changed title", "priceCents": 1],
            ], token: token)
        case "deleteListing":
            try await h.deleteListing(id, token: token)
        default:
            try await h.statusChange(mutation, id, token: token)
        }
    }

    static func outcome(_ response: GraphQLHarness.Response, _ mutation: String) -> Outcome {
        if let code = response.topLevelCodes.first { return .topLevel(code) }
        if let code = response.errorCodes("data.\(mutation).errors").first { return .payload(code) }
        return .ok
    }

    /// What the mutations change, read past every visibility rule.
    func state(_ h: GraphQLHarness, _ id: String) async throws -> [String] {
        let uuid = try XCTUnwrap(GlobalID(decoding: id)?.id)
        let rows = try await h.sql("""
            SELECT title, price_cents::text, status, (deleted_at IS NULL)::text FROM marketplace.listings WHERE id = \(uuid)
            """)
        let (title, price, status, live) = try XCTUnwrap(rows.first).decode((String, String, String, String).self)
        return [title, price, status, live]
    }
}
