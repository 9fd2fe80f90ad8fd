import Foundation
import Logging

/// What every request shares: the database and the services, made once at start-up.
public struct MarketplaceServices: Sendable {
    public let database: Database
    public let accounts: AccountsConfiguration
    public let logger: Logger
    let tokens: TokenService
    let passwords: PasswordHasher
    let mailer: Mailer

    /// Builds the services; warns when `JWT_SECRET` is unset (the development key is public).
    public static func make(database: Database, accounts: AccountsConfiguration, logger: Logger) async
        -> MarketplaceServices
    {
        if accounts.usesDevelopmentSecret {
            logger.warning("JWT_SECRET is not set: signing access tokens with the development key; set it in production")
        }
        return MarketplaceServices(
            database: database, accounts: accounts, logger: logger,
            tokens: await TokenService.make(
                secret: accounts.jwtSecret, accessTokenLifetime: accounts.accessTokenLifetime),
            passwords: PasswordHasher(cost: accounts.bcryptCost),
            mailer: Mailer(publicURL: accounts.publicURL, logger: logger))
    }
}
