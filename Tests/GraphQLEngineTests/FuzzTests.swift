import XCTest
@testable import GraphQLEngine

/// Hostile input: the parser must return a document or throw a `GraphQLError`, never
/// crash or hang; whatever parses must print, re-parse and print identically.
final class FuzzTests: XCTestCase {
    func testMutatedAndRandomDocuments() {
        var rng = SeededRandom(seed: 0x5EED_2025)
        var parsed = 0, failed = 0
        var docs = DocumentCorpus.all
        for _ in 0..<20000 { docs.append(DocumentCorpus.mutated(&rng)) }
        for doc in docs {
            do {
                let document = try parse(doc)
                parsed += 1
                let printed = printAST(document)
                do {
                    let reprinted = printAST(try parse(printed))
                    XCTAssertEqual(printed, reprinted, "print is not idempotent for \(doc.debugDescription)")
                } catch {
                    XCTFail("printed text does not re-parse: \(error.message)\ninput: \(doc.debugDescription)\nprinted: \(printed)")
                }
            } catch {
                failed += 1
                XCTAssertTrue(error.message.hasPrefix("Syntax Error: "), error.message)
                XCTAssertEqual(error.locations.count, 1)
            }
        }
        XCTAssertGreaterThan(parsed, 100)
        XCTAssertGreaterThan(failed, 1000)
    }

    func testParseValueAndTypeNeverCrash() {
        var rng = SeededRandom(seed: 42)
        for _ in 0..<2000 {
            let text = DocumentCorpus.mutated(&rng)
            _ = try? parseValue(text)
            _ = try? parseType(text)
            _ = try? parseConstValue(text)
        }
    }
}
