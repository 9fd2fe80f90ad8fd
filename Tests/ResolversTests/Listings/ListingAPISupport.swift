import Foundation
import GraphQLEngine
import XCTest

@testable import Resolvers

/// Steps the listing API tests share: accounts with roles, provider profiles, real uploads
/// to moto, and listings made through the API.
extension GraphQLHarness {
    static let listingFields = """
        id slug kind status title description category tags price { cents currency } priceType
        quantity quantityAvailable city state country eventStartsAt venue publishedAt isSaved savedCount
        averageRating reviewCount images { key url } coverImageUrl downloadUrl createdAt updatedAt
        provider { id businessName }
        """

    static let createListingDocument = """
        mutation($input: CreateListingInput!) {
          createListing(input: $input) { listing { \(listingFields) } errors { field code message } }
        }
        """

    static let updateListingDocument = """
        mutation($id: ID!, $input: UpdateListingInput!) {
          updateListing(id: $id, input: $input) { listing { \(listingFields) } errors { field code message } }
        }
        """

    /// A signed-in account: its access token and global ID.
    struct Account {
        var token: String
        var id: String
        var email: String
    }

    /// Registers `email`; `provider` also makes them a provider named `businessName`.
    func account(_ email: String, provider businessName: String? = nil, admin: Bool = false) async throws -> Account {
        let registered = try await register(email)
        if admin {
            try await sql("UPDATE marketplace.users SET role = 'admin' WHERE email = \(email)::citext")
        }
        if let businessName {
            let response = try await run("""
                mutation($input: ProviderInput!) { becomeProvider(input: $input) { provider { id } errors { code } } }
                """, ["input": [
                    // Offline: these providers publish paid listings without Stripe onboarding
                    // (checkout tests use `onboardedSeller`).
                    "businessName": .string(businessName), "city": "Austin", "state": "TX", "paymentMode": "OFFLINE",
                ]],
                token: registered.access)
            XCTAssertEqual(response.errorCodes("data.becomeProvider.errors"), [])
        }
        return Account(token: registered.access, id: registered.id, email: email)
    }

    /// The account's database id (the owner segment of its upload keys).
    func userID(_ account: Account) throws -> UUID {
        try XCTUnwrap(GlobalID(decoding: account.id)?.id)
    }

    /// Signs a form with `createUploadUrl` and uploads `file` through it to moto; the key.
    func upload(_ file: Data, purpose: String, contentType: String, token: String) async throws -> String {
        let response = try await run("""
            mutation($input: UploadInput!) {
              createUploadUrl(input: $input) { upload { url fields { name value } key } errors { code message } }
            }
            """, ["input": ["purpose": .string(purpose), "contentType": .string(contentType), "sizeBytes": .int(file.count)]],
            token: token)
        XCTAssertEqual(response.errorCodes("data.createUploadUrl.errors"), [])
        let key = try XCTUnwrap(response.string("data.createUploadUrl.upload.key"))
        let url = try XCTUnwrap(response.string("data.createUploadUrl.upload.url").flatMap(URL.init(string:)))
        let fields = try XCTUnwrap(response["data.createUploadUrl.upload.fields"] as? [[String: String]])
            .map { PresignedPost.Field($0["name"] ?? "", $0["value"] ?? "") }
        let post = PresignedPost(url: url, fields: fields, expiresAt: Date().addingTimeInterval(60))
        let result = try await MultipartForm().upload(post, contentType: contentType, file: file)
        XCTAssertTrue((200..<300).contains(result.status), "upload answered \(result.status): \(result.body)")
        return key
    }

