import Foundation
import XCTest
@testable import GraphQLEngine

/// The executor beyond the conformance corpus: Swift values, async resolvers, serial
/// mutations, abstract types from Swift types, plan caching, paths.
final class ExecutorTests: XCTestCase {
    struct Book { let title: String; let pages: Int; let tags: [String]; let rating: Double? }
    struct Author { let name: String; let books: [Book] }

    let sdl = """
        type Query {
          author: Author
          authors: [Author!]!
          matrix: [[Int]]
          search: [SearchResult]
          slow(n: Int!): Int
          failing: Int!
          path: [String]
        }
        type Mutation { step(label: String!): [String!]! }
        type Author { name: String! books: [Book!]! }
        type Book { title: String pages: Int! tags: [String!]! rating: Float path: [String] }
        union SearchResult = Author | Book
        """

    func executable(log: Log = Log()) throws -> ExecutableSchema {
        let schema = try buildSchema(sdl)
        let tolkien = Author(name: "Tolkien", books: [
            Book(title: "The Hobbit", pages: 310, tags: ["fantasy"], rating: 4.5),
            Book(title: "Silmarillion", pages: 365, tags: [], rating: nil),
        ])
        let pathResolver: FieldResolver = .sync { _, _, _, info in info.path.map(\.description) }
        return ExecutableSchema(
            schema: schema,
            resolvers: [
                "Query": [
                    "author": .sync { _, _, _, _ in tolkien },
                    "authors": .async { _, _, _, _ in
                        try await Task.sleep(nanoseconds: 1_000_000)
                        return [tolkien, Author(name: "Le Guin", books: [])]
                    },
                    "matrix": .sync { _, _, _, _ in [[1, 2], [], [3]] as [[Int]] },
                    "search": .sync { _, _, _, _ in [tolkien, tolkien.books[0]] as [Any] },
                    "slow": .async { _, args, _, _ in
                        guard case .int(let n)? = args["n"] else { return nil }
                        try await Task.sleep(nanoseconds: UInt64(n) * 1_000_000)
                        return n
                    },
                    "failing": .sync { _, _, _, _ in throw TestError(text: "boom") },
                    "path": pathResolver,
                ],
                "Mutation": [
                    "step": .async { _, args, _, _ in
                        let label = args["label"]?.stringValue ?? ""
                        // Earlier steps sleep longer: only serial execution keeps the order.
                        try await Task.sleep(nanoseconds: label == "first" ? 20_000_000 : 1_000_000)
                        return log.append(label)
                    }
                ],
                "Author": [
                    "name": .sync { p, _, _, _ in (p as! Author).name },
                    "books": .sync { p, _, _, _ in (p as! Author).books },
                ],
                "Book": [
                    "title": .sync { p, _, _, _ in (p as! Book).title },
                    "pages": .sync { p, _, _, _ in (p as! Book).pages },
                    "tags": .sync { p, _, _, _ in (p as! Book).tags },
                    "rating": .sync { p, _, _, _ in (p as! Book).rating },
                    "path": .async { _, _, _, info in info.path.map(\.description) },
                ],
            ],
            typeResolvers: [
                "SearchResult": { value, _, _, _ in
                    switch value {
                    case is Author: "Author"
                    case is Book: "Book"
                    default: nil
                    }
                }
            ])
    }

    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func append(_ e: String) -> [String] {
            lock.lock()
            defer { lock.unlock() }
            entries.append(e)
            return entries
        }
    }

    struct TestError: Error, CustomStringConvertible {
        let text: String
        var description: String { text }
    }

    func run(_ query: String, variables: [String: InputValue] = [:], log: Log = Log()) async throws -> String {
        let result = await execute(
            schema: try executable(log: log), document: try parse(query), variableValues: variables)
        return String(decoding: result.json(), as: UTF8.self)
    }

    func testSwiftValuesListsOfListsAndOptionals() async throws {
        let json = try await run("{ author { name books { title pages tags rating } } matrix }")
        XCTAssertEqual(
            json,
            #"{"data":{"author":{"name":"Tolkien","books":[{"title":"The Hobbit","pages":310,"tags":["fantasy"],"rating":4.5},{"title":"Silmarillion","pages":365,"tags":[],"rating":null}]},"matrix":[[1,2],[],[3]]}}"#)
    }

    func testAsyncResolversAndAbstractTypesFromSwiftTypes() async throws {
        let json = try await run("""
            { authors { name } search { __typename ... on Author { name } ... on Book { title } } }
            """)
        XCTAssertEqual(
            json,
            #"{"data":{"authors":[{"name":"Tolkien"},{"name":"Le Guin"}],"search":[{"__typename":"Author","name":"Tolkien"},{"__typename":"Book","title":"The Hobbit"}]}}"#)
    }

    func testNonNullErrorPropagatesToTheRoot() async throws {
        let json = try await run("{ author { name } failing }")
        XCTAssertEqual(
            json, #"{"errors":[{"message":"boom","locations":[{"line":1,"column":19}],"path":["failing"]}],"data":null}"#)
    }

    func testMutationRootFieldsRunSerially() async throws {
        let log = Log()
        let json = try await run(
            #"mutation { a: step(label: "first") b: step(label: "second") c: step(label: "third") }"#, log: log)
        XCTAssertEqual(
            json,
            #"{"data":{"a":["first"],"b":["first","second"],"c":["first","second","third"]}}"#)
    }

    func testQueryRootFieldsRunConcurrently() async throws {
        let start = ContinuousClock.now
        let json = try await run("{ a: slow(n: 150) b: slow(n: 150) c: slow(n: 150) }")
        XCTAssertEqual(json, #"{"data":{"a":150,"b":150,"c":150}}"#)
        // Serially this would take 450 ms at least.
        XCTAssertLessThan(ContinuousClock.now - start, .milliseconds(400))
    }

    func testResolveInfoPathForSyncAndAsyncResolvers() async throws {
        let json = try await run("{ path author { books { p: path } } }")
        XCTAssertEqual(
            json,
            #"{"data":{"path":["path"],"author":{"books":[{"p":["author","books","0","p"]},{"p":["author","books","1","p"]}]}}}"#)
    }

    func testSkipWithVariablesDoesNotLeakBetweenExecutionsOfAPreparedDocument() async throws {
        let prepared = PreparedDocument(
            executable: try executable(),
            document: try parse("query($s: Boolean!) { author { name books @skip(if: $s) { pages } } }"))
        let skipped = await execute(prepared: prepared, variableValues: ["s": true])
        let included = await execute(prepared: prepared, variableValues: ["s": false])
        XCTAssertEqual(String(decoding: skipped.json(), as: UTF8.self), #"{"data":{"author":{"name":"Tolkien"}}}"#)
        XCTAssertEqual(
            String(decoding: included.json(), as: UTF8.self),
            #"{"data":{"author":{"name":"Tolkien","books":[{"pages":310},{"pages":365}]}}}"#)
    }

    func testOperationSelectionAndVariableErrorsHaveNoData() async throws {
        let json = try await run("query A { matrix } query B { matrix }")
        XCTAssertEqual(json, #"{"errors":[{"message":"Must provide operation name if query contains multiple operations."}]}"#)
        let bad = try await run("query($n: Int!) { slow(n: $n) }", variables: ["n": "x"])
        XCTAssertEqual(
            bad,
            #"{"errors":[{"message":"Variable \"$n\" got invalid value \"x\"; Int cannot represent non-integer value: \"x\"","locations":[{"line":1,"column":7}]}]}"#)
    }

    func testSchemaWithoutMutationType() async throws {
        let result = await execute(
            schema: ExecutableSchema(schema: try buildSchema("type Query { a: Int }")),
            document: try parse("mutation { a }"))
        XCTAssertEqual(
            String(decoding: result.json(), as: UTF8.self),
            #"{"errors":[{"message":"Schema is not configured to execute mutation operation.","locations":[{"line":1,"column":1}]}],"data":null}"#)
    }
}
