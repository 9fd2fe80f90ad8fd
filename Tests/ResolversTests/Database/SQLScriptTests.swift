import XCTest
@testable import Resolvers

final class SQLScriptTests: XCTestCase {
    func testSplitsAtTopLevelSemicolons() {
        XCTAssertEqual(SQLScript.statements(in: "SELECT 1; SELECT 2;\n\nSELECT 3"), ["SELECT 1", "SELECT 2", "SELECT 3"])
    }

    func testKeepsSemicolonsInQuotesAndComments() {
        let script = """
            -- a comment; with a semicolon
            INSERT INTO t VALUES ('a;b', 'it''s; fine', E'esc\\';still');
            /* block; /* nested; */ still comment; */
            SELECT "odd;name" FROM t;
            """
        XCTAssertEqual(SQLScript.statements(in: script), [
            "-- a comment; with a semicolon\nINSERT INTO t VALUES ('a;b', 'it''s; fine', E'esc\\';still')",
            "/* block; /* nested; */ still comment; */\nSELECT \"odd;name\" FROM t",
        ])
    }

    func testKeepsDollarQuotedBodiesWhole() {
        let script = """
            CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;
            CREATE FUNCTION g() RETURNS int AS $body$ SELECT 2; $not$ ; $body$ LANGUAGE sql;
            SELECT $1;
            """
        let statements = SQLScript.statements(in: script)
        XCTAssertEqual(statements.count, 3)
        XCTAssertTrue(statements[0].hasSuffix("$$ LANGUAGE plpgsql"))
        XCTAssertTrue(statements[1].hasSuffix("$body$ LANGUAGE sql"))
        XCTAssertEqual(statements[2], "SELECT $1")
    }

    func testDropsEmptyAndCommentOnlyPieces() {
        XCTAssertEqual(SQLScript.statements(in: " ;;\n-- only a comment\n;  /* x */ ; "), [])
    }
}
