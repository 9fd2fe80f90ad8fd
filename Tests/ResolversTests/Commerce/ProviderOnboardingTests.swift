import Foundation
import GraphQLEngine
import XCTest

@testable import Resolvers

/// `startProviderOnboarding` against the local Stripe: one Express account per provider,
/// a fresh Account Link each time.
final class ProviderOnboardingTests: XCTestCase {
    static let start = """
        mutation($return: String!, $refresh: String!) {
          startProviderOnboarding(returnUrl: $return, refreshUrl: $refresh) {
            url provider { id stripeOnboardingComplete payoutsEnabled } errors { field code message }
          }
        }
        """
    static let urls: [String: InputValue] = ["return": "https://shop.test/onboarded", "refresh": "https://shop.test/again"]

    func testTheAccountIsMadeOnceAndEachCallGetsAFreshLink() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let first = try await h.run(Self.start, Self.urls, token: seller.token)
            XCTAssertEqual(first.errorCodes("data.startProviderOnboarding.errors"), [])
            let firstURL = try XCTUnwrap(first.string("data.startProviderOnboarding.url"))
            XCTAssertEqual(first["data.startProviderOnboarding.provider.stripeOnboardingComplete"] as? Bool, false)
            let rows = try await h.sql("SELECT stripe_account_id, payment_mode FROM marketplace.providers")
            let (account, mode) = try rows[0].decode((String?, String).self)
            let accountID = try XCTUnwrap(account)
            XCTAssertEqual(mode, "stripe_connect")
            let stored = try await h.localStripe("GET", "/v1/accounts/\(accountID)")
            XCTAssertEqual(stored["type"] as? String, "express")
            let providerID = try await h.sql("SELECT id FROM marketplace.providers")[0].decode(UUID.self)
            XCTAssertEqual(
                (stored["metadata"] as? [String: Any])?["provider_id"] as? String, providerID.uuidString.lowercased())

            let second = try await h.run(Self.start, Self.urls, token: seller.token)
            XCTAssertEqual(second.errorCodes("data.startProviderOnboarding.errors"), [])
            XCTAssertNotEqual(second.string("data.startProviderOnboarding.url"), firstURL)
            let again = try await h.sql("SELECT stripe_account_id FROM marketplace.providers")
            XCTAssertEqual(try again[0].decode(String?.self), accountID, "the same account")

            // Finishing onboarding at Stripe: account.updated sets the flags.
            try await h.localStripe("POST", "/_test/accounts/\(accountID)/onboard")
            let onboarded = try await h.localStripe("GET", "/v1/accounts/\(accountID)")
            let event = try h.signedEvent(type: "account.updated", object: onboarded)
            _ = try await h.webhooks.handle(payload: event.payload, signatureHeader: event.header)
            let me = try await h.run("{ me { provider { stripeOnboardingComplete payoutsEnabled } } }", token: seller.token)
            XCTAssertEqual(me["data.me.provider.stripeOnboardingComplete"] as? Bool, true)
            XCTAssertEqual(me["data.me.provider.payoutsEnabled"] as? Bool, true)
        }
    }

    func testRefusals() async throws {
        try await GraphQLHarness.with { h in
            let anonymous = try await h.run(Self.start, Self.urls)
            XCTAssertEqual(anonymous.topLevelCodes, ["UNAUTHENTICATED"])
            let buyer = try await h.account("buyer@example.com")
            let notProvider = try await h.run(Self.start, Self.urls, token: buyer.token)
            XCTAssertEqual(notProvider.errorCodes("data.startProviderOnboarding.errors"), ["NOT_A_PROVIDER"])
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let badURL = try await h.run(Self.start, ["return": "ftp://x", "refresh": "https://shop.test/again"], token: seller.token)
            XCTAssertEqual(badURL.errorCodes("data.startProviderOnboarding.errors"), ["INVALID_INPUT"])
            XCTAssertEqual(badURL["data.startProviderOnboarding.errors.0.field"] as? [String], ["returnUrl"])
            let rows = try await h.sql("SELECT stripe_account_id FROM marketplace.providers")
            XCTAssertNil(try rows[0].decode(String?.self))
        }
    }
}
