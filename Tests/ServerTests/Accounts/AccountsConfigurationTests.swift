import HTTPTypes
import NIOCore
import Resolvers
import XCTest

@testable import Server

/// The server's side of accounts: its settings and how it tells the client's address.
final class AccountsConfigurationTests: XCTestCase {
    let database = ["DATABASE_URL": "postgres://u@h/db"]

    func testAccountSettingsFromTheEnvironment() throws {
        let defaults = try AppConfiguration(variables: database)
        XCTAssertTrue(defaults.accounts.usesDevelopmentSecret)
        XCTAssertEqual(defaults.accounts.publicURL, "http://localhost:8080")
        XCTAssertEqual(defaults.accounts.bcryptCost, 10)
        XCTAssertFalse(defaults.graphQL.trustProxy)

        let set = try AppConfiguration(variables: database.merging([
            "JWT_SECRET": String(repeating: "k", count: 32), "PUBLIC_URL": "https://shop.example/",
            "BCRYPT_COST": "12", "TRUST_PROXY": "on",
        ]) { $1 })
        XCTAssertFalse(set.accounts.usesDevelopmentSecret)
        XCTAssertEqual(set.accounts.publicURL, "https://shop.example")
        XCTAssertEqual(set.accounts.bcryptCost, 12)
        XCTAssertTrue(set.graphQL.trustProxy)
    }

    func testBadAccountSettingsSayWhatToDo() {
        let cases = [
            ("JWT_SECRET", "short", "JWT_SECRET is invalid: use at least 32 bytes"),
            ("PUBLIC_URL", "shop.example", "PUBLIC_URL is invalid: shop.example is not an http(s) URL"),
            ("BCRYPT_COST", "40", "BCRYPT_COST is invalid: 40 is not a whole number from 4 to 16"),
            ("TRUST_PROXY", "maybe", "TRUST_PROXY is invalid: maybe is not on or off"),
        ]
        for (name, value, message) in cases {
            XCTAssertThrowsError(try AppConfiguration(variables: database.merging([name: value]) { $1 })) { error in
                XCTAssertTrue("\(error)".hasPrefix(message), "\(error)")
            }
        }
    }

    func testClientAddressTrustsXForwardedForOnlyWhenTold() throws {
        let peer = try SocketAddress(ipAddress: "10.0.0.2", port: 4000)
        var headers = HTTPFields()
        headers[ClientAddress.forwardedFor] = "6.6.6.6, 203.0.113.9"
        XCTAssertEqual(ClientAddress.resolve(peer: peer, headers: headers, trustProxy: false), "10.0.0.2")
        // Behind our proxy: the entry it appended (the right-most), not what the client wrote.
        XCTAssertEqual(ClientAddress.resolve(peer: peer, headers: headers, trustProxy: true), "203.0.113.9")
        XCTAssertEqual(ClientAddress.resolve(peer: peer, headers: HTTPFields(), trustProxy: true), "10.0.0.2")
        XCTAssertNil(ClientAddress.resolve(peer: nil, headers: HTTPFields(), trustProxy: false))
        let caller = CallerInfo(headers: [.userAgent: "ua/1", .authorization: "Bearer abc"], peer: peer)
        XCTAssertEqual(caller.clientAddress, "10.0.0.2")
        XCTAssertEqual(caller.userAgent, "ua/1")
        XCTAssertEqual(caller.bearerToken, "abc")
    }
}
