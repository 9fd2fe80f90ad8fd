// Differential tests of input and result coercion against graphql-js: scalar serialize,
// coerceInputValue (messages and paths) and valueFromAST.

import Foundation
import GraphQLEngine
import XCTest

final class ValuesDifferentialTests: XCTestCase {
    static let sdl = """
        enum Color { RED GREEN BLUE }
        input Point { x: Int! y: Int = 7 label: String }
        input Shape { points: [Point!]! color: Color = RED name: String! }
        scalar JSON
        type Query { a(f: Float, i: ID, s: Shape, j: JSON): Int }
        """

    static var coercions: [(type: String, value: Any)] { [
        ("Int", 1), ("Int", 1.5), ("Int", "1"), ("Int", 3_000_000_000), ("Int", true), ("Int!", NSNull()),
        ("Float", 1), ("Float", "x"), ("String", 5), ("String", "s"), ("Boolean", 0), ("Boolean", false),
        ("ID", 12), ("ID", "12"), ("ID", 1.5), ("ID", true), ("[Int]", [1, 2, "x", NSNull()]), ("[Int]", 3),
        ("[Int!]!", [1, NSNull()]), ("[[Int!]]", [[1], [NSNull(), "y"]]), ("Color", "RED"), ("Color", "PURPLE"),
        ("Color", "red"), ("Color", 1), ("Point", ["x": 1]), ("Point", ["y": 2]), ("Point", ["x": 1, "z": 3, "lable": "a"]),
        ("Point", 5), ("Point!", NSNull()), ("Shape", ["points": [["x": "a"], ["y": 1]], "color": "GREN"]),
        ("Shape", ["points": ["x": 1], "name": "s"]), ("[Shape]", [["name": 1, "points": []]]), ("JSON", ["a": [1, "b"]]),
        ("Point", [1, 2]),
    ] }

    static let literals: [(type: String, literal: String)] = [
        ("Int", "1"), ("Int", "1.0"), ("Int", "\"1\""), ("Int", "2147483648"), ("Float", "1"), ("Float", "1.5e3"),
        ("String", "\"s\""), ("String", "s"), ("Boolean", "true"), ("ID", "123"), ("ID", "\"x\""), ("ID", "1.5"),
        ("Color", "RED"), ("Color", "\"RED\""), ("Color", "PURPLE"), ("[Int]", "[1, 2]"), ("[Int]", "1"),
        ("[Int]", "[1, \"2\"]"), ("[Int!]", "[1, null]"), ("[Int]", "[1, null]"), ("Int!", "null"), ("Int", "null"),
        ("Point", "{x: 1}"), ("Point", "{y: 1}"), ("Point", "{x: 1, y: null, label: \"l\"}"), ("Point", "{x: 1, z: 2}"),
        ("Shape", "{points: {x: 1}, name: \"n\"}"), ("JSON", "{a: [1, 2.5, \"x\", true, null, ENUM]}"), ("Point", "$v"),
        ("[Int]", "[1, $v]"), ("Point", "{x: $v}"), ("Point", "{x: 1, y: $v}"),
    ]

    static var serializations: [(type: String, value: Any)] { [
        ("Int", 1), ("Int", 1.0), ("Int", 1.5), ("Int", "12"), ("Int", " 12 "), ("Int", "0x1F"), ("Int", ""), ("Int", "abc"),
        ("Int", true), ("Int", 1e10), ("Int", -2147483648), ("Float", "1.5"), ("Float", false), ("Float", "Infinity"),
        ("Float", "1e3"), ("String", 1.5), ("String", 1e21), ("String", 100), ("String", true), ("String", [1]),
        ("Boolean", 1), ("Boolean", 0), ("Boolean", "true"), ("ID", 5), ("ID", 5.0), ("ID", 5.5), ("ID", "x"),
        ("ID", false), ("Color", "RED"), ("Color", "NOPE"), ("Color", 1),
    ] }

