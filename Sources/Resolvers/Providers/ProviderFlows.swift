import Foundation
import PostgresNIO

/// `becomeProvider` and `updateProvider`: the viewer's own provider profile.
enum ProviderFlows {
    static let businessNameLength = 2...80

    /// The input, validated and trimmed (nil fields: not given).
    struct Clean {
        var businessName: String?
        var description: String?
        var city: String?
        var state: String?
        var website: String?
        var paymentMode: String?
    }

    static func validate(_ input: ProviderInput) -> (Clean, [UserError]) {
        var errors: [UserError] = []
        func trimmed(_ value: String?) -> String? { value?.trimmingCharacters(in: .whitespacesAndNewlines) }
        func fail(_ name: String, _ message: String) {
            errors.append(UserError(field: ["input", name], code: .invalidInput, message: message))
        }
        let clean = Clean(
            businessName: trimmed(input.businessName), description: trimmed(input.businessDescription),
            city: trimmed(input.city), state: trimmed(input.state), website: trimmed(input.website),
            paymentMode: input.paymentMode?.lowercased())
        if let name = clean.businessName,
           !businessNameLength.contains(name.unicodeScalars.count) || name.contains(where: { $0.isNewline })
        {
            fail("businessName", "The business name must be 2 to 80 characters on one line.")
        }
        if let description = clean.description, description.count > 5000 {
            fail("businessDescription", "The description must be at most 5000 characters.")
        }
        if let city = clean.city, city.count > 100 || city.contains(where: { $0.isNewline }) {
            fail("city", "The city must be at most 100 characters.")
        }
        if let state = clean.state, state.count > 100 || state.contains(where: { $0.isNewline }) {
            fail("state", "The state must be at most 100 characters.")
        }
        if let website = clean.website, !website.isEmpty {
            let url = URL(string: website)
            let scheme = url?.scheme?.lowercased()
            if website.utf8.count > 500 || (scheme != "http" && scheme != "https") || (url?.host ?? "").isEmpty {
                fail("website", "Enter an http or https URL of at most 500 characters.")
            }
        }
        return (clean, errors)
    }

    private enum Outcome: Sendable {
        case created(Provider)
        case alreadyProvider
    }

    static let alreadyProvider = UserError(
        field: nil, code: .alreadyProvider, message: "You have a provider profile already.")

    static func becomeProvider(_ input: ProviderInput, _ ctx: Context) async throws -> ProviderPayload {
        let viewer = try ctx.requireViewer()
        let (clean, invalid) = validate(input)
        var errors = invalid
        if clean.businessName == nil {
            errors.insert(UserError(
                field: ["input", "businessName"], code: .invalidInput, message: "Enter a business name."), at: 0)
        }
        guard errors.isEmpty, let businessName = clean.businessName else {
            return ProviderPayload(provider: nil, errors: errors)
        }
        let base = ListingSlug.base(for: businessName)
        // Two providers created at once from the same name may pick the same slug: the
        // UNIQUE index turns one into a unique violation, and it tries again.
        var attempt = 0
        while true {
            attempt += 1
            do {
                let outcome: Outcome = try await ctx.sql.transaction { tx in
                    if try await ProviderStore.exists(tx, userID: viewer.userID) { return .alreadyProvider }
                    let slug = ListingSlug.firstAvailable(
                        base: base, taken: try await ProviderStore.takenSlugs(tx, base: base))
                    guard let provider = try await ProviderStore.insert(
                        tx, userID: viewer.userID, businessName: businessName, slug: slug,
                        description: clean.description ?? "", city: nonEmpty(clean.city), state: nonEmpty(clean.state),
                        website: nonEmpty(clean.website), paymentMode: clean.paymentMode)
                    else { return .alreadyProvider }
                    try await EventLog.append(
                        tx, type: "PROVIDER_CREATED", entityID: provider.providerID, actorID: viewer.userID,
                        payload: ["userId": viewer.userID.uuidString.lowercased(), "slug": provider.slug])
                    return .created(provider)
                }
                switch outcome {
                case .alreadyProvider:
                    return ProviderPayload(provider: nil, errors: [alreadyProvider])
                case .created(let provider):
                    // The role changed.
                    ctx.loaders.users.clear(viewer.userID)
                    prime(provider, ctx)
                    return ProviderPayload(provider: provider, errors: [])
                }
            } catch let error as PSQLError where error.sqlState == "23505" && attempt < 3 {
                continue
            }
        }
    }

    static func updateProvider(_ input: ProviderInput, _ ctx: Context) async throws -> ProviderPayload {
        let viewer = try ctx.requireViewer()
        let (clean, errors) = validate(input)
        if !errors.isEmpty { return ProviderPayload(provider: nil, errors: errors) }
        let updated: Provider? = try await ctx.sql.transaction { tx in
            // A suspended provider's public profile is frozen along with their listings.
            if let current = try await ListingWrites.provider(tx, userID: viewer.userID), !current.active {
                throw APIError.forbidden("Your provider profile is suspended: you cannot change it.")
            }
            guard let provider = try await ProviderStore.update(
                tx, userID: viewer.userID, businessName: clean.businessName, description: clean.description,
                city: clean.city, state: clean.state, website: clean.website, paymentMode: clean.paymentMode)
            else { return nil }
            try await EventLog.append(tx, type: "PROVIDER_UPDATED", entityID: provider.providerID, actorID: viewer.userID)
            return provider
        }
        guard let updated else {
            return ProviderPayload(provider: nil, errors: [UserError(
                field: nil, code: .notAProvider, message: "You have no provider profile: become a provider first.")])
        }
        prime(updated, ctx)
        return ProviderPayload(provider: updated, errors: [])
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    /// Replaces what the request's loaders hold for the provider with the row as changed.
    private static func prime(_ provider: Provider, _ ctx: Context) {
        ctx.loaders.providers.clear(provider.providerID)
        ctx.loaders.providersByUser.clear(provider.userID)
        guard provider.status == "active" else { return }
        _ = ctx.loaders.providers.prime(provider.providerID, provider)
        _ = ctx.loaders.providersByUser.prime(provider.userID, provider)
    }
}
