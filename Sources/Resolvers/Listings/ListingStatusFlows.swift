import Foundation
import GraphQLEngine

/// `publishListing`, `pauseListing`, `archiveListing` and `deleteListing`: one transaction
/// each for the status, the provider's active-listing count, the event and, when an admin
/// acts, the audit log. Asking for the status a listing has already succeeds and changes nothing.
enum ListingStatusFlows {
    enum Change: CaseIterable {
        case publish, pause, archive

        var target: ListingStatus {
            switch self {
            case .publish: .active
            case .pause: .paused
            case .archive: .archived
            }
        }

        /// The statuses a listing may leave for the target.
        var from: Set<ListingStatus> {
            switch self {
            case .publish: [.draft, .paused]
            case .pause: [.active, .soldOut]
            case .archive: [.draft, .active, .paused, .soldOut]
            }
        }

        var action: ListingAccess.Action { self == .publish ? .edit : .takeDown }

        var event: String {
            switch self {
            case .publish: "LISTING_PUBLISHED"
            case .pause: "LISTING_PAUSED"
            case .archive: "LISTING_ARCHIVED"
            }
        }

        var refusal: String {
            switch self {
            case .publish: "Only a DRAFT or PAUSED listing can be published."
            case .pause: "Only an ACTIVE or SOLD_OUT listing can be paused."
            case .archive: "This listing cannot be archived."
            }
        }
    }

    private enum Outcome: Sendable {
        case changed(ListingRow)
        case failed(UserError)
    }

    static func change(_ change: Change, id: String, _ ctx: Context, now: Date = Date()) async throws -> ListingPayload {
        let viewer = try ctx.requireViewer()
        let listingID = try GlobalID.parse(id, as: "Listing")
        let outcome: Outcome = try await ctx.sql.transaction { tx in
            guard let locked = try await ListingWrites.lock(tx, id: listingID) else { throw ListingAccess.notFound }
            let role = try ListingAccess.authorize(locked, viewer: viewer, for: change.action)
            let old = locked.row.status
            if old == change.target { return .changed(locked.row) }
            guard change.from.contains(old) else {
                return .failed(UserError(
                    field: nil, code: .invalidStatus, message: "\(change.refusal) This one is \(old.graphQLName)."))
            }
            if change == .publish, !ListingValidation.eventIsAhead(ListingFields(locked.row), now: now) {
                return .failed(UserError(
                    field: nil, code: .invalidInput,
                    message: "The event has started: move it with updateListing before publishing."))
            }
            if change == .publish, locked.row.priceCents > 0,
               try await !ListingWrites.canTakePayments(tx, providerID: locked.row.providerID)
            {
                return .failed(UserError(
                    field: nil, code: .onboardingRequired,
                    message: "Finish setting up payments (startProviderOnboarding) before publishing a paid listing."))
            }
            let row = try await ListingWrites.setStatus(tx, id: listingID, status: change.target)
            try await ListingWrites.adjustCounts(
                tx, providerID: row.providerID, listings: 0, active: activeDelta(from: old, to: row.status))
            try await record(change.event, row.id, old: old, new: row.status, viewer: viewer, role: role, tx)
            return .changed(row)
        }
        switch outcome {
        case .failed(let error):
            return .failure([error])
        case .changed(let row):
            ListingFlows.prime(row, ctx)
            return ListingPayload(listing: row, errors: [])
        }
    }

    static func delete(id: String, _ ctx: Context) async throws -> DeleteListingPayload {
        let viewer = try ctx.requireViewer()
        let listingID = try GlobalID.parse(id, as: "Listing")
        let deleted: ListingRow = try await ctx.sql.transaction { tx in
            guard let locked = try await ListingWrites.lock(tx, id: listingID) else { throw ListingAccess.notFound }
            let role = try ListingAccess.authorize(locked, viewer: viewer, for: .takeDown)
            try await ListingWrites.softDelete(tx, id: listingID)
            try await ListingWrites.adjustCounts(
                tx, providerID: locked.row.providerID, listings: -1, active: locked.row.status == .active ? -1 : 0)
            try await record("LISTING_DELETED", listingID, old: locked.row.status, new: nil, viewer: viewer, role: role, tx)
            return locked.row
        }
        var gone = deleted
        gone.deletedAt = Date()
        ListingFlows.prime(gone, ctx)
        return DeleteListingPayload(deletedListingId: GlobalID("Listing", listingID).description, errors: [])
    }

    static func activeDelta(from old: ListingStatus, to new: ListingStatus) -> Int {
        (new == .active ? 1 : 0) - (old == .active ? 1 : 0)
    }

    /// The event, and for an admin's action the audit row.
    private static func record(
        _ event: String, _ id: UUID, old: ListingStatus, new: ListingStatus?, viewer: Viewer,
        role: ListingAccess.Role, _ tx: SQLTransaction
    ) async throws {
        let after = new.map { ["status": $0.graphQLName] } ?? ["deleted": "true"]
        try await EventLog.append(tx, type: event, entityID: id, actorID: viewer.userID, payload: after)
        if role == .admin {
            try await AuditLog.append(
                tx, actorID: viewer.userID, action: event, entityType: "listing", entityID: id,
                before: ["status": old.graphQLName], after: after)
        }
    }
}
