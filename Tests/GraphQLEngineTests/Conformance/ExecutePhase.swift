import Foundation
@testable import GraphQLEngine

/// The `execute` phase: `execute(buildSchema(schema), parse(document), rootValue,
/// variables, operationName)` without validation, with the corpus's field resolver
/// (`parent[fieldName]`, `{"$error": msg}` throws) and type resolver (`__typename`).
/// `data` is compared with key order, `errors` in order by message, locations and path.
enum ExecutePhase {
    static func run(_ c: ConformanceCase) async -> CaseOutcome {
        guard let sdl = c.schema, case .object(let ordered)? = c.ordered, let expected = ordered["expected"] else {
            return .failed(expected: "a schema and the ordered case", got: "missing")
        }
        let got: String
        do {
            let schema = try buildSchema(sdl)
            let document = try parse(c.document)
            let executable = ExecutableSchema(
                schema: schema, fallbackResolver: corpusFieldResolver, fallbackTypeResolver: corpusTypeResolver)
            var variables: [String: InputValue] = [:]
            if case .object(let fields)? = ordered["variables"] {
                for (key, value) in fields { variables[key] = value }
            }
            var root: (any Sendable)? = nil
            if let r = ordered["rootValue"], !r.isNull { root = r }
            let result = await execute(
                schema: executable, document: document, operationName: c.operationName, variableValues: variables,
                rootValue: root)
            let response = try JSONReader.parse(result.json())
            got = canonical(response, unordered: c.unorderedPaths)
        } catch {
            got = "thrown: \(error)"
        }
        let want = canonical(expected, unordered: c.unorderedPaths)
        return want == got ? .passed : .failed(expected: want, got: got)
    }

    static let corpusFieldResolver: FieldResolver = .sync { parent, _, _, info in
        guard let parent = parent as? InputValue, case .object(let o) = parent, let value = o[info.fieldName] else {
            return nil
        }
        if case .object(let v) = value, let message = v["$error"] {
            throw CorpusError(message: message.stringValue ?? "")
        }
        return value
    }

    static let corpusTypeResolver: TypeResolve = { value, _, _, _ in
        guard let value = value as? InputValue, case .object(let o) = value, let name = o["__typename"] else {
            return nil
        }
        // graphql-js returns whatever `__typename` holds; non-strings get its "received" error.
        if case .string(let s) = name { return s }
        return name
    }

    struct CorpusError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// `{"data", "errors"}` as canonical text: data's key order kept, unordered lists sorted
    /// by `name`; errors with message, locations and path only.
    static func canonical(_ response: InputValue, unordered: [String]) -> String {
        guard case .object(let o) = response else { return "not an object: \(response)" }
        var w = JSONWriter()
        if let data = o["data"] {
            w.writeASCII("data=")
            w.writeInputValue(sortUnordered(data, paths: unordered.map { $0.split(separator: ".").map(String.init) }))
        } else {
            w.writeASCII("no data")
        }
        if case .list(let errors)? = o["errors"] {
            for e in errors {
                guard case .object(let e) = e else { continue }
                w.writeASCII(" || error ")
                if let m = e["message"] { w.writeInputValue(m) }
                if case .list(let locations)? = e["locations"] {
                    w.writeASCII(" @")
                    for case .object(let l) in locations {
                        w.writeInputValue(l["line"] ?? .null)
                        w.writeASCII(":")
                        w.writeInputValue(l["column"] ?? .null)
                        w.writeASCII(" ")
                    }
                }
                if let p = e["path"] {
                    w.writeASCII(" path=")
                    w.writeInputValue(p)
                }
            }
        }
        return String(decoding: w.bytes, as: UTF8.self)
    }

    private static func sortUnordered(_ value: InputValue, paths: [[String]]) -> InputValue {
        if paths.isEmpty { return value }
        switch value {
        case .list(let items):
            if paths.contains(where: \.isEmpty) {
                let rest = paths.filter { !$0.isEmpty }
                let sorted = items.map { sortUnordered($0, paths: rest) }.sorted { nameOf($0) < nameOf($1) }
                return .list(sorted)
            }
            return .list(items.map { sortUnordered($0, paths: paths) })
        case .object(let fields):
            var out: [(String, InputValue)] = []
            for (key, v) in fields {
                let sub = paths.filter { $0.first == key }.map { Array($0.dropFirst()) }
                out.append((key, sortUnordered(v, paths: sub)))
            }
            return .object(InputFields(out))
        default:
            return value
        }
    }

    private static func nameOf(_ v: InputValue) -> String {
        if case .object(let o) = v, let name = o["name"]?.stringValue { return name }
        return ""
    }
}
