import XCTest
@testable import Server

final class CommandLineTests: XCTestCase {
    func testHelpListsTheSubcommands() {
        let help = Marketplace.helpMessage()
        XCTAssertTrue(help.contains("serve"), help)
        XCTAssertTrue(help.contains("migrate"), help)
        XCTAssertTrue(help.contains("seed"), help)
    }

    func testEverySubcommandHasHelp() {
        XCTAssertTrue(Marketplace.helpMessage(for: ServeCommand.self).contains("--port"))
        XCTAssertTrue(Marketplace.helpMessage(for: MigrateCommand.self).contains("--dry-run"))
        XCTAssertTrue(Marketplace.helpMessage(for: SeedCommand.self).contains("--bcrypt-cost"))
    }

    func testParsesServeOptions() throws {
        let command = try Marketplace.parseAsRoot(["serve", "--port", "9001", "--host", "0.0.0.0"])
        let serve = try XCTUnwrap(command as? ServeCommand)
        XCTAssertEqual(serve.port, 9001)
        XCTAssertEqual(serve.host, "0.0.0.0")
    }

    func testParsesSeedOptions() throws {
        let seed = try XCTUnwrap(try Marketplace.parseAsRoot(["seed", "--bcrypt-cost", "4"]) as? SeedCommand)
        XCTAssertEqual(seed.bcryptCost, 4)
        XCTAssertThrowsError(try Marketplace.parseAsRoot(["seed", "--bcrypt-cost", "3"]), "below bcrypt's minimum")
    }
}
