import Foundation

/// Signing up, in and out, and refreshing: each mutation's rules, its statements and its
/// payload. Every state change is one transaction (or one statement).
enum SessionFlows {
    static func register(_ input: RegisterInput, _ ctx: Context) async throws -> AuthPayload {
        let (email, emailError) = AccountValidation.email(input.email, field: ["input", "email"])
        let (firstName, firstError) = AccountValidation.name(
            input.firstName, field: ["input", "firstName"], label: "First name")
        let (lastName, lastError) = AccountValidation.name(
            input.lastName, field: ["input", "lastName"], label: "Last name")
        let errors = [emailError, AccountValidation.password(input.password, field: ["input", "password"]),
                      firstError, lastError].compactMap { $0 }
        if !errors.isEmpty { return .failure(errors) }

        let services = ctx.services
        let passwordHash = await services.passwords.hash(input.password)
        let userID = UUID()
        let session = newSession(userID: userID, ctx)
        let verification = OpaqueToken.generate()
        let outcome: (user: User, mail: Mailer.QueuedMail)? = try await ctx.sql.transaction { tx in
            guard let user = try await AccountStore.insertUser(
                tx, id: userID, email: email, passwordHash: passwordHash, firstName: firstName, lastName: lastName)
            else { return nil }
            try await AccountStore.insertSession(tx, session.row)
            try await AccountTokenStore.insert(
                tx, userID: userID, purpose: .verifyEmail, tokenHash: OpaqueToken.hash(verification),
                lifetime: services.accounts.emailVerificationLifetime)
            let mail = try await services.mailer.enqueue(
                tx, to: email, template: "verify_email",
                link: services.mailer.link("verify-email", token: verification), fields: ["firstName": firstName])
            try await EventLog.append(tx, type: "USER_CREATED", entityID: userID, actorID: userID)
            return (user, mail)
        }
        guard let outcome else {
            return .failure(UserError(
                field: ["input", "email"], code: .emailTaken, message: "An account with this email already exists."))
        }
        services.mailer.logQueued(outcome.mail, logger: ctx.logger)
        _ = ctx.loaders.users.prime(userID, outcome.user)
        return try await signedIn(outcome.user, session, ctx)
    }

    static func login(email rawEmail: String, password: String, _ ctx: Context) async throws -> AuthPayload {
        let services = ctx.services
        let settings = services.accounts
        // The email as typed, trimmed (citext compares it case-insensitively): a malformed
        // one simply has no account, and is limited like any other.
        let email = rawEmail.trimmingCharacters(in: .whitespacesAndNewlines)
        let lookup = try await AccountStore.signInLookup(
            ctx.sql, email: email, clientAddress: ctx.clientAddress, window: settings.loginWindow)
        if lookup.emailFailures >= settings.maxFailuresPerEmail
            || lookup.addressFailures >= settings.maxFailuresPerAddress
        {
            // Not recorded as an attempt: that would let an attacker keep the window open.
            return .failure(UserError(
                field: nil, code: .rateLimited, message: "Too many failed sign-ins. Try again in 15 minutes."))
        }
        let matches = await services.passwords.verify(password, hash: lookup.passwordHash)
        guard matches, let user = lookup.user else {
            try await AccountStore.recordFailedSignIn(
                ctx.sql, email: email, clientAddress: ctx.clientAddress, userID: lookup.user?.userID)
            return .failure(UserError(
                field: nil, code: .invalidCredentials, message: "The email or password is incorrect."))
        }
        guard user.status == .active else {
            // Told only after the right password, so it reveals nothing to a guesser.
            return .failure(UserError(
                field: nil, code: .accountSuspended, message: "This account is suspended. Contact support."))
        }
        let session = newSession(userID: user.userID, ctx)
        try await AccountStore.recordSignIn(ctx.sql, email: email, session: session.row)
        return try await signedIn(user, session, ctx)
    }

    static func refresh(refreshToken: String, _ ctx: Context) async throws -> AuthPayload {
        let services = ctx.services
        let invalid = AuthPayload.failure(UserError(
            field: ["refreshToken"], code: .invalidToken, message: "The refresh token is invalid or has expired."))
        guard refreshToken.utf8.count <= 256 else { return invalid }
        let oldHash = OpaqueToken.hash(refreshToken)
        let newToken = OpaqueToken.generate()
        let refreshed: (user: User, sessionID: UUID)? = try await ctx.sql.transaction { tx in
            guard let found = try await AccountStore.lockSession(tx, refreshTokenHash: oldHash) else { return nil }
            if !found.isCurrent {
                // A replaced token came back: someone holds a copy. End the session for
                // both holders; the owner signs in again.
                if found.isLive { try await AccountStore.revokeSession(tx, id: found.sessionID, reason: "refresh_token_reuse") }
                ctx.logger.warning(
                    "refresh token reused: session revoked", metadata: ["session_id": "\(found.sessionID)"])
                return nil
            }
            guard found.isLive, found.user.status == .active else { return nil }
            try await AccountStore.rotate(
                tx, sessionID: found.sessionID, oldHash: oldHash, newHash: OpaqueToken.hash(newToken),
                lifetime: services.accounts.refreshTokenLifetime, clientAddress: ctx.clientAddress)
            return (found.user, found.sessionID)
        }
        guard let refreshed else { return invalid }
        let access = try await services.tokens.accessToken(userID: refreshed.user.userID, sessionID: refreshed.sessionID)
        var user = refreshed.user
        user.ownerProven = true
        return AuthPayload(
            accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: newToken,
            user: user, errors: [])
    }

    static func logout(_ ctx: Context) async throws -> LogoutPayload {
        let viewer = try ctx.requireViewer()
        try await AccountStore.revokeSession(ctx.sql, id: viewer.sessionID, reason: "logout")
        return LogoutPayload(success: true, errors: [])
    }

    // MARK: Helpers

    /// A session to create, with its refresh token (known to the client only).
    struct PendingSession {
        let row: AccountStore.NewSession
        let refreshToken: String
    }

    static func newSession(userID: UUID, _ ctx: Context) -> PendingSession {
        let token = OpaqueToken.generate()
        return PendingSession(
            row: AccountStore.NewSession(
                id: UUID(), userID: userID, refreshTokenHash: OpaqueToken.hash(token),
                lifetime: ctx.services.accounts.refreshTokenLifetime,
                userAgent: ctx.userAgent.map { String($0.prefix(512)) }, clientAddress: ctx.clientAddress),
            refreshToken: token)
    }

    /// The payload of a session just created.
    static func signedIn(_ user: User, _ session: PendingSession, _ ctx: Context) async throws -> AuthPayload {
        var user = user
        user.ownerProven = true
        let access = try await ctx.services.tokens.accessToken(userID: user.userID, sessionID: session.row.id)
        return AuthPayload(
            accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: session.refreshToken,
            user: user, errors: [])
    }
}
