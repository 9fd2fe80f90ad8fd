import Foundation
import PostgresNIO

/// Reads threads and messages for their participants: by id, the viewer's threads (most
/// recent activity first), each thread's messages (newest first; first pages for a whole
/// level at once), unread and message counts.
enum MessagingStore {
    /// The threads with these ids that `userID` takes part in.
    static func threads(_ sql: SQLExecutor, ids: [UUID], participant userID: UUID) async throws -> [UUID: ThreadRow] {
        guard !ids.isEmpty else { return [:] }
        var statement = SQLBuilder("SELECT ")
        statement.append(ThreadRow.columns)
        statement.append(ThreadRow.from)
        statement.append(" WHERE t.id = ANY(", Array(Set(ids)), cast: "::uuid[]")
        statement.append(") AND (t.buyer_id = ", userID)
        statement.append(" OR p.user_id = ", userID)
        statement.append(")")
        var threads: [UUID: ThreadRow] = [:]
        for row in try await sql.query(statement.query) {
            let thread = try ThreadRow.decode(row.makeRandomAccess())
            threads[thread.id] = thread
        }
        return threads
    }

    /// The messages with these ids in threads `userID` takes part in.
    static func messages(_ sql: SQLExecutor, ids: [UUID], participant userID: UUID) async throws -> [UUID: MessageRow] {
        guard !ids.isEmpty else { return [:] }
        var statement = SQLBuilder("SELECT ")
        statement.append(MessageRow.columns)
        statement.append(" FROM marketplace.messages m JOIN marketplace.message_threads t ON t.id = m.thread_id")
        statement.append(" JOIN marketplace.providers p ON p.id = t.provider_id WHERE m.id = ANY(", Array(Set(ids)), cast: "::uuid[]")
        statement.append(") AND (t.buyer_id = ", userID)
        statement.append(" OR p.user_id = ", userID)
        statement.append(")")
        var messages: [UUID: MessageRow] = [:]
        for row in try await sql.query(statement.query) {
            let message = try MessageRow.decode(row.makeRandomAccess())
            messages[message.id] = message
        }
        return messages
    }

    /// How many messages from the other side `userID` has not read, by thread.
    static func unreadCounts(_ sql: SQLExecutor, threadIDs: [UUID], reader userID: UUID) async throws -> [UUID: Int] {
        let rows = try await sql.query("""
            SELECT t.id, count(m.id)::int8 FROM marketplace.message_threads t
            JOIN marketplace.messages m ON m.thread_id = t.id AND m.sender_id <> \(userID)
                AND m.seq > CASE WHEN t.buyer_id = \(userID) THEN t.buyer_read_seq ELSE t.provider_read_seq END
            WHERE t.id = ANY(\(threadIDs))
            GROUP BY t.id
            """)
        var counts: [UUID: Int] = [:]
        for row in rows {
            let (id, count) = try row.decode((UUID, Int).self)
            counts[id] = count
        }
        return Dictionary(uniqueKeysWithValues: threadIDs.map { ($0, counts[$0] ?? 0) })
    }

    /// How many messages each thread has.
    static func messageCounts(_ sql: SQLExecutor, threadIDs: [UUID]) async throws -> [UUID: Int] {
        let rows = try await sql.query("""
            SELECT thread_id, count(*)::int8 FROM marketplace.messages WHERE thread_id = ANY(\(threadIDs)) GROUP BY thread_id
            """)
        var counts: [UUID: Int] = [:]
        for row in rows {
            let (id, count) = try row.decode((UUID, Int).self)
            counts[id] = count
        }
        return Dictionary(uniqueKeysWithValues: threadIDs.map { ($0, counts[$0] ?? 0) })
    }

    // MARK: The viewer's threads

