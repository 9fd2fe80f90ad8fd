import Foundation
import GraphQLEngine

/// The review mutations. Every change that shows or hides a review moves the listing's and
/// provider's aggregates in its own transaction, so `averageRating` and `reviewCount` are
/// always those of the shown reviews.
enum ReviewFlows {
    struct CreateInput: Decodable, Sendable {
        var orderItemId: String
        var rating: Int
        var title: String?
        var body: String?
    }
    struct CreateArgs: Decodable, Sendable { var input: CreateInput }
    struct RespondArgs: Decodable, Sendable { var id: String; var response: String }
    struct FlagArgs: Decodable, Sendable { var id: String; var reason: String }
    struct ModerateArgs: Decodable, Sendable { var id: String; var status: String }

    /// A refusal that rolls the transaction back.
    private struct Refusal: Error { var error: UserError }

    /// How many reviews one user may flag an hour (flags summon an admin: a brake on abuse).
    static let flagsPerHour = 20

    /// `createReview`: the buyer of a COMPLETED item, once per item.
    static func create(_ input: CreateInput, _ ctx: Context) async throws -> ReviewPayload {
        let viewer = try ctx.requireViewer()
        let itemID = try GlobalID.parse(input.orderItemId, as: "OrderItem")
        let title = TextInput(input.title, field: ["input", "title"], what: "The title", maximum: 120, required: false)
        let body = TextInput(input.body, field: ["input", "body"], what: "The body", maximum: 5000, required: false)
        var errors = [title.error, body.error].compactMap { $0 }
        if !(1...5).contains(input.rating) {
            errors.insert(UserError(
                field: ["input", "rating"], code: .invalidInput, message: "The rating must be 1 to 5, not \(input.rating)."),
                at: 0)
        }
        guard errors.isEmpty else { return ReviewPayload(review: nil, errors: errors) }
        guard let item = try await ctx.loaders.visibleOrderItems.load(itemID) else {
            throw APIError.notFound("There is no such order item.")
        }
        guard item.buyerID == viewer.userID else { throw APIError.forbidden("Only the item's buyer can review it.") }
        let reviewID: UUID
        do {
            reviewID = try await ctx.sql.transaction { tx in
                // FOR SHARE: the item cannot be refunded (or its status otherwise change) under the review.
                let status = try await tx.query("""
                    SELECT status FROM marketplace.order_items WHERE id = \(itemID) FOR SHARE
                    """).first?.decode(String.self)
                guard status == OrderItemStatus.completed.rawValue else {
                    throw Refusal(error: UserError(
                        field: ["input", "orderItemId"], code: .invalidStatus,
                        message: "Only a COMPLETED item can be reviewed; this one is "
                            + (status.flatMap(OrderItemStatus.init(rawValue:))?.graphQLName ?? "gone") + "."))
                }
                guard let id = try await tx.query("""
                    INSERT INTO marketplace.reviews (order_item_id, listing_id, provider_id, author_id, rating, title, body)
                    VALUES (\(itemID), \(item.listingID), \(item.providerID), \(viewer.userID), \(input.rating),
                            \(title.value), \(body.value))
                    ON CONFLICT (order_item_id) DO NOTHING
                    RETURNING id
                    """).first?.decode(UUID.self) else {
                    throw Refusal(error: UserError(
                        field: ["input", "orderItemId"], code: .alreadyReviewed, message: "You have reviewed this item already."))
                }
                try await ReviewStore.adjustAggregates(
                    tx, listingID: item.listingID, providerID: item.providerID, count: 1, ratingSum: input.rating)
                try await EventLog.append(
                    tx, type: "REVIEW_CREATED", entityID: id, actorID: viewer.userID,
                    payload: ["listingId": item.listingID.uuidString.lowercased(), "rating": String(input.rating)])
                return id
            }
        } catch let refusal as Refusal {
            return ReviewPayload(review: nil, errors: [refusal.error])
        }
        ctx.loaders.listings.clear(item.listingID)
        ctx.loaders.providers.clear(item.providerID)
        return ReviewPayload(review: try await ctx.loaders.reviews.load(reviewID), errors: [])
    }

    /// `respondToReview`: the review's provider, once.
    static func respond(_ args: RespondArgs, _ ctx: Context) async throws -> ReviewPayload {
        let viewer = try ctx.requireViewer()
        let review = try await shownReview(args.id, ctx)
        let provider = try await ctx.loaders.providersByUser.load(viewer.userID)
        guard provider?.providerID == review.providerID else {
            throw APIError.forbidden("Only the reviewed provider can respond.")
        }
        let response = TextInput(args.response, field: ["response"], what: "The response", maximum: 2000, required: true)
        if let error = response.error { return ReviewPayload(review: nil, errors: [error]) }
        let answered = try await ctx.sql.transaction { tx in
            let updated = try await tx.query("""
                UPDATE marketplace.reviews SET provider_response = \(response.value), responded_at = now()
                WHERE id = \(review.id) AND provider_response IS NULL AND status <> 'removed'
                RETURNING id
                """)
            guard !updated.isEmpty else { return false }
            try await EventLog.append(tx, type: "REVIEW_RESPONDED", entityID: review.id, actorID: viewer.userID)
            return true
        }
        guard answered else {
            return ReviewPayload(review: nil, errors: [UserError(
                field: ["id"], code: .alreadyResponded, message: "You have responded to this review already.")])
        }
        ctx.loaders.reviews.clear(review.id)
        return ReviewPayload(review: try await ctx.loaders.reviews.load(review.id), errors: [])
    }

