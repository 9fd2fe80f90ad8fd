import Foundation
import GraphQLEngine
import XCTest

@testable import Resolvers

/// Admins: made by `AdminAccounts` (the command line) only; `suspendUser` through the API.
final class AdminTests: XCTestCase {
    static let suspend = """
        mutation($id: ID!, $reason: String!) { suspendUser(id: $id, reason: $reason) { user { id } errors { field code message } } }
        """

    func testAnAdminSuspendsAUserAndTheirShop() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            _ = try await h.publishedListing(title: "Guitar lesson", token: seller.token)
            let admin = try await h.account("admin@example.com", admin: true)
            let buyer = try await h.account("buyer@example.com")

            let anonymous = try await h.run(Self.suspend, ["id": .string(seller.id), "reason": "spam"])
            XCTAssertEqual(anonymous.topLevelCodes, ["UNAUTHENTICATED"])
            let byBuyer = try await h.run(Self.suspend, ["id": .string(seller.id), "reason": "spam"], token: buyer.token)
            XCTAssertEqual(byBuyer.topLevelCodes, ["FORBIDDEN"])
            let noReason = try await h.run(Self.suspend, ["id": .string(seller.id), "reason": "  "], token: admin.token)
            XCTAssertEqual(noReason.errorCodes("data.suspendUser.errors"), ["INVALID_INPUT"])
            let anAdmin = try await h.run(Self.suspend, ["id": .string(admin.id), "reason": "test"], token: admin.token)
            XCTAssertEqual(anAdmin.errorCodes("data.suspendUser.errors"), ["INVALID_INPUT"])
            let before = try await h.run("{ listings { totalCount } }")
            XCTAssertEqual(before["data.listings.totalCount"] as? Int, 1)

            for _ in 0..<2 {
                let suspended = try await h.run(Self.suspend, ["id": .string(seller.id), "reason": "Fake listings"], token: admin.token)
                XCTAssertEqual(suspended.errorCodes("data.suspendUser.errors"), [])
                XCTAssertEqual(suspended.string("data.suspendUser.user.id"), seller.id)
            }
            // Their token stops working at once; they cannot sign in; their shop is gone from browse.
            let me = try await h.run("{ me { id } }", token: seller.token)
            XCTAssertEqual(me.topLevelCodes, ["UNAUTHENTICATED"])
            let login = try await h.login("seller@example.com", "correct horse 1")
            XCTAssertEqual(login.errorCodes("data.login.errors"), ["ACCOUNT_SUSPENDED"])
            let after = try await h.run("{ listings { totalCount } }")
            XCTAssertEqual(after["data.listings.totalCount"] as? Int, 0)
            let audit = try await h.sql("""
                SELECT action, after->>'reason', actor_id FROM marketplace.audit_log WHERE entity_type = 'user'
                """)
            XCTAssertEqual(audit.count, 1, "suspending twice is one change")
            let (action, reason, actor) = try audit[0].decode((String, String?, UUID?).self)
            XCTAssertEqual(action, "USER_SUSPENDED")
            XCTAssertEqual(reason, "Fake listings")
            XCTAssertEqual(actor, try h.userID(admin))
        }
    }

    func testAdminsAreMadeOutsideTheAPI() async throws {
        try await GraphQLHarness.with { h in
            let made = try await AdminAccounts.create(
                database: h.database, email: "root@example.com", password: "admin password 1", firstName: "Root",
                lastName: "Admin", bcryptCost: 4, logger: TestDatabase.logger)
            guard case .created = made else { return XCTFail("\(made)") }
            let login = try await h.run("""
                mutation { login(email: "root@example.com", password: "admin password 1") { user { role emailVerified } errors { code } } }
                """)
            XCTAssertEqual(login.string("data.login.user.role"), "ADMIN")
            XCTAssertEqual(login["data.login.user.emailVerified"] as? Bool, true)

            let someone = try await h.account("someone@example.com")
            let promoted = try await AdminAccounts.create(
                database: h.database, email: "SOMEONE@example.com", password: "", firstName: "x", lastName: "y",
                bcryptCost: 4, logger: TestDatabase.logger)
            XCTAssertEqual(promoted, .promoted(try h.userID(someone)))
            for (email, password) in [("not-an-email", "admin password 1"), ("new@example.com", "short")] {
                do {
                    _ = try await AdminAccounts.create(
                        database: h.database, email: email, password: password, firstName: "A", lastName: "B",
                        bcryptCost: 4, logger: TestDatabase.logger)
                    XCTFail("accepted \(email)")
                } catch is AdminAccounts.Failure {}
            }
            let audit = try await h.sql("SELECT action FROM marketplace.audit_log ORDER BY id")
            XCTAssertEqual(try audit.map { try $0.decode(String.self) }, ["ADMIN_CREATED", "ADMIN_GRANTED"])
        }
    }
}
