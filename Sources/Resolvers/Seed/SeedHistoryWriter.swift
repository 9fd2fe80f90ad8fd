import Foundation
import PostgresNIO

/// Writes the plan's purchases (orders, items, invoices, payments), reviews and threads the
/// way `SeedWriter` writes the rest (one array parameter per column), then sets the review
/// and sales counters from the rows, so they agree with them as the app keeps them.
enum SeedHistoryWriter {
    static func write(_ plan: SeedPlan, in tx: SQLTransaction) async throws {
        try await insertPurchases(plan.purchases, tx)
        try await insertReviews(plan.purchases.compactMap { p in p.review.map { (p, $0) } }, tx)
        try await insertThreads(plan.threads, tx)
        try await updateCounters(tx)
    }

    private static func insertPurchases(_ purchases: [SeedPlan.Purchase], _ tx: SQLTransaction) async throws {
        guard !purchases.isEmpty else { return }
        let sorted = purchases.sorted { $0.at < $1.at }
        let orders = sorted.map(\.orderID), items = sorted.map(\.itemID), invoices = sorted.map(\.invoiceID)
        let buyers = sorted.map(\.buyerID), listings = sorted.map(\.listing.id), providers = sorted.map(\.listing.providerID)
        let kinds = sorted.map(\.listing.kind.rawValue), titles = sorted.map(\.listing.title)
        let prices = sorted.map(\.listing.priceCents), fees = sorted.map(\.feeCents), at = sorted.map(\.at)
        // Numbers in date order: the subquery's order is the order nextval sees.
        try await tx.query("""
            INSERT INTO marketplace.orders (id, number, buyer_id, status, currency, subtotal_cents, platform_fee_cents,
                total_cents, expires_at, paid_at, created_at, updated_at)
            SELECT t.id, 'MP-' || nextval('marketplace.order_number_seq'), t.buyer, 'completed', 'USD', t.price, t.fee,
                t.price, t.at + interval '30 minutes', t.at, t.at, t.at
            FROM (SELECT * FROM unnest(\(orders)::uuid[], \(buyers)::uuid[], \(prices)::bigint[], \(fees)::bigint[],
                \(at)::timestamptz[]) WITH ORDINALITY AS u(id, buyer, price, fee, at, n) ORDER BY n) t
            """)
        try await tx.query("""
            INSERT INTO marketplace.order_items (id, order_id, listing_id, provider_id, kind, title, unit_price_cents,
                quantity, line_total_cents, platform_fee_cents, provider_payout_cents, status, completed_at, created_at,
                updated_at)
            SELECT t.id, t.order_id, t.listing, t.provider, t.kind, t.title, t.price, 1, t.price, t.fee, t.price - t.fee,
                'completed', t.at, t.at, t.at
            FROM unnest(\(items)::uuid[], \(orders)::uuid[], \(listings)::uuid[], \(providers)::uuid[], \(kinds)::text[],
                \(titles)::text[], \(prices)::bigint[], \(fees)::bigint[], \(at)::timestamptz[])
                AS t(id, order_id, listing, provider, kind, title, price, fee, at)
            """)
        try await tx.query("""
            INSERT INTO marketplace.invoices (id, number, order_id, provider_id, status, currency, subtotal_cents,
                total_cents, paid_cents, payout_cents, payment_method, paid_at, created_at, updated_at)
            SELECT t.id, 'INV-' || nextval('marketplace.invoice_number_seq'), t.order_id, t.provider, 'paid', 'USD',
                t.price, t.price, t.price, t.price - t.fee, 'cash', t.at, t.at, t.at
            FROM (SELECT * FROM unnest(\(invoices)::uuid[], \(orders)::uuid[], \(providers)::uuid[], \(prices)::bigint[],
                \(fees)::bigint[], \(at)::timestamptz[]) WITH ORDINALITY AS u(id, order_id, provider, price, fee, at, n)
                ORDER BY n) t
            """)
        try await tx.query("""
            INSERT INTO marketplace.payments (order_id, status, amount_cents, currency, created_at, updated_at)
            SELECT t.order_id, 'completed', t.price, 'USD', t.at, t.at
            FROM unnest(\(orders)::uuid[], \(prices)::bigint[], \(at)::timestamptz[]) AS t(order_id, price, at)
            """)
    }

