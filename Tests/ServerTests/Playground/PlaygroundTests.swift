import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import XCTest
@testable import Server

/// The playground's routes: `/playground`, its files, and a browser's `GET /graphql`.
final class PlaygroundTests: XCTestCase {
    /// `Playground/` at the repository root: what the plugin embeds.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Playground")

    func withApp(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try buildApplication(
            configuration: try TestSettings.configuration(), logger: TestSettings.logger,
            graphQL: try GraphQLHTTPTests.service())
        try await app.test(.router) { client in try await body(client) }
    }

    static func get(_ client: any TestClientProtocol, _ uri: String, headers: HTTPFields = [:], method: HTTPRequest.Method = .get)
        async throws -> (HTTPResponse.Status, HTTPFields, String)
    {
        try await client.execute(uri: uri, method: method, headers: headers) { response in
            (response.status, response.headers, String(buffer: response.body))
        }
    }

    func testThePageWithItsSecurityHeaders() async throws {
        try await withApp { client in
            let (status, headers, body) = try await Self.get(client, "/playground")
            XCTAssertEqual(status, .ok)
            XCTAssertEqual(headers[.contentType], "text/html; charset=utf-8")
            XCTAssertEqual(headers[.contentSecurityPolicy], PlaygroundResponses.contentSecurityPolicy)
            let csp = headers[.contentSecurityPolicy] ?? ""
            XCTAssertTrue(csp.contains("default-src 'none'"), csp)
            XCTAssertTrue(csp.contains("script-src 'self';"), csp)
            XCTAssertTrue(csp.contains("connect-src 'self';"), csp)
            XCTAssertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval") || csp.contains("http"), csp)
            XCTAssertEqual(headers[.xContentTypeOptions], "nosniff")
            XCTAssertEqual(headers[.cacheControl], "no-cache")
            XCTAssertNotNil(headers[.eTag])
            XCTAssertTrue(body.contains(#"<script type="module" src="app.js"></script>"#), body)
            let (slash, _, same) = try await Self.get(client, "/playground/")
            XCTAssertEqual(slash, .ok)
            XCTAssertEqual(same, body)
            // The page's own rules: no inline script or style for the CSP to refuse.
            XCTAssertFalse(body.contains("<script>") || body.contains("<style") || body.contains(" style="), body)
            XCTAssertFalse(body.contains("http://") || body.contains("https://"), "nothing from another host")
        }
    }

    func testFilesHaveTheirContentTypes() async throws {
        try await withApp { client in
            for (file, type) in [
                ("app.js", "text/javascript; charset=utf-8"), ("playground.css", "text/css; charset=utf-8"),
                ("favicon.svg", "image/svg+xml"), ("index.html", "text/html; charset=utf-8"),
            ] {
                let (status, headers, body) = try await Self.get(client, "/playground/\(file)")
                XCTAssertEqual(status, .ok, file)
                XCTAssertEqual(headers[.contentType], type, file)
                XCTAssertEqual(headers[.cacheControl], "no-cache", file)
                XCTAssertFalse(body.isEmpty, file)
            }
        }
    }

    /// Every file the page loads, and every module those import, is served (a missing
    /// file would leave a blank page).
    func testEveryReferencedFileIsServed() async throws {
        try await withApp { client in
            var pending = ["index.html"]
            var seen: Set<String> = []
            while let file = pending.popLast() {
                guard seen.insert(file).inserted else { continue }
                let (status, _, body) = try await Self.get(client, "/playground/\(file)")
                XCTAssertEqual(status, .ok, "\(file) is referenced but not served")
                pending += try Self.references(in: body, of: file).filter { !seen.contains($0) }
            }
            XCTAssertTrue(seen.isSuperset(of: ["app.js", "playground.css", "favicon.svg", "editor.js", "transport.js"]), "\(seen)")
            // And nothing is embedded that the page never loads.
            XCTAssertEqual(Set(PlaygroundFiles.files.keys), seen)
        }
    }

    /// `src="…"` and `href="…"` of an HTML file, `from './…'` of a module.
    static func references(in text: String, of file: String) throws -> [String] {
        let pattern = file.hasSuffix(".html") ? #"(?:src|href)="([^"]+)""# : #"(?:from|import)\s*['"]\./([^'"]+)['"]"#
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }.filter { !$0.hasPrefix("/") && !$0.contains(":") }
    }

    func testTheBinaryServesWhatIsInThePlaygroundDirectory() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { !$0.hasPrefix(".") }
        XCTAssertEqual(Set(PlaygroundFiles.files.keys), Set(names))
        for name in names {
            let disk = try Data(contentsOf: Self.directory.appendingPathComponent(name))
            XCTAssertEqual(PlaygroundFiles.files[name].map { Data($0.body.readableBytesView) }, disk, "\(name) is stale: rebuild")
        }
    }

    func testConditionalRequestsAndHead() async throws {
        try await withApp { client in
            let (_, headers, body) = try await Self.get(client, "/playground/app.js")
            let etag = try XCTUnwrap(headers[.eTag])
            XCTAssertTrue(etag.hasPrefix("\"") && etag.hasSuffix("\""), etag)
            let (notModified, again, empty) = try await Self.get(client, "/playground/app.js", headers: [.ifNoneMatch: etag])
            XCTAssertEqual(notModified, .notModified)
            XCTAssertEqual(again[.eTag], etag)
            XCTAssertEqual(empty, "")
            let (weak, _, _) = try await Self.get(client, "/playground/app.js", headers: [.ifNoneMatch: #""x", W/\#(etag)"#])
            XCTAssertEqual(weak, .notModified)
            let (changed, _, full) = try await Self.get(client, "/playground/app.js", headers: [.ifNoneMatch: #""other""#])
            XCTAssertEqual(changed, .ok)
            XCTAssertEqual(full, body)
            let (head, headHeaders, headBody) = try await Self.get(client, "/playground/app.js", method: .head)
            XCTAssertEqual(head, .ok)
            XCTAssertEqual(headHeaders[.contentLength], String(body.utf8.count))
            XCTAssertEqual(headBody, "")
        }
    }

    func testUnknownFilesAre404() async throws {
        try await withApp { client in
            for uri in ["/playground/nope.js", "/playground/..%2FPackage.swift", "/playground/%2E%2E"] {
                let (status, _, _) = try await Self.get(client, uri)
                XCTAssertEqual(status, .notFound, uri)
            }
        }
    }

    func testABrowsersGetOfTheEndpointIsThePage() async throws {
        try await withApp { client in
            let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
            let (status, headers, body) = try await Self.get(client, "/graphql", headers: [.accept: browser])
            XCTAssertEqual(status, .ok)
            XCTAssertEqual(headers[.contentType], "text/html; charset=utf-8")
            XCTAssertEqual(headers[.contentSecurityPolicy], PlaygroundResponses.contentSecurityPolicy)
            XCTAssertEqual(headers[.vary], "Accept")
            XCTAssertEqual(headers[.cacheControl], "no-store")
            // Relative URLs resolve under /playground/ even though the page is at /graphql.
            XCTAssertTrue(body.contains(#"<base href="/playground/">"#), body)
            // A GraphQL client still gets GraphQL.
            let (json, jsonHeaders, answer) = try await Self.get(
                client, "/graphql?query=%7Bhello%7D", headers: [.accept: "application/json"])
            XCTAssertEqual(json, .ok)
            XCTAssertEqual(jsonHeaders[.contentType], "application/json; charset=utf-8")
            XCTAssertEqual(answer, #"{"data":{"hello":"hello world"}}"#)
        }
    }
}
