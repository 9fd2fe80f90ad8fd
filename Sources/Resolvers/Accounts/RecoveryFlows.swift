import Foundation

/// Email verification and password reset: tokens mailed as links, stored hashed, single
/// use and expiring.
enum RecoveryFlows {
    static func verifyEmail(token: String, _ ctx: Context) async throws -> UserPayload {
        let invalid = UserPayload(user: nil, errors: [UserError(
            field: ["token"], code: .invalidToken, message: "This verification link is invalid, used or expired.")])
        guard token.utf8.count <= 256 else { return invalid }
        let verified: User? = try await ctx.sql.transaction { tx in
            guard let userID = try await AccountTokenStore.spend(
                tx, purpose: .verifyEmail, tokenHash: OpaqueToken.hash(token))
            else { return nil }
            guard let user = try await AccountTokenStore.markEmailVerified(tx, userID: userID) else { return nil }
            try await EventLog.append(tx, type: "USER_EMAIL_VERIFIED", entityID: userID, actorID: userID)
            return user
        }
        guard var verified else { return invalid }
        ctx.loaders.users.clear(verified.userID)
        verified.ownerProven = true
        return UserPayload(user: verified, errors: [])
    }

    /// Mails a reset link if the email has an active account. The answer is the same
    /// either way, so the mutation does not reveal who has an account; past
    /// `maxResetMailsPerHour` for an account, requests are answered but send nothing.
    static func requestPasswordReset(email rawEmail: String, _ ctx: Context) async throws
        -> RequestPasswordResetPayload
    {
        let (email, emailError) = AccountValidation.email(rawEmail, field: ["email"])
        if let emailError { return RequestPasswordResetPayload(success: false, errors: [emailError]) }
        let services = ctx.services
        let token = OpaqueToken.generate()
        let mail: Mailer.QueuedMail? = try await ctx.sql.transaction { tx in
            guard let candidate = try await AccountTokenStore.resetCandidate(tx, email: email),
                  candidate.user.status == .active,
                  candidate.recentResets < services.accounts.maxResetMailsPerHour
            else { return nil }
            let user = candidate.user
            try await AccountTokenStore.insert(
                tx, userID: user.userID, purpose: .resetPassword, tokenHash: OpaqueToken.hash(token),
                lifetime: services.accounts.passwordResetLifetime)
            return try await services.mailer.enqueue(
                tx, to: user.email, template: "reset_password",
                link: services.mailer.link("reset-password", token: token), fields: ["firstName": user.firstName])
        }
        if let mail { services.mailer.logQueued(mail, logger: ctx.logger) }
        return RequestPasswordResetPayload(success: true, errors: [])
    }

    /// Sets a new password, ends every session of the account (whoever forced the reset
    /// loses access) and signs the caller in with a new one.
    static func resetPassword(token: String, newPassword: String, _ ctx: Context) async throws -> AuthPayload {
        if let weak = AccountValidation.password(newPassword, field: ["newPassword"]) { return .failure(weak) }
        let invalid = AuthPayload.failure(UserError(
            field: ["token"], code: .invalidToken, message: "This reset link is invalid, used or expired."))
        guard token.utf8.count <= 256 else { return invalid }
        // Hashed before the transaction, which would otherwise hold its locks through bcrypt.
        let passwordHash = await ctx.services.passwords.hash(newPassword)
        let reset: (user: User, session: SessionFlows.PendingSession)? = try await ctx.sql.transaction { tx in
            guard let userID = try await AccountTokenStore.spend(
                tx, purpose: .resetPassword, tokenHash: OpaqueToken.hash(token)),
                  let user = try await AccountTokenStore.setPassword(tx, userID: userID, passwordHash: passwordHash)
            else { return nil }
            try await AccountTokenStore.spendAll(tx, userID: userID, purpose: .resetPassword)
            try await AccountStore.revokeSessions(tx, userID: userID, reason: "password_reset")
            let session = SessionFlows.newSession(userID: userID, ctx)
            try await AccountStore.insertSession(tx, session.row)
            try await EventLog.append(tx, type: "USER_PASSWORD_RESET", entityID: userID, actorID: userID)
            return (user, session)
        }
        guard let reset else { return invalid }
        ctx.loaders.users.clear(reset.user.userID)
        return try await SessionFlows.signedIn(reset.user, reset.session, ctx)
    }

    /// Changes the viewer's names and phone.
    static func updateProfile(_ input: ProfileInput, _ ctx: Context) async throws -> UserPayload {
        let viewer = try ctx.requireViewer()
        var errors: [UserError] = []
        func check(_ value: String?, _ validate: (String) -> (String, UserError?)) -> String? {
            guard let value else { return nil }
            let (clean, error) = validate(value)
            if let error { errors.append(error) }
            return clean
        }
        let firstName = check(input.firstName) {
            AccountValidation.name($0, field: ["input", "firstName"], label: "First name")
        }
        let lastName = check(input.lastName) {
            AccountValidation.name($0, field: ["input", "lastName"], label: "Last name")
        }
        let phone = check(input.phone) { AccountValidation.phone($0, field: ["input", "phone"]) }
        if !errors.isEmpty { return UserPayload(user: nil, errors: errors) }
        let updated: User? = try await ctx.sql.transaction { tx in
            guard let user = try await AccountStore.updateProfile(
                tx, userID: viewer.userID, firstName: firstName, lastName: lastName, phone: phone)
            else { return nil }
            try await EventLog.append(tx, type: "USER_UPDATED", entityID: viewer.userID, actorID: viewer.userID)
            return user
        }
        guard let updated else { throw APIError.unauthenticated("The session has ended. Sign in again.") }
        ctx.loaders.users.clear(updated.userID)
        _ = ctx.loaders.users.prime(updated.userID, updated)
        return UserPayload(user: updated, errors: [])
    }
}
