import Foundation

/// What a file is for: it decides the key prefix, the content types allowed and the size limit.
/// Raw values are the GraphQL enum's.
public enum UploadPurpose: String, Sendable, CaseIterable {
    case listingImage = "LISTING_IMAGE"
    case listingFile = "LISTING_FILE"
    case providerLogo = "PROVIDER_LOGO"
    case avatar = "AVATAR"

    /// The key prefix; the owner's id and the object's name follow it.
    public var keyPrefix: String {
        switch self {
        case .listingImage: "listing-images/"
        case .listingFile: "listing-files/"
        case .providerLogo: "provider-logos/"
        case .avatar: "avatars/"
        }
    }

    /// Exact content types (no wildcards: `image/svg+xml` can carry script, so "image/*" is not safe).
    public var allowedContentTypes: [String] {
        switch self {
        case .listingImage, .providerLogo, .avatar: ["image/jpeg", "image/png", "image/webp"]
        case .listingFile:
            ["application/pdf", "application/zip", "audio/mpeg", "video/mp4", "image/png", "image/jpeg",
             "application/epub+zip"]
        }
    }

    public var maxBytes: Int {
        switch self {
        case .listingImage: 10 * 1024 * 1024
        case .listingFile: 500 * 1024 * 1024
        case .providerLogo, .avatar: 5 * 1024 * 1024
        }
    }

    /// For messages: "a listing image".
    var displayName: String {
        switch self {
        case .listingImage: "a listing image"
        case .listingFile: "a listing file"
        case .providerLogo: "a provider logo"
        case .avatar: "an avatar"
        }
    }
}

/// The rules around uploads, apart from S3: which keys an owner may create and use, and
/// which files are acceptable before and after they are uploaded.
public enum UploadPolicy {
    /// A new key under the purpose's and owner's prefix: `listing-images/<ownerID>/<uuid>`.
    /// The name is ours (a UUID by default), never the user's file name, which goes in the
    /// download's Content-Disposition instead.
    public static func key(
        purpose: UploadPurpose, ownerID: String, objectName: String = UUID().uuidString.lowercased()
    ) throws(UploadValidationError) -> String {
        guard isSafeSegment(ownerID), isSafeSegment(objectName) else { throw .invalidKey }
        return purpose.keyPrefix + ownerID + "/" + objectName
    }

    /// Whether `key` is one `ownerID` may attach for `purpose`: exactly
    /// `<prefix><ownerID>/<name>`, with a plain name (no further `/`, no `..`, no empty
    /// segment), so that another owner's key, another purpose's, or a path trick is refused.
    public static func ownsKey(_ key: String, purpose: UploadPurpose, ownerID: String) -> Bool {
        guard isSafeSegment(ownerID) else { return false }
        let prefix = purpose.keyPrefix + ownerID + "/"
        guard key.hasPrefix(prefix) else { return false }
        return isSafeSegment(String(key.dropFirst(prefix.count)))
    }

    /// Checks what the client says it will upload, before a POST form is made for it.
    public static func validate(
        purpose: UploadPurpose, contentType: String, byteSize: Int
    ) throws(UploadValidationError) {
        guard purpose.allowedContentTypes.contains(contentType) else {
            throw .unsupportedContentType(purpose: purpose, contentType: contentType)
        }
        guard byteSize > 0 else { throw .emptyFile }
        guard byteSize <= purpose.maxBytes else { throw .tooLarge(purpose: purpose, byteSize: byteSize) }
    }

    /// Checks the object that was actually stored (from `S3Client.headObject`), before a
    /// listing accepts its key. S3 enforces the POST policy itself; this is the second
    /// line, and the only one against stores that do not enforce policies (moto does not).
    public static func validateStored(
        _ object: S3ObjectInfo?, purpose: UploadPurpose
    ) throws(UploadValidationError) {
        guard let object else { throw .notUploaded }
        let contentType = object.contentType ?? ""
        guard purpose.allowedContentTypes.contains(contentType) else {
            throw .unsupportedContentType(purpose: purpose, contentType: contentType)
        }
        guard object.contentLength > 0 else { throw .emptyFile }
        guard object.contentLength <= purpose.maxBytes else {
            throw .tooLarge(purpose: purpose, byteSize: object.contentLength)
        }
    }

    /// Letters, digits, `.`, `_`, `-`; not `.` or `..`; 1 to 128 characters. UUIDs and
    /// our ids fit; anything that could change the key's meaning does not.
    static func isSafeSegment(_ segment: String) -> Bool {
        guard (1...128).contains(segment.utf8.count), segment != ".", segment != ".." else { return false }
        return segment.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                true
            default: false
            }
        }
    }
}

/// Why an upload is refused; `message` is meant for the user (GraphQL error messages).
public enum UploadValidationError: Error, Equatable, CustomStringConvertible {
    case unsupportedContentType(purpose: UploadPurpose, contentType: String)
    case emptyFile
    case tooLarge(purpose: UploadPurpose, byteSize: Int)
    /// A key that is not the caller's, or not for this purpose, or malformed.
    case invalidKey
    /// The key was never uploaded (or the upload has not finished).
    case notUploaded

    public var message: String {
        switch self {
        case .unsupportedContentType(let purpose, let contentType):
            "Files of type \"\(contentType)\" can't be used as \(purpose.displayName). Allowed types: "
                + purpose.allowedContentTypes.joined(separator: ", ") + "."
        case .emptyFile:
            "The file is empty."
        case .tooLarge(let purpose, let byteSize):
            "The file is \(Self.megabytes(byteSize)); the limit for \(purpose.displayName) is "
                + "\(Self.megabytes(purpose.maxBytes))."
        case .invalidKey:
            "This file was not uploaded by you for this purpose."
        case .notUploaded:
            "The file has not been uploaded yet."
        }
    }

    public var description: String { message }

    /// "10 MB", "2.5 MB" (binary megabytes, as the limits are defined).
    static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_048_576
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded()
            ? "\(Int(rounded)) MB" : "\(rounded) MB"
    }
}