    /// `flagReview`: any signed-in user, once per review; a PUBLISHED review becomes FLAGGED.
    static func flag(_ args: FlagArgs, _ ctx: Context) async throws -> ReviewPayload {
        let viewer = try ctx.requireViewer()
        let review = try await shownReview(args.id, ctx)
        let reason = TextInput(args.reason, field: ["reason"], what: "The reason", maximum: 1000, required: true)
        if let error = reason.error { return ReviewPayload(review: nil, errors: [error]) }
        let recent = try await ctx.sql.query("""
            SELECT count(*) FROM marketplace.review_flags WHERE user_id = \(viewer.userID) AND created_at > now() - interval '1 hour'
            """).first?.decode(Int.self) ?? 0
        guard recent < flagsPerHour else {
            return ReviewPayload(review: nil, errors: [UserError(
                field: nil, code: .rateLimited, message: "You have flagged \(flagsPerHour) reviews this hour: try again later.")])
        }
        try await ctx.sql.transaction { tx in
            let inserted = try await tx.query("""
                INSERT INTO marketplace.review_flags (review_id, user_id, reason) VALUES (\(review.id), \(viewer.userID), \(reason.value))
                ON CONFLICT (review_id, user_id) DO NOTHING
                RETURNING review_id
                """)
            // Flagging twice changes nothing (the first reason stands).
            guard !inserted.isEmpty else { return }
            try await tx.query("""
                UPDATE marketplace.reviews SET flag_count = flag_count + 1,
                    status = CASE WHEN status = 'published' THEN 'flagged' ELSE status END
                WHERE id = \(review.id)
                """)
            try await EventLog.append(tx, type: "REVIEW_FLAGGED", entityID: review.id, actorID: viewer.userID)
        }
        ctx.loaders.reviews.clear(review.id)
        return ReviewPayload(review: try await ctx.loaders.reviews.load(review.id), errors: [])
    }

    /// `moderateReview`: admins set any status; showing or hiding moves the aggregates.
    static func moderate(_ args: ModerateArgs, _ ctx: Context) async throws -> ReviewPayload {
        let viewer = try ctx.requireViewer()
        guard viewer.role == .admin else { throw APIError.forbidden("Only admins can moderate reviews.") }
        let id = try GlobalID.parse(args.id, as: "Review")
        guard let status = ReviewStatus(graphQLName: args.status) else {
            throw APIError.badUserInput("Unknown review status \(args.status).")
        }
        try await ctx.sql.transaction { tx in
            guard let row = try await tx.query("""
                SELECT status, rating::int8, listing_id, provider_id FROM marketplace.reviews WHERE id = \(id) FOR UPDATE
                """).first else { throw APIError.notFound("There is no such review.") }
            let (raw, rating, listingID, providerID) = try row.decode((String, Int, UUID, UUID).self)
            guard let before = ReviewStatus(rawValue: raw), before != status else { return }
            try await tx.query("""
                UPDATE marketplace.reviews SET status = \(status.rawValue), moderated_at = now() WHERE id = \(id)
                """)
            if before.isShown != status.isShown {
                let sign = status.isShown ? 1 : -1
                try await ReviewStore.adjustAggregates(
                    tx, listingID: listingID, providerID: providerID, count: sign, ratingSum: sign * rating)
            }
            try await EventLog.append(
                tx, type: "REVIEW_MODERATED", entityID: id, actorID: viewer.userID, payload: ["status": status.graphQLName])
            try await AuditLog.append(
                tx, actorID: viewer.userID, action: "REVIEW_MODERATED", entityType: "review", entityID: id,
                before: ["status": before.graphQLName], after: ["status": status.graphQLName])
        }
        ctx.loaders.reviews.clear(id)
        return ReviewPayload(review: try await ctx.loaders.reviews.load(id), errors: [])
    }

    /// A review that is shown (others cannot be responded to or flagged), or `NOT_FOUND`.
    private static func shownReview(_ globalID: String, _ ctx: Context) async throws -> ReviewRow {
        let id = try GlobalID.parse(globalID, as: "Review")
        guard let review = try await ctx.loaders.reviews.load(id), review.status.isShown else {
            throw APIError.notFound("There is no such review.")
        }
        return review
    }
}

/// `ReviewPayload`.
public struct ReviewPayload: Sendable {
    public var review: ReviewRow?
    public var errors: [UserError]
}
