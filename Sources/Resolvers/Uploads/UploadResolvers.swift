import Foundation
import GraphQLEngine

/// `Mutation.createUploadUrl`: a presigned S3 POST form for a file the viewer is about to
/// upload, under a key of theirs for the purpose (`UploadPolicy.key`).
enum UploadResolvers {
    struct CreateArgs: Decodable { var input: UploadInput }

    static func register(in resolvers: inout SchemaResolvers<Context>) {
        resolvers.fields(of: "Mutation") { mutation in
            mutation.field("createUploadUrl") { (_: Void, args: CreateArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.createUploadUrl") { try createUploadURL(args.input, ctx) }
            }
        }
        resolvers.object("UploadPayload", UploadPayload.self)
        resolvers.object("PresignedUpload", PresignedUpload.self)
        resolvers.object("UploadField", UploadField.self)
    }

    /// Checks the declared file against the purpose's rules, then signs a form for a new key
    /// under `<purpose prefix><viewer id>/`. Rule failures are payload errors.
    static func createUploadURL(_ input: UploadInput, _ ctx: Context, now: Date = Date()) throws -> UploadPayload {
        let viewer = try ctx.requireViewer()
        guard let purpose = UploadPurpose(rawValue: input.purpose) else {
            // The schema's enum and the Swift one have the same values; coercion refuses others.
            return .failure(UserError(field: ["input", "purpose"], code: .invalidInput, message: "Unknown upload purpose."))
        }
        do {
            try UploadPolicy.validate(purpose: purpose, contentType: input.contentType, byteSize: input.sizeBytes)
        } catch {
            return .failure(userError(error))
        }
        guard let presigner = ctx.services.presigner else {
            ctx.logger.error("createUploadUrl: S3 is not configured (set S3_BUCKET, S3_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)")
            throw APIError.internalServerError()
        }
        let key = try UploadPolicy.key(purpose: purpose, ownerID: viewer.userID.uuidString.lowercased())
        let post = presigner.presignedPost(
            key: key, contentType: input.contentType, maxBytes: purpose.maxBytes, now: now)
        return UploadPayload(
            upload: PresignedUpload(
                url: post.url.absoluteString, fields: post.fields.map { UploadField(name: $0.name, value: $0.value) },
                key: key, expiresAt: post.expiresAt),
            errors: [])
    }

    /// The payload error for a refused file.
    static func userError(_ error: UploadValidationError) -> UserError {
        switch error {
        case .unsupportedContentType:
            UserError(field: ["input", "contentType"], code: .unsupportedFileType, message: error.message)
        case .tooLarge:
            UserError(field: ["input", "sizeBytes"], code: .fileTooLarge, message: error.message)
        case .emptyFile:
            UserError(field: ["input", "sizeBytes"], code: .invalidInput, message: "The size must be at least 1 byte.")
        case .invalidKey, .notUploaded:
            UserError(field: nil, code: .invalidInput, message: error.message)
        }
    }
}

/// Input of `createUploadUrl` (`purpose` is the `UploadPurpose` raw value).
struct UploadInput: Decodable, Sendable {
    var purpose: String
    var contentType: String
    var sizeBytes: Int
}

/// `UploadPayload`: the form, or the errors.
public struct UploadPayload: Sendable {
    public var upload: PresignedUpload?
    public var errors: [UserError]

    static func failure(_ errors: UserError...) -> UploadPayload {
        UploadPayload(upload: nil, errors: errors)
    }
}

/// `PresignedUpload`: what the client POSTs to S3.
public struct PresignedUpload: Sendable {
    public var url: String
    public var fields: [UploadField]
    public var key: String
    public var expiresAt: Date
}

/// `UploadField`: one form field, in order.
public struct UploadField: Sendable {
    public var name: String
    public var value: String
}