    private static func insertReviews(_ reviews: [(SeedPlan.Purchase, SeedPlan.Review)], _ tx: SQLTransaction) async throws {
        guard !reviews.isEmpty else { return }
        let ids = reviews.map(\.1.id), items = reviews.map(\.0.itemID), listings = reviews.map(\.0.listing.id)
        let providers = reviews.map(\.0.listing.providerID), authors = reviews.map(\.0.buyerID)
        let ratings = reviews.map(\.1.rating), titles = reviews.map { $0.1.title ?? "" }
        let bodies = reviews.map { $0.1.body ?? "" }, responses = reviews.map { $0.1.response ?? "" }
        let at = reviews.map(\.1.at)
        try await tx.query("""
            INSERT INTO marketplace.reviews (id, order_item_id, listing_id, provider_id, author_id, rating, title, body,
                provider_response, responded_at, created_at, updated_at)
            SELECT t.id, t.item, t.listing, t.provider, t.author, t.rating, NULLIF(t.title, ''), NULLIF(t.body, ''),
                NULLIF(t.response, ''), CASE WHEN t.response <> '' THEN t.at + interval '1 day' END, t.at, t.at
            FROM unnest(\(ids)::uuid[], \(items)::uuid[], \(listings)::uuid[], \(providers)::uuid[], \(authors)::uuid[],
                \(ratings)::integer[], \(titles)::text[], \(bodies)::text[], \(responses)::text[], \(at)::timestamptz[])
                AS t(id, item, listing, provider, author, rating, title, body, response, at)
            """)
    }

    private static func insertThreads(_ threads: [SeedPlan.Thread], _ tx: SQLTransaction) async throws {
        for thread in threads {
            guard let last = thread.messages.last else { continue }
            try await tx.query("""
                INSERT INTO marketplace.message_threads (id, buyer_id, provider_id, listing_id, subject, last_message_at,
                    created_at)
                VALUES (\(thread.id), \(thread.buyerID), \(thread.providerID), \(thread.listingID), \(thread.subject),
                    \(last.at), \(thread.messages[0].at))
                """)
            let senders = thread.messages.map(\.senderID), bodies = thread.messages.map(\.body), at = thread.messages.map(\.at)
            // In order, so `seq` follows the conversation.
            try await tx.query("""
                INSERT INTO marketplace.messages (thread_id, sender_id, body, created_at)
                SELECT \(thread.id), t.sender, t.body, t.at
                FROM unnest(\(senders)::uuid[], \(bodies)::text[], \(at)::timestamptz[]) WITH ORDINALITY AS t(sender, body, at, n)
                ORDER BY t.n
                """)
            // Read marks: the buyer read the first `readByBuyer` messages, the provider all.
            try await tx.query("""
                UPDATE marketplace.message_threads t SET
                    buyer_read_seq = (SELECT coalesce(max(seq), 0) FROM (SELECT seq FROM marketplace.messages
                        WHERE thread_id = t.id ORDER BY seq LIMIT \(thread.readByBuyer)) m),
                    provider_read_seq = (SELECT max(seq) FROM marketplace.messages WHERE thread_id = t.id)
                WHERE t.id = \(thread.id)
                """)
        }
    }

    /// Review aggregates from the reviews; providers' sales figures from the paid invoices.
    private static func updateCounters(_ tx: SQLTransaction) async throws {
        try await tx.query("""
            UPDATE marketplace.listings l SET review_count = r.n, rating_sum = r.stars
            FROM (SELECT listing_id, count(*)::integer AS n, sum(rating)::bigint AS stars FROM marketplace.reviews
                  WHERE status <> 'removed' GROUP BY listing_id) r
            WHERE l.id = r.listing_id
            """)
        try await tx.query("""
            UPDATE marketplace.providers p SET review_count = r.n, rating_sum = r.stars
            FROM (SELECT provider_id, count(*)::integer AS n, sum(rating)::bigint AS stars FROM marketplace.reviews
                  WHERE status <> 'removed' GROUP BY provider_id) r
            WHERE p.id = r.provider_id
            """)
        try await tx.query("""
            UPDATE marketplace.providers p SET order_count = s.n, completed_order_count = s.n, revenue_cents = s.payout
            FROM (SELECT provider_id, count(*)::integer AS n, sum(payout_cents)::bigint AS payout FROM marketplace.invoices
                  WHERE status = 'paid' GROUP BY provider_id) s
            WHERE p.id = s.provider_id
            """)
    }
}