    /// A page of the threads `userID` takes part in (as the buyer, or as `providerID`'s
    /// user), most recent activity first, keyset on (last_message_at, id).
    static func threadPage(
        _ sql: SQLExecutor, userID: UUID, providerID: UUID?, first: Int, after: String?
    ) async throws -> KeysetPage<ThreadRow> {
        let fingerprint = listingFingerprint(["threads", userID.uuidString])
        let cursor = try after.map { try ListingCursor.decode($0, sort: .newest, fingerprint: fingerprint) }
        var statement = SQLBuilder("SELECT ")
        statement.append(ThreadRow.columns)
        statement.append(", (extract(epoch FROM t.last_message_at) * 1000000)::bigint::text")
        appendThreadsWhere(userID: userID, providerID: providerID, to: &statement)
        if let cursor { statement.appendBefore(cursor, time: "t.last_message_at", id: "t.id") }
        statement.append(" ORDER BY t.last_message_at DESC, t.id DESC LIMIT ", first + 1)
        var rows: [ThreadRow] = []
        var cursors: [String] = []
        for row in try await sql.query(statement.query) {
            let columns = row.makeRandomAccess()
            let thread = try ThreadRow.decode(columns)
            let key = try columns[ThreadRow.columnCount].decode(String.self, context: .default)
            rows.append(thread)
            cursors.append(ListingCursor(sort: .newest, fingerprint: fingerprint, key: key, id: thread.id).encoded())
        }
        return KeysetPage(rows: Array(rows.prefix(first)), cursors: Array(cursors.prefix(first)), hasNextPage: rows.count > first)
    }

    static func threadCount(_ sql: SQLExecutor, userID: UUID, providerID: UUID?) async throws -> Int {
        var statement = SQLBuilder("SELECT count(*)::int8")
        appendThreadsWhere(userID: userID, providerID: providerID, to: &statement)
        return try await sql.query(statement.query).first?.decode(Int.self) ?? 0
    }

    private static func appendThreadsWhere(userID: UUID, providerID: UUID?, to statement: inout SQLBuilder) {
        statement.append(ThreadRow.from)
        statement.append(" WHERE (t.buyer_id = ", userID)
        if let providerID { statement.append(" OR t.provider_id = ", providerID) }
        statement.append(")")
    }

    // MARK: A thread's messages

    /// The first page of each thread's messages, newest first, in one statement.
    static func firstMessagePages(
        _ sql: SQLExecutor, threadIDs: [UUID], first: Int
    ) async throws -> [UUID: KeysetPage<MessageRow>] {
        let ids = Array(Set(threadIDs))
        guard !ids.isEmpty else { return [:] }
        var statement = SQLBuilder("SELECT ")
        statement.append(MessageRow.columns)
        statement.append(" FROM unnest(", ids, cast: "::uuid[]")
        statement.append(") AS wanted(id) CROSS JOIN LATERAL (SELECT * FROM marketplace.messages m")
        statement.append(" WHERE m.thread_id = wanted.id ORDER BY m.seq DESC LIMIT ", first + 1)
        statement.append(") m ORDER BY m.thread_id, m.seq DESC")
        var grouped: [UUID: [MessageRow]] = [:]
        for row in try await sql.query(statement.query) {
            let message = try MessageRow.decode(row.makeRandomAccess())
            grouped[message.threadID, default: []].append(message)
        }
        return Dictionary(uniqueKeysWithValues: ids.map { ($0, messagePage(grouped[$0] ?? [], threadID: $0, first: first)) })
    }

    /// A page of a thread's messages older than the cursor's.
    static func messagePage(_ sql: SQLExecutor, threadID: UUID, first: Int, after: String) async throws -> KeysetPage<MessageRow> {
        let cursor = try ListingCursor.decode(after, sort: .newest, fingerprint: messagesFingerprint(threadID))
        let rows = try await sql.query("""
            SELECT \(unescaped: MessageRow.columns.description) FROM marketplace.messages m
            WHERE m.thread_id = \(threadID) AND m.seq < \(Int64(cursor.key) ?? 0)
            ORDER BY m.seq DESC LIMIT \(first + 1)
            """)
        let messages = try rows.map { try MessageRow.decode($0.makeRandomAccess()) }
        return messagePage(messages, threadID: threadID, first: first)
    }

    private static func messagePage(_ rows: [MessageRow], threadID: UUID, first: Int) -> KeysetPage<MessageRow> {
        let fingerprint = messagesFingerprint(threadID)
        let kept = Array(rows.prefix(first))
        return KeysetPage(
            rows: kept,
            cursors: kept.map { ListingCursor(sort: .newest, fingerprint: fingerprint, key: String($0.seq), id: $0.id).encoded() },
            hasNextPage: rows.count > first)
    }

    private static func messagesFingerprint(_ threadID: UUID) -> String {
        listingFingerprint(["messages", threadID.uuidString])
    }
}
