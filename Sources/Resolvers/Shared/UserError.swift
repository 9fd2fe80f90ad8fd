/// A business-rule failure reported in a mutation's payload (`errors: [UserError!]!`).
public struct UserError: Sendable, Equatable {
    /// The path to the input field at fault (`["input", "email"]`), or nil for the whole request.
    public var field: [String]?
    public var code: UserErrorCode
    public var message: String

    public init(field: [String]?, code: UserErrorCode, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}

/// The `UserErrorCode` enum of the schema (raw values are the GraphQL names).
public enum UserErrorCode: String, Sendable {
    case emailTaken = "EMAIL_TAKEN"
    case invalidCredentials = "INVALID_CREDENTIALS"
    case accountSuspended = "ACCOUNT_SUSPENDED"
    case weakPassword = "WEAK_PASSWORD"
    case invalidEmail = "INVALID_EMAIL"
    case invalidToken = "INVALID_TOKEN"
    case rateLimited = "RATE_LIMITED"
    case invalidInput = "INVALID_INPUT"
    case alreadyProvider = "ALREADY_PROVIDER"
    case notAProvider = "NOT_A_PROVIDER"
    case unsupportedFileType = "UNSUPPORTED_FILE_TYPE"
    case fileTooLarge = "FILE_TOO_LARGE"
    case invalidFile = "INVALID_FILE"
    case invalidStatus = "INVALID_STATUS"
    case listingUnavailable = "LISTING_UNAVAILABLE"
    case soldOut = "SOLD_OUT"
    case notEnoughQuantity = "NOT_ENOUGH_QUANTITY"
    case currencyMismatch = "CURRENCY_MISMATCH"
    case ownListing = "OWN_LISTING"
    case notInCart = "NOT_IN_CART"
    case cartEmpty = "CART_EMPTY"
    case paymentUnavailable = "PAYMENT_UNAVAILABLE"
    case onboardingRequired = "ONBOARDING_REQUIRED"
    case listingLocked = "LISTING_LOCKED"
    case alreadyReviewed = "ALREADY_REVIEWED"
    case alreadyResponded = "ALREADY_RESPONDED"
}