    func testCoercionMatchesGraphQLJS() throws {
        guard NodeOracle.available() else { return }
        let script = """
            const { inspect } = require('\(NodeOracle.graphqlPath)/jsutils/inspect.js');
            const schema = g.buildSchema(input.sdl);
            const type = (t) => g.typeFromAST(schema, g.parseType(t));
            const coercions = input.coercions.map(([t, v]) => {
              const errors = [];
              let result;
              try {
                result = g.coerceInputValue(v, type(t), (path, invalid, error) => errors.push({ path, invalid: inspect(invalid), message: error.message }));
              } catch (e) { return { thrown: e.message }; }
              return errors.length ? { errors } : { result: result === undefined ? '<undefined>' : result };
            });
            const literals = input.literals.map(([t, l]) => {
              const r = g.valueFromAST(g.parseValue(l), type(t), { v: 9 });
              return r === undefined ? '<undefined>' : r;
            });
            const serializations = input.serializations.map(([t, v]) => {
              try { const r = type(t).serialize(v); return { result: r }; } catch (e) { return { error: e.message }; }
            });
            process.stdout.write(JSON.stringify({ coercions, literals, serializations }));
            """
        let input: [String: Any] = [
            "sdl": Self.sdl,
            "coercions": Self.coercions.map { [$0.type, $0.value] },
            "literals": Self.literals.map { [$0.type, $0.literal] },
            "serializations": Self.serializations.map { [$0.type, $0.value] },
        ]
        guard let theirs = try NodeOracle.run(script: script, input: input) as? [String: [Any]] else {
            return XCTFail("graphql-js gave no answer")
        }
        let schema = try buildSchema(Self.sdl)
        func type(_ t: String) throws -> GraphQLType {
            guard let type = typeFromAST(schema, try parseType(t)) else { throw SchemaError(message: "no type \(t)") }
            return type
        }
        var failures: [String] = []
        func check(_ label: String, _ expected: Any?, _ actual: Any) {
            let e = expected.map { jsonValue($0).serialized } ?? "-"
            let a = jsonValue(actual).serialized
            if e != a { failures.append("\(label)\n  graphql-js: \(e)\n  ours:       \(a)") }
        }
        for (i, c) in Self.coercions.enumerated() {
            var errors: [[String: Any]] = []
            let value = InputValue(json: jsonValue(c.value))
            let t = try type(c.type)
            let result = coerceInputValue(value, t) { (path: [PathComponent], invalid: InputValue?, error: GraphQLError) in
                let steps: [Any] = path.map(pathStep)
                errors.append(["path": steps, "invalid": inspect(invalid), "message": error.message])
            }
            let actual: [String: Any]
            if errors.isEmpty {
                let r: Any = result.map { jsonObject($0.json) } ?? "<undefined>"
                actual = ["result": r]
            } else {
                actual = ["errors": errors]
            }
            check("coerce \(c.type) \(c.value)", theirs["coercions"]?[i], actual)
        }
        for (i, c) in Self.literals.enumerated() {
            let result = valueFromAST(try parseValue(c.literal), try type(c.type), variables: ["v": .int(9)])
            let r: Any = result.map { jsonObject($0.json) } ?? "<undefined>"
            check("literal \(c.type) \(c.literal)", theirs["literals"]?[i], r)
        }
        for (i, c) in Self.serializations.enumerated() {
            let actual: Any
            do {
                let t = try type(c.type)
                let serialized: InputValue
                switch t.namedType {
                case .scalar(let s): serialized = try s.serialize(InputValue(json: jsonValue(c.value)))
                case .enum(let e): serialized = try e.serialize(InputValue(json: jsonValue(c.value)))
                default: throw SchemaError(message: "not a leaf")
                }
                actual = ["result": jsonObject(serialized.json)]
            } catch {
                actual = ["error": (error as? GraphQLError)?.message ?? "\(error)"]
            }
            check("serialize \(c.type) \(c.value)", theirs["serializations"]?[i], actual)
        }
        let total = Self.coercions.count + Self.literals.count + Self.serializations.count
        print("differential values: \(total - failures.count)/\(total) identical")
        if !failures.isEmpty { XCTFail(failures.prefix(15).joined(separator: "\n")) }
    }
}

/// Foundation JSON (as JSONSerialization produces) to `JSONValue`.
func jsonValue(_ any: Any) -> JSONValue {
    switch any {
    case is NSNull: return .null
    case let b as Bool where !(any is NSNumber) || type(of: any) == Bool.self: return .bool(b)
    case let i as Int where type(of: any) == Int.self: return .int(i)
    case let d as Double where type(of: any) == Double.self:
        return d == d.rounded() && abs(d) < 1e15 ? .int(Int(d)) : .double(d)
    case let n as NSNumber:
        if String(cString: n.objCType) == "c" || type(of: n) == type(of: NSNumber(value: true)) { return .bool(n.boolValue) }
        let d = n.doubleValue
        if d == d.rounded(), abs(d) < 1e15, !"\(n)".contains(".") { return .int(n.intValue) }
        return .double(d)
    case let s as String: return .string(s)
    case let a as [Any]: return .array(a.map(jsonValue))
    case let o as [String: Any]: return .object(o.mapValues(jsonValue))
    default: return .null
    }
}

/// `JSONValue` to Foundation JSON, for canonical comparison.
func jsonObject(_ value: JSONValue) -> Any {
    switch value {
    case .null: NSNull()
    case .bool(let b): b
    case .int(let i): i
    case .double(let d): d
    case .string(let s): s
    case .array(let a): a.map(jsonObject)
    case .object(let o): o.mapValues(jsonObject)
    }
}

private func pathStep(_ p: PathComponent) -> Any {
    switch p {
    case .key(let k): k
    case .index(let i): i
    }
}
