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
    /// Signs upload forms and download links; nil when S3 is not configured (uploads then fail
    /// with `INTERNAL_SERVER_ERROR`, and start-up says so).
    public let presigner: S3Presigner?
    /// Asks S3 about stored objects (a listing checks its keys were really uploaded); nil
    /// when S3 is not configured.
    public let objects: S3Client?

    /// Builds the services; warns when `JWT_SECRET` is unset (the development key is public)
    /// and when there is no S3 configuration (`S3Configuration(environment:)` of the variables
    /// in force, the environment over `.data/services.env`).
    public static func make(
        database: Database, accounts: AccountsConfiguration, storage: S3Configuration? = nil, logger: Logger
    ) async -> MarketplaceServices {
        if accounts.usesDevelopmentSecret {
            logger.warning("JWT_SECRET is not set: signing access tokens with the development key; set it in production")
        }
        if storage == nil {
            logger.warning("S3 is not configured: createUploadUrl will fail; set S3_BUCKET, S3_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY")
        }
        return MarketplaceServices(
            database: database, accounts: accounts, logger: logger,
            tokens: await TokenService.make(
                secret: accounts.jwtSecret, accessTokenLifetime: accounts.accessTokenLifetime),
            passwords: PasswordHasher(cost: accounts.bcryptCost),
            mailer: Mailer(publicURL: accounts.publicURL, logger: logger),
            presigner: storage.map(S3Presigner.init(configuration:)),
            objects: storage.map { S3Client(configuration: $0) })
    }
}
