import Foundation
import GraphQLEngine
import PostgresNIO

/// `createListing` and `updateListing`: input checked, files checked with S3 outside any
/// transaction (no row lock is held across a network call), then one transaction for the
/// row, the provider's stats and the event.
enum ListingFlows {
    static let notAProvider = UserError(
        field: nil, code: .notAProvider, message: "You have no provider profile: become a provider first.")
    static let suspended = "Your provider profile is suspended: you cannot change your listings."

    static func create(_ input: CreateListingInput, _ ctx: Context) async throws -> ListingPayload {
        let viewer = try ctx.requireViewer()
        var validation = ListingValidation()
        guard let fields = validation.create(input) else { return .failure(validation.errors) }
        guard let provider = try await ListingWrites.provider(ctx.sql, userID: viewer.userID) else {
            return .failure([notAProvider])
        }
        guard provider.active else { throw APIError.forbidden(suspended) }
        let (file, fileErrors) = try await ListingFiles.check(fields, previous: nil, ownerID: viewer.userID, ctx)
        if !fileErrors.isEmpty { return .failure(fileErrors) }

        // Two listings created at once with the same title may pick the same slug: the
        // UNIQUE index makes one fail, and it picks again.
        var attempt = 0
        while true {
            attempt += 1
            do {
                let row: ListingRow = try await ctx.sql.transaction { tx in
                    let slug = try await ListingStore.availableSlug(tx, for: fields.title)
                    let row = try await ListingWrites.insert(
                        tx, providerID: provider.id, slug: slug, fields: fields, file: file)
                    try await ListingWrites.adjustCounts(tx, providerID: provider.id, listings: 1, active: 0)
                    try await EventLog.append(
                        tx, type: "LISTING_CREATED", entityID: row.id, actorID: viewer.userID,
                        payload: ["providerId": provider.id.uuidString.lowercased(), "kind": row.kind.graphQLName])
                    return row
                }
                prime(row, ctx)
                return ListingPayload(listing: row, errors: [])
            } catch let error as PSQLError where error.sqlState == "23505" && attempt < 3 {
                continue
            }
        }
    }

    private enum Outcome: Sendable {
        case changed(ListingRow)
        case failed([UserError])
    }

    static func update(id: String, _ input: UpdateListingInput, _ ctx: Context) async throws -> ListingPayload {
        let viewer = try ctx.requireViewer()
        let listingID = try GlobalID.parse(id, as: "Listing")
        guard let current = try await ListingWrites.read(ctx.sql, id: listingID) else { throw ListingAccess.notFound }
        _ = try ListingAccess.authorize(current, viewer: viewer, for: .edit)
        var validation = ListingValidation()
        guard let fields = validation.update(current.row, input) else { return .failure(validation.errors) }
        let (file, fileErrors) = try await ListingFiles.check(
            fields, previous: current.row, ownerID: viewer.userID, ctx)
        if !fileErrors.isEmpty { return .failure(fileErrors) }

        let outcome: Outcome = try await ctx.sql.transaction { tx in
            guard let locked = try await ListingWrites.lock(tx, id: listingID) else { throw ListingAccess.notFound }
            _ = try ListingAccess.authorize(locked, viewer: viewer, for: .edit)
            // Another change may have landed since the read: apply the input to the row as
            // it is now. Keys it adds were checked above (they are new to either version).
            var again = ListingValidation(now: validation.now)
            guard let merged = again.update(locked.row, input) else { return .failed(again.errors) }
            // Buyers checking out were shown this price: it holds until their holds end.
            if merged.priceCents != locked.row.priceCents || merged.currency != locked.row.currency,
               try await ListingWrites.isHeld(tx, id: listingID)
            {
                return .failed([UserError(
                    field: ["input", "priceCents"], code: .listingLocked,
                    message: "Buyers are checking out this listing: its price can change once their checkouts end.")])
            }
            let row = try await ListingWrites.update(tx, id: listingID, fields: merged, file: file)
            try await EventLog.append(tx, type: "LISTING_UPDATED", entityID: row.id, actorID: viewer.userID)
            return .changed(row)
        }
        switch outcome {
        case .failed(let errors):
            return .failure(errors)
        case .changed(let row):
            prime(row, ctx)
            return ListingPayload(listing: row, errors: [])
        }
    }

    /// Replaces what the request's loaders hold for the listing with the row as changed.
    static func prime(_ row: ListingRow, _ ctx: Context) {
        ctx.loaders.listings.clear(row.id)
        ctx.loaders.listingsBySlug.clear(row.slug)
        guard row.deletedAt == nil else { return }
        _ = ctx.loaders.listings.prime(row.id, row)
        _ = ctx.loaders.listingsBySlug.prime(row.slug, row)
    }
}

/// `ListingPayload`: the changed listing, or the errors.
public struct ListingPayload: Sendable {
    public var listing: ListingRow?
    public var errors: [UserError]

    static func failure(_ errors: [UserError]) -> ListingPayload {
        ListingPayload(listing: nil, errors: errors)
    }
}

/// `DeleteListingPayload`.
public struct DeleteListingPayload: Sendable {
    public var deletedListingId: String?
    public var errors: [UserError]
}
