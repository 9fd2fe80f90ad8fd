import Foundation

/// One SQL file of `Database/Migrations`, named `NNNN_name.sql`.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// A fingerprint of the file, recorded when it is applied, so that editing an
    /// applied migration is noticed instead of silently diverging (FNV-1a, not security).
    public var checksum: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public enum LoadError: Error, CustomStringConvertible {
        case folderMissing(String)
        case badFileName(String)
        case duplicateVersion(Int)
        public var description: String {
            switch self {
            case .folderMissing(let path): "migrations folder not found: \(path)"
            case .badFileName(let name): "migration file \(name) is not named NNNN_name.sql"
            case .duplicateVersion(let v): "two migration files have version \(v)"
            }
        }
    }

    /// The migrations built into the binary, in order.
    public static func bundled() throws -> [Migration] {
        guard let folder = Bundle.module.url(forResource: "Migrations", withExtension: nil) else {
            throw LoadError.folderMissing("Migrations in \(Bundle.module.bundlePath)")
        }
        return try load(from: folder)
    }

    /// Reads every `NNNN_name.sql` file of a folder, ordered by version.
    public static func load(from folder: URL) throws -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw LoadError.folderMissing(folder.path)
        }
        var migrations: [Migration] = []
        for file in names where file.hasSuffix(".sql") {
            let stem = file.dropLast(4)
            guard let underscore = stem.firstIndex(of: "_"),
                  let version = Int(stem[..<underscore]), version > 0,
                  stem.index(after: underscore) < stem.endIndex
            else { throw LoadError.badFileName(file) }
            let sql = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            migrations.append(Migration(version: version, name: String(stem[stem.index(after: underscore)...]), sql: sql))
        }
        migrations.sort { $0.version < $1.version }
        for (a, b) in zip(migrations, migrations.dropFirst()) where a.version == b.version {
            throw LoadError.duplicateVersion(a.version)
        }
        return migrations
    }
}
