import Foundation
import GraphQLEngine

/// `addToCart`, `updateCartLine` and `removeFromCart`: each checks the listing under a
/// share lock in one transaction and answers with the cart as it is afterwards (also when
/// the change was refused).
enum CartFlows {
    static let maximumQuantity = 100

    static func add(_ listingId: String, quantity: Int, _ ctx: Context) async throws -> CartPayload {
        let viewer = try ctx.requireViewer()
        let listingID = try GlobalID.parse(listingId, as: "Listing", argument: "listingId")
        var refusal: UserError? = quantityError(quantity, allowZero: false)
        if refusal == nil {
            do {
                try await ctx.sql.transaction { tx in
                    guard let (locked, available) = try await CartStore.lockListing(tx, id: listingID),
                          locked.providerUserID == viewer.userID || (locked.row.status != .draft && locked.providerActive)
                    else { throw ListingAccess.notFound }
                    if locked.providerUserID == viewer.userID {
                        throw Refusal(field: ["listingId"], code: .ownListing, message: "You cannot buy your own listing.")
                    }
                    if let error = purchaseError(locked, available: available, wanted: quantity) { throw Refusal(error) }
                    if let currency = try await CartStore.currency(tx, userID: viewer.userID, except: listingID),
                       currency != locked.row.currency
                    {
                        throw Refusal(
                            field: ["listingId"], code: .currencyMismatch,
                            message: "This listing is priced in \(locked.row.currency) and your cart in \(currency): check out one currency at a time.")
                    }
                    // Added in the statement (not read, then written), so concurrent additions
                    // to one line all count; a total past the limits rolls the addition back.
                    guard let total = try await CartStore.add(
                        tx, userID: viewer.userID, listingID: listingID, quantity: quantity, maximum: maximumQuantity)
                    else {
                        throw Refusal(
                            field: ["quantity"], code: .invalidInput, message: "A cart line holds at most \(maximumQuantity).")
                    }
                    if let error = purchaseError(locked, available: available, wanted: total) { throw Refusal(error) }
                }
            } catch let error as Refusal {
                refusal = error.error
            }
        }
        return try await payload(viewer, refusal, ctx)
    }

    static func update(_ listingId: String, quantity: Int, _ ctx: Context) async throws -> CartPayload {
        let viewer = try ctx.requireViewer()
        let listingID = try GlobalID.parse(listingId, as: "Listing", argument: "listingId")
        var refusal: UserError? = quantityError(quantity, allowZero: true)
        if refusal == nil {
            refusal = try await ctx.sql.transaction { tx -> UserError? in
                guard let current = try await CartStore.lockedQuantity(tx, userID: viewer.userID, listingID: listingID) else {
                    return UserError(field: ["listingId"], code: .notInCart, message: "This listing is not in your cart.")
                }
                if quantity == 0 {
                    try await CartStore.remove(tx, userID: viewer.userID, listingID: listingID)
                    return nil
                }
                // Lowering a quantity is always allowed; asking for more must still be possible.
                if quantity > current {
                    guard let (locked, available) = try await CartStore.lockListing(tx, id: listingID) else {
                        return UserError(field: ["listingId"], code: .listingUnavailable, message: "The provider removed this listing.")
                    }
                    if let error = purchaseError(locked, available: available, wanted: quantity) { return error }
                }
                try await CartStore.setQuantity(tx, userID: viewer.userID, listingID: listingID, quantity: quantity)
                return nil
            }
        }
        return try await payload(viewer, refusal, ctx)
    }

    static func remove(_ listingId: String, _ ctx: Context) async throws -> CartPayload {
        let viewer = try ctx.requireViewer()
        let listingID = try GlobalID.parse(listingId, as: "Listing", argument: "listingId")
        try await CartStore.remove(ctx.sql, userID: viewer.userID, listingID: listingID)
        return try await payload(viewer, nil, ctx)
    }

    static func cart(of userID: UUID, _ ctx: Context) async throws -> Cart {
        try await ctx.guarded("cart") { Cart(try await CartStore.lines(ctx.sql, userID: userID)) }
    }

    private static func payload(_ viewer: Viewer, _ refusal: UserError?, _ ctx: Context) async throws -> CartPayload {
        CartPayload(cart: try await cart(of: viewer.userID, ctx), errors: refusal.map { [$0] } ?? [])
    }

    /// A business-rule refusal thrown out of a transaction, to roll it back.
    private struct Refusal: Error {
        let error: UserError
        init(_ error: UserError) { self.error = error }
        init(field: [String], code: UserErrorCode, message: String) {
            error = UserError(field: field, code: code, message: message)
        }
    }

    private static func quantityError(_ quantity: Int, allowZero: Bool) -> UserError? {
        let range = (allowZero ? 0 : 1)...maximumQuantity
        guard !range.contains(quantity) else { return nil }
        return UserError(
            field: ["quantity"], code: .invalidInput,
            message: "The quantity must be \(range.lowerBound) to \(maximumQuantity).")
    }

    /// Why `wanted` of the listing cannot be bought now, or nil when it can.
    static func purchaseError(_ locked: ListingWrites.Locked, available: Int?, wanted: Int) -> UserError? {
        let listing = locked.row
        if listing.status == .soldOut || (available.map { $0 <= 0 } ?? false) {
            return UserError(field: ["listingId"], code: .soldOut, message: "\(listing.title) is sold out.")
        }
        if listing.status != .active || !locked.providerActive {
            return UserError(field: ["listingId"], code: .listingUnavailable, message: "\(listing.title) is not for sale right now.")
        }
        if let available, wanted > available {
            return UserError(field: ["quantity"], code: .notEnoughQuantity, message: "Only \(available) left of \(listing.title).")
        }
        if listing.kind == .digital, wanted > 1 {
            return UserError(field: ["quantity"], code: .invalidInput, message: "A digital listing is bought once.")
        }
        if wanted > maximumQuantity {
            return UserError(field: ["quantity"], code: .invalidInput, message: "A cart line holds at most \(maximumQuantity).")
        }
        return nil
    }
}
