import Foundation
import XCTest
@testable import Resolvers

/// The seed's PNG encoder: checksums against published values, the chunk layout, and
/// that Python's zlib (a real inflater) accepts the image data.
final class PNGEncoderTests: XCTestCase {
    func testChecksumsMatchPublishedValues() {
        XCTAssertEqual(PNGEncoder.crc32(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(PNGEncoder.adler32(Array("Wikipedia".utf8)), 0x11E6_0398)
        XCTAssertEqual(PNGEncoder.adler32([]), 1)
    }

    func testChunksAndImageData() throws {
        let png = SeedAssets.image(3)
        XCTAssertEqual(Array(png.prefix(8)), PNGEncoder.signature)
        var chunks: [(type: String, data: [UInt8])] = []
        var offset = 8
        func uint32(_ at: Int) -> Int { png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        while offset < png.count {
            let length = uint32(offset)
            let typeAndData = Array(png[(offset + 4)..<(offset + 8 + length)])
            XCTAssertEqual(UInt32(uint32(offset + 8 + length)), PNGEncoder.crc32(typeAndData), "CRC of chunk at \(offset)")
            chunks.append((String(decoding: typeAndData.prefix(4), as: UTF8.self), Array(typeAndData.dropFirst(4))))
            offset += 12 + length
        }
        XCTAssertEqual(offset, png.count, "the last chunk ends the file")
        XCTAssertEqual(chunks.map(\.type), ["IHDR", "IDAT", "IEND"])
        // 320 × 200, 8-bit RGB.
        XCTAssertEqual(chunks[0].data, [0, 0, 1, 64, 0, 0, 0, 200, 8, 2, 0, 0, 0])

        let inflated = try inflate(chunks[1].data)
        XCTAssertEqual(inflated.count, 200 * (1 + 320 * 3), "one filter byte and 320 pixels per row")
        XCTAssertTrue(stride(from: 0, to: inflated.count, by: 961).allSatisfy { inflated[$0] == 0 }, "filter type none")
    }

    func testStoredBlocksSplitLargeData() throws {
        let data = (0..<150_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        XCTAssertEqual(try inflate(PNGEncoder.zlibStored(data)), data)
        XCTAssertEqual(try inflate(PNGEncoder.zlibStored([])), [])
    }

    func testPDFIsWellFormed() {
        let text = String(decoding: SeedAssets.pdf(1), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("%PDF-1.4\n"))
        XCTAssertTrue(text.hasSuffix("%%EOF\n"))
        // startxref points at the xref table.
        let lines = text.split(separator: "\n")
        let startxref = Int(lines[lines.count - 2])!
        XCTAssertTrue(text.utf8.dropFirst(startxref).starts(with: "xref".utf8))
    }

    /// Inflates with python3's zlib, independent of our encoder.
    func inflate(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(sys.stdin.buffer.read()))"]
        // Input from a file: writing a large input to a pipe could block while its output is unread.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("inflate-\(UUID().uuidString)")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let stdout = Pipe(), stderr = Pipe()
        process.standardInput = try FileHandle(forReadingFrom: file)
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "zlib.decompress failed: \(errors)")
        return Array(output)
    }
}
