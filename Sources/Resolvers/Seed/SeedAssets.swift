import Foundation

/// The files seeded listings point at: a pool of generated PNG pictures (listing images)
/// and small PDFs (what digital listings deliver). Generated, not stored in the
/// repository, so the seed carries no binary files.
enum SeedAssets {
    static let imageCount = 16
    static let fileCount = 4
    static let imageWidth = 320
    static let imageHeight = 200

    static func imageKey(_ n: Int) -> String { "listing-images/seed/\(n).png" }
    static func fileKey(_ n: Int) -> String { "listing-files/seed/\(n).pdf" }

    /// Picture `n` of the pool: a two-colour gradient, with stripes or a band on some, in
    /// one of a set of palettes, so that listing pages do not all look alike.
    static func image(_ n: Int) -> [UInt8] {
        let palettes: [((Int, Int, Int), (Int, Int, Int))] = [
            ((239, 99, 81), (255, 196, 107)), ((52, 120, 246), (130, 220, 255)),
            ((46, 160, 103), (200, 240, 150)), ((124, 77, 255), (255, 128, 200)),
            ((30, 41, 59), (100, 116, 139)), ((245, 158, 11), (253, 230, 138)),
            ((14, 116, 144), (165, 243, 252)), ((190, 24, 93), (251, 207, 232)),
        ]
        let (from, to) = palettes[n % palettes.count]
        let style = n / palettes.count  // 0: diagonal gradient, 1: with stripes
        let width = imageWidth, height = imageHeight
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                // t runs 0...1000 along the diagonal.
                let t = (x * 1000 / (width - 1) + y * 1000 / (height - 1)) / 2
                func mix(_ a: Int, _ b: Int) -> Int { a + (b - a) * t / 1000 }
                var rgb = (mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2))
                if style == 1 && ((x + y) / 20) % 2 == 0 {
                    rgb = (rgb.0 * 85 / 100, rgb.1 * 85 / 100, rgb.2 * 85 / 100)
                }
                // A light band across the middle, where a real photo's subject would be.
                if abs(y - height / 2) < 18 && x > width / 5 && x < width * 4 / 5 {
                    rgb = ((rgb.0 + 255) / 2, (rgb.1 + 255) / 2, (rgb.2 + 255) / 2)
                }
                let i = (y * width + x) * 3
                pixels[i] = UInt8(rgb.0)
                pixels[i + 1] = UInt8(rgb.1)
                pixels[i + 2] = UInt8(rgb.2)
            }
        }
        return PNGEncoder.encode(width: width, height: height, pixels: pixels)
    }

    /// File `n` of the pool: a one-page PDF 1.4 with a line of text, its cross-reference
    /// table at the exact byte offsets readers check.
    static func pdf(_ n: Int) -> [UInt8] {
        let titles = ["Sample Chapter", "Template Pack Guide", "Practice Workbook", "Quick Start Guide"]
        let text = "\(titles[n % titles.count]) - demo file \(n)"
        let stream = "BT /F1 24 Tf 72 720 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            out += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }

    /// Uploads the pool; returns how many images and files were stored.
    static func upload(with client: S3Client) async throws -> (images: Int, files: Int) {
        for n in 0..<imageCount {
            try await client.putObject(key: imageKey(n), body: image(n), contentType: "image/png")
        }
        for n in 0..<fileCount {
            try await client.putObject(key: fileKey(n), body: pdf(n), contentType: "application/pdf")
        }
        return (imageCount, fileCount)
    }
}
