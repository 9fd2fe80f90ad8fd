import AsyncHTTPClient
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
    /// Stripe (or the local Stripe): checkout, Connect, transfers, refunds; nil when
    /// `STRIPE_SECRET_KEY` is not set (checkout then fails with `INTERNAL_SERVER_ERROR`).
    public let stripe: StripeClient?
    /// The platform fee and the checkout hold.
    public let commerce: CommerceConfiguration
    /// Domain events for subscriptions; someone must `run()` it (the server does, as a service).
    public let events: EventHub

    /// Builds the services; warns when `JWT_SECRET` is unset (the development key is public)
    /// and when there is no S3 configuration (`S3Configuration(environment:)` of the variables
    /// in force, the environment over `.data/services.env`).
    public static func make(
        database: Database, accounts: AccountsConfiguration, storage: S3Configuration? = nil,
        stripe: StripeConfiguration? = nil, commerce: CommerceConfiguration = CommerceConfiguration(),
        events: EventHub.Settings = EventHub.Settings(), logger: Logger
    ) async -> MarketplaceServices {
        if accounts.usesDevelopmentSecret {
            logger.warning("JWT_SECRET is not set: signing access tokens with the development key; set it in production")
        }
        if stripe == nil {
            logger.warning("Stripe is not configured: checkout and provider onboarding will fail; set STRIPE_SECRET_KEY")
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
            objects: storage.map { S3Client(configuration: $0) },
            stripe: stripe.map { StripeClient(configuration: $0, httpClient: stripeHTTPClient, logger: logger) },
            commerce: commerce,
            events: EventHub(database: database, settings: events, logger: logger))
    }

    /// One HTTP client for Stripe for the whole process: services made per test or per
    /// command need not shut anything down (AsyncHTTPClient traps when a client it made is
    /// released unclosed). Stripe never redirects; following one would resend the key.
    static let stripeHTTPClient: HTTPClient = {
        var settings = HTTPClient.Configuration(timeout: .init(connect: .seconds(5)))
        settings.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: settings)
    }()
}