    /// A valid `CreateListingInput` of `kind`, with `changes` applied.
    static func listingInput(_ kind: String, title: String = "Guitar lessons for beginners",
                             _ changes: [String: InputValue] = [:]) -> InputValue {
        var input: [String: InputValue] = [
            "kind": .string(kind), "title": .string(title), "description": "An hour with a patient teacher.",
            "category": "Music", "tags": ["Guitar", "beginner"], "priceCents": 4500, "city": "Austin", "state": "TX",
        ]
        if kind == "TICKET" {
            input["quantity"] = 100
            input["eventStartsAt"] = .string(Scalars.formatDateTime(Date().addingTimeInterval(30 * 86_400)))
            input["venue"] = "The Mohawk"
        }
        for (key, value) in changes { input[key] = value }
        return .object(InputFields(input.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
    }

    /// Creates a listing through the API (a DIGITAL one needs `fileKey` in `changes`); the response.
    func createListing(
        _ kind: String, title: String = "Guitar lessons for beginners", _ changes: [String: InputValue] = [:],
        token: String?
    ) async throws -> Response {
        try await run(Self.createListingDocument, ["input": Self.listingInput(kind, title: title, changes)], token: token)
    }

    /// Creates and publishes a listing; its global ID.
    func publishedListing(
        _ kind: String = "SERVICE", title: String = "Guitar lessons for beginners",
        _ changes: [String: InputValue] = [:], token: String?, file: StaticString = #filePath, line: UInt = #line
    ) async throws -> String {
        let created = try await createListing(kind, title: title, changes, token: token)
        XCTAssertEqual(created.errorCodes("data.createListing.errors"), [], file: file, line: line)
        let id = try XCTUnwrap(created.string("data.createListing.listing.id"), file: file, line: line)
        let published = try await statusChange("publishListing", id, token: token)
        XCTAssertEqual(published.errorCodes("data.publishListing.errors"), [], file: file, line: line)
        return id
    }

    func statusChange(_ mutation: String, _ id: String, token: String?) async throws -> Response {
        try await run("""
            mutation($id: ID!) { \(mutation)(id: $id) { listing { id status publishedAt } errors { field code message } } }
            """, ["id": .string(id)], token: token)
    }

    func deleteListing(_ id: String, token: String?) async throws -> Response {
        try await run("""
            mutation($id: ID!) { deleteListing(id: $id) { deletedListingId errors { code message } } }
            """, ["id": .string(id)], token: token)
    }

    /// The provider's stored counts next to a fresh count of its listings.
    func providerCounts(_ providerName: String) async throws -> (stored: [Int], actual: [Int]) {
        let rows = try await sql("""
            SELECT p.listing_count, p.active_listing_count,
                   (SELECT count(*)::int FROM marketplace.listings l WHERE l.provider_id = p.id AND l.deleted_at IS NULL),
                   (SELECT count(*)::int FROM marketplace.listings l
                     WHERE l.provider_id = p.id AND l.deleted_at IS NULL AND l.status = 'active')
            FROM marketplace.providers p WHERE p.business_name = \(providerName)
            """)
        let (a, b, c, d) = try XCTUnwrap(rows.first).decode((Int, Int, Int, Int).self)
        return ([a, b], [c, d])
    }
}

/// A small valid PDF (one empty page), for DIGITAL listings.
let minimalPDF = Data("""
    %PDF-1.4
    1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
    2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
    3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
    trailer << /Root 1 0 R >>
    %%EOF
    """.utf8)

// MARK: Read API helpers (ListingQueryTests, ListingBrowseTests)

extension GraphQLHarness {
    /// The global ID of the account's provider profile (read through `me`).
    func providerID(_ account: Account, file: StaticString = #filePath, line: UInt = #line) async throws -> String {
        let response = try await run("{ me { provider { id } } }", token: account.token)
        return try XCTUnwrap(response.string("data.me.provider.id"), file: file, line: line)
    }

    /// The database id inside a listing's (or any) global ID, for SQL of the test's own.
    static func uuid(_ globalID: String, file: StaticString = #filePath, line: UInt = #line) throws -> UUID {
        try XCTUnwrap(GlobalID(decoding: globalID)?.id, file: file, line: line)
    }
}

extension GraphQLHarness.Response {
    /// The `id`s of the objects in the list at `path` (`"data.listings.nodes"`).
    func ids(_ path: String) -> [String] {
        (self[path] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
    }
}
