import Foundation
import NIOCore

/// The playground's files (`Playground/` at the package root), compiled into the binary:
/// the EmbedPlayground build-tool plugin generates `embedded` from the directory at build
/// time, so the executable serves them without reading the disk.
enum PlaygroundFiles {
    struct File: Sendable {
        let contentType: String
        /// A strong validator (quoted), from the content.
        let etag: String
        let body: ByteBuffer
    }

    /// The files by name (`index.html`, `app.js`, …), decoded once on first use.
    static let files: [String: File] = embedded.reduce(into: [:]) { files, entry in
        // The generator wrote the base64 itself: it always decodes.
        let bytes = Data(base64Encoded: entry.value.base64) ?? Data()
        files[entry.key] = File(
            contentType: entry.value.contentType, etag: entry.value.etag, body: ByteBuffer(bytes: bytes))
    }
}
