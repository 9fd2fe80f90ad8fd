import Foundation
import GraphQLEngine

/// `startProviderOnboarding`: the provider's Stripe Express account is made once (an
/// idempotency key from the provider makes a retried creation the same account), then each
/// call returns a fresh Account Link. `account.updated` webhooks keep the flags.
enum ProviderOnboarding {
    struct Args: Decodable, Sendable {
        var returnUrl: String
        var refreshUrl: String
    }

    static func start(_ args: Args, _ ctx: Context) async throws -> ProviderOnboardingPayload {
        let viewer = try ctx.requireViewer()
        let urlErrors = [("returnUrl", args.returnUrl), ("refreshUrl", args.refreshUrl)].compactMap { name, url in
            CheckoutFlow.isWebURL(url) ? nil : UserError(field: [name], code: .invalidInput, message: "Enter an http or https URL.")
        }
        if !urlErrors.isEmpty { return .failure(urlErrors) }
        let rows = try await ctx.sql.query("""
            SELECT id, status, stripe_account_id, country FROM marketplace.providers
            WHERE user_id = \(viewer.userID) AND deleted_at IS NULL
            """)
        guard let row = rows.first else { return .failure([ListingFlows.notAProvider]) }
        let (providerID, status, storedAccount, country) = try row.decode((UUID, String, String?, String).self)
        guard status == "active" else { throw APIError.forbidden("Your provider profile is suspended.") }
        guard let stripe = ctx.services.stripe else {
            ctx.logger.error("startProviderOnboarding: Stripe is not configured (set STRIPE_SECRET_KEY)")
            throw APIError.internalServerError()
        }
        let providerKey = providerID.uuidString.lowercased()
        do {
            var accountID = storedAccount
            if accountID == nil {
                let email = try await ctx.loaders.users.load(viewer.userID)?.email
                let account = try await stripe.createAccount(
                    country: country, email: email, metadata: ["provider_id": providerKey],
                    idempotencyKey: "account-\(providerKey)")
                accountID = try await ctx.sql.transaction { tx in
                    // Another call may have stored an account first: keep that one.
                    let stored = try await tx.query("""
                        UPDATE marketplace.providers SET stripe_account_id = coalesce(stripe_account_id, \(account.id)),
                            payment_mode = 'stripe_connect'
                        WHERE id = \(providerID) RETURNING stripe_account_id
                        """).first?.decode(String?.self) ?? account.id
                    try await EventLog.append(
                        tx, type: "PROVIDER_ONBOARDING_STARTED", entityID: providerID, actorID: viewer.userID,
                        payload: ["account": stored])
                    return stored
                }
            }
            let link = try await stripe.createAccountLink(
                account: accountID ?? "", refreshURL: args.refreshUrl, returnURL: args.returnUrl)
            ctx.loaders.providersByUser.clear(viewer.userID)
            ctx.loaders.providers.clear(providerID)
            return ProviderOnboardingPayload(
                url: link.url, provider: try await ctx.loaders.providers.load(providerID), errors: [])
        } catch let error as StripeError {
            ctx.logger.error("startProviderOnboarding: Stripe failed", metadata: ["error": "\(error)"])
            return .failure([UserError(
                field: nil, code: .paymentUnavailable,
                message: "Stripe is unavailable right now: try again in a moment.")])
        }
    }
}

/// `ProviderOnboardingPayload`.
public struct ProviderOnboardingPayload: Sendable {
    public var url: String?
    public var provider: Provider?
    public var errors: [UserError]

    static func failure(_ errors: [UserError]) -> ProviderOnboardingPayload {
        ProviderOnboardingPayload(url: nil, provider: nil, errors: errors)
    }
}
