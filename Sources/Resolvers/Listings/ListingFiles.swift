import Foundation

/// A listing's files on S3: the checks before a listing accepts a key, and the presigned
/// links the API hands out.
enum ListingFiles {
    /// What S3 says about a digital listing's new file.
    struct StoredFile: Sendable {
        var contentType: String
        var sizeBytes: Int64
    }

    /// Checks the keys `fields` adds to `previous` (nil for a new listing): each must be the
    /// viewer's, under the right purpose's prefix, uploaded, and within the purpose's rules
    /// (S3 enforces the POST policy; HEAD is the second line, and the only one against
    /// stores that do not enforce policies). Keys the listing has already pass. Returns the
    /// new file's facts when `fileKey` changes.
    static func check(
        _ fields: ListingFields, previous: ListingRow?, ownerID: UUID, _ ctx: Context
    ) async throws -> (file: StoredFile?, errors: [UserError]) {
        let owner = ownerID.uuidString.lowercased()
        var wanted: [(path: [String], key: String, purpose: UploadPurpose)] = []
        let kept = Set(previous?.imageKeys ?? [])
        for (index, key) in fields.imageKeys.enumerated() where !kept.contains(key) {
            wanted.append((["input", "imageKeys", String(index)], key, .listingImage))
        }
        if let fileKey = fields.fileKey, fileKey != previous?.fileKey {
            wanted.append((["input", "fileKey"], fileKey, .listingFile))
        }
        guard !wanted.isEmpty else { return (nil, []) }

        var errors: [UserError] = []
        for item in wanted where !UploadPolicy.ownsKey(item.key, purpose: item.purpose, ownerID: owner) {
            errors.append(UserError(field: item.path, code: .invalidFile, message: UploadValidationError.invalidKey.message))
        }
        guard errors.isEmpty else { return (nil, errors) }
        guard let objects = ctx.services.objects else {
            ctx.logger.error("listing files: S3 is not configured (set S3_BUCKET, S3_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)")
            throw APIError.internalServerError()
        }
        // At most 11 keys: ask S3 about them at once.
        let infos = try await withThrowingTaskGroup(of: (Int, S3ObjectInfo?).self) { group in
            for (index, item) in wanted.enumerated() {
                group.addTask { (index, try await objects.headObject(key: item.key)) }
            }
            var infos = [S3ObjectInfo?](repeating: nil, count: wanted.count)
            for try await (index, info) in group { infos[index] = info }
            return infos
        }
        var file: StoredFile?
        for (item, info) in zip(wanted, infos) {
            do {
                try UploadPolicy.validateStored(info, purpose: item.purpose)
                if item.purpose == .listingFile, let info {
                    file = StoredFile(contentType: info.contentType ?? "", sizeBytes: Int64(info.contentLength))
                }
            } catch {
                errors.append(UserError(field: item.path, code: .invalidFile, message: error.message))
            }
        }
        return (errors.isEmpty ? file : nil, errors)
    }

    /// A 5-minute link to an image.
    static func imageURL(_ key: String, _ ctx: Context) throws -> String {
        try presigner(ctx).presignedGet(key: key).absoluteString
    }

    /// A 5-minute link that downloads a digital listing's file as `<slug>.<extension>`.
    static func downloadURL(_ listing: ListingRow, _ ctx: Context) throws -> String? {
        guard let key = listing.fileKey else { return nil }
        let name = listing.slug + fileExtension(listing.fileContentType)
        return try presigner(ctx).presignedGet(
            key: key, responseContentDisposition: "attachment; filename=\"\(name)\"").absoluteString
    }

    private static func presigner(_ ctx: Context) throws -> S3Presigner {
        guard let presigner = ctx.services.presigner else {
            ctx.logger.error("listing files: S3 is not configured (set S3_BUCKET, S3_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)")
            throw APIError.internalServerError()
        }
        return presigner
    }

    /// The extension for a content type of `UploadPurpose.listingFile` (slugs are plain
    /// ASCII, so the file name needs no quoting beyond the quotes).
    static func fileExtension(_ contentType: String?) -> String {
        switch contentType {
        case "application/pdf": ".pdf"
        case "application/zip": ".zip"
        case "application/epub+zip": ".epub"
        case "audio/mpeg": ".mp3"
        case "video/mp4": ".mp4"
        case "image/png": ".png"
        case "image/jpeg": ".jpg"
        default: ""
        }
    }
}
