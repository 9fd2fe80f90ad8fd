import Foundation

/// Who may change a listing. Content (editing, publishing) is the provider's alone; taking
/// a listing down (pause, archive, delete) is also open to admins, as moderation, and is
/// then written to the audit log.
enum ListingAccess {
    enum Action {
        /// updateListing, publishListing.
        case edit
        /// pauseListing, archiveListing, deleteListing.
        case takeDown
    }

    /// How the viewer acts on the listing once allowed.
    enum Role: Equatable {
        case owner
        case admin
    }

    /// Decides, or throws the top-level error: `NOT_FOUND` when the viewer may not even see
    /// the listing (a draft of someone else's: its existence is not revealed), `FORBIDDEN`
    /// when they see it but it is not theirs, or their provider profile is suspended.
    static func authorize(_ locked: ListingWrites.Locked, viewer: Viewer, for action: Action) throws -> Role {
        if locked.providerUserID == viewer.userID {
            if action == .edit, !locked.providerActive {
                throw APIError.forbidden("Your provider profile is suspended: you cannot change your listings.")
            }
            return .owner
        }
        if viewer.role == .admin {
            guard action == .takeDown else {
                throw APIError.forbidden("Only the listing's provider can change it; admins can pause, archive or delete it.")
            }
            return .admin
        }
        if locked.row.status == .draft || !locked.providerActive { throw notFound }
        throw APIError.forbidden("This listing is not yours.")
    }

    static let notFound = APIError.notFound("There is no such listing.")
}
