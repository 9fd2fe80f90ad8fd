import Foundation
@testable import GraphQLEngine

/// One generated execution case, in the conformance corpus's execute format (see
/// shared/conformance/README.md): `variables` and `rootValue` nil mean "not given".
struct GeneratedExecutionCase {
    var id: String
    var schema: String
    var document: String
    var operationName: String?
    var variables: InputValue?
    var rootValue: InputValue?
}

/// Seeded generator of execution cases for a schema, for the graphql-js differential test
/// of `execute`. The documents are meant to be valid (the test keeps only those both
/// validators accept): aliases, nested selections, inline fragments on abstract and
/// concrete types, named fragments (shared between operations), `@skip`/`@include` with
/// literals and variables, arguments with literals and variables (also inside lists and
/// input objects), several operations, `__typename`, now and then `__schema`/`__type`. The
/// variables are valid or not
/// (wrong type, missing required, null for non-null, unknown extras); the operation name
/// is right, missing or unknown. The root value follows the selections with deliberate
/// irregularities: nulls in non-null positions at every depth and inside lists,
/// `{"$error": msg}` at field positions, leaf values of the wrong type, out of range or
/// needing coercion, non-lists for lists and non-objects for objects, unknown enum values,
/// `__typename` missing, unknown, not a possible type, abstract or not a string, extra keys,
/// values that graphql-js's `inspect` prints specially, and JSON numbers whose text matters
/// (`1.0`, `-0`, `1e21`; see `raw`). Only the chosen operation's variables are generated; the
/// root value serves every operation of the document.
struct ExecutionCaseGenerator {
    let schema: GraphQLSchema
    let sdl: String
    var rng: SeededRandom
    /// Leave out `__type(name: "__Type")`, whose fields include 16.11's `isOneOf`: plain
    /// graphql-js 16.6 (without oracle.js's emulation) lacks it.
    var plainGraphQLJS16_6 = false

    // MARK: the document's model

    indirect enum Selection {
        case field(alias: String?, field: GraphQLField, args: String, directives: String, sub: [Selection]?)
        case typename(alias: String?, directives: String)
        case inline(condition: GraphQLNamedType?, directives: String, sub: [Selection])
        case spread(name: String, directives: String)
        /// Introspection (`__schema`, `__type`): answered by the schema, not the data.
        case introspection(String)
    }

    struct Variable {
        var name: String
        var type: GraphQLType
        var defaultText: String?
        /// Used as a directive's `if`.
        var isCondition = false
        /// Used as `__type(name:)`: the name to give.
        var typeName: String? = nil
    }

    struct Fragment {
        var name: String
        var condition: GraphQLNamedType
        var selections: [Selection]
        /// The variables it uses, its nested spreads' included.
        var variables: [Variable]
    }

    struct Operation {
        var kind: String
        var name: String?
        var root: GraphQLObjectType
        var variables: [Variable]
        var selections: [Selection]
    }

    var fragments: [Fragment] = []
    var fragmentsInProgress = 0
    /// Variables used by what is being generated (an operation or a fragment).
    var usedVariables: [Variable] = []
    var variableCounter = 0
    var aliasCounter = 0
    var errorCounter = 0
    /// How irregular the data is (0: regular).
    var chaos = 0.0
    /// The argument text of each unaliased field name with arguments, document-wide: a
    /// field with other arguments gets an alias (OverlappingFieldsCanBeMergedRule).
    var argumentTexts: [String: String] = [:]

    init(schema: GraphQLSchema, sdl: String, seed: UInt64) {
        self.schema = schema
        self.sdl = sdl
        rng = SeededRandom(seed: seed)
    }

    /// A JSON number written exactly as `text` (e.g. `1.0`, `-0`, `9007199254740993`), which
    /// `InputValue` cannot hold: a marker that `rawJSON` substitutes in the written text.
    static func raw(_ text: String) -> InputValue { .enumValue(rawMarker + text) }
    static let rawMarker = "\u{1}RAW:"

    /// Whether to generate the inputs of the known differences from graphql-js
    /// (`DIFFERENTIAL_KNOWN_DIFFERENCES=1`; off by default so that the test passes):
    /// - integers beyond 2^53 (`9007199254740993`, `-9223372036854775808`): JavaScript reads
    ///   them rounded to the nearest double (graphql-js prints `9007199254740992`), our
    ///   JSONReader keeps the exact `Int`;
    /// - object keys that are array indices (`"1"`, `"42"`): JavaScript enumerates them first,
    ///   in numeric order (custom scalar output, `inspect` in messages, the order of
    ///   "Field is not defined" errors), our objects keep the JSON order.
    static let knownDifferences: Bool = {
        guard let v = ProcessInfo.processInfo.environment["DIFFERENTIAL_KNOWN_DIFFERENCES"] else { return false }
        return v == "1" || v == "true"
    }()
    static var bigIntegers: Bool { knownDifferences }

    /// Integer texts beyond 2^53, or an ordinary one when they are off.
    static func bigInteger() -> InputValue {
        bigIntegers ? raw("9007199254740993") : raw("9007199254740992")
    }

    /// An object key: sometimes an array index when the known differences are on.
    mutating func key(_ name: String) -> String {
        Self.knownDifferences && chance(0.3) ? pick(["1", "0", "42", "4294967294"])! : name
    }

    /// `value` as JSON text, raw markers replaced by their text.
    static func rawJSON(_ value: InputValue) -> String {
        var w = JSONWriter()
        w.writeInputValue(value)
        var text = String(decoding: w.bytes, as: UTF8.self)
        let marker = "\"\\u0001RAW:"
        while let start = text.range(of: marker) {
            guard let end = text[start.upperBound...].firstIndex(of: "\"") else { break }
            text.replaceSubrange(start.lowerBound...end, with: text[start.upperBound..<end])
        }
        return text
    }

    // MARK: randomness

    mutating func chance(_ p: Double) -> Bool { Double(rng.next() % 1_000_000) / 1_000_000 < p }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[int(0...(items.count - 1))] }

    // MARK: cases

    mutating func makeCase(id: String) -> GeneratedExecutionCase {
        fragments = []
        usedVariables = []
        variableCounter = 0
        aliasCounter = 0
        errorCounter = 0
        chaos = pick([0, 0.05, 0.1, 0.2, 0.2, 0.35]) ?? 0
        argumentTexts = [:]

        let count = chance(0.7) ? 1 : int(2...3)
        var operations: [Operation] = []
        for i in 0..<count { operations.append(operation(index: i, count: count)) }

        var definitions = operations.map(printOperation)
        definitions += fragments.map { f in
            "fragment \(f.name) on \(f.condition.name) " + printSelections(f.selections)
        }
        if chance(0.4) { definitions.shuffle(using: &rng) }
        let document = definitions.joined(separator: chance(0.5) ? "\n\n" : "\n")

        // The operation to run, by name: right, missing or unknown.
        var operationName: String?
        var chosen = operations[0]
        if count == 1 {
            let roll = int(0...99)
            if roll < 25 { operationName = operations[0].name } else if roll < 29 { operationName = "Unknown" }
        } else {
            let roll = int(0...99)
            if roll < 88 {
                chosen = pick(operations) ?? chosen
                operationName = chosen.name
            } else if roll < 94 {
                operationName = nil
            } else {
                operationName = pick(["Nope", "op0", ""])
            }
        }

        let variables = variableValues(for: chosen)
        var rootValue: InputValue? = rootData(operations)
        if chaos > 0 && chance(0.03) { rootValue = pick([nil, .list([rootValue ?? .null]), .string("root"), .int(0)])! }
        return GeneratedExecutionCase(
            id: id, schema: sdl, document: document, operationName: operationName, variables: variables,
            rootValue: rootValue)
    }

    // MARK: operations and selections

    mutating func operation(index: Int, count: Int) -> Operation {
        var kind = "query"
        var root = schema.queryType
        if let mutation = schema.mutationType, chance(0.25) {
            kind = "mutation"
            root = mutation
        } else if let subscription = schema.subscriptionType, chance(0.06) {
            kind = "subscription"
            root = subscription
        }
        guard let root else { fatalError("schema without a query type") }
        usedVariables = []
        var selections: [Selection]
        if kind == "subscription" {
            // A single root field, no directives, no introspection (SingleFieldSubscriptionsRule).
            selections = []
            if let f = field(on: .object(root), depth: 0, allowDirectives: false) { selections.append(f) }
            if selections.isEmpty { selections = [.typename(alias: nil, directives: "")] }
        } else {
            selections = selectionSet(.object(root), depth: 0)
        }
        let name: String? = count > 1 || chance(0.5) ? "Op\(index)" : nil
        return Operation(kind: kind, name: name, root: root, variables: usedVariables, selections: selections)
    }

    func printOperation(_ op: Operation) -> String {
        var head = op.kind
        if let name = op.name { head += " " + name }
        if !op.variables.isEmpty {
            head += "("
                + op.variables.map { v in
                    "$\(v.name): \(v.type.description)" + (v.defaultText.map { " = " + $0 } ?? "")
                }.joined(separator: ", ") + ")"
        }
        if head == "query" && op.selections.count % 2 == 0 {
            return printSelections(op.selections)  // the shorthand form, half of the time
        }
        return head + " " + printSelections(op.selections)
    }

    func printSelections(_ selections: [Selection]) -> String {
        "{ " + selections.map(printSelection).joined(separator: " ") + " }"
    }

    func printSelection(_ s: Selection) -> String {
        switch s {
        case .field(let alias, let field, let args, let directives, let sub):
            return (alias.map { $0 + ": " } ?? "") + field.name + args + directives
                + (sub.map { " " + printSelections($0) } ?? "")
        case .typename(let alias, let directives):
            return (alias.map { $0 + ": " } ?? "") + "__typename" + directives
        case .inline(let condition, let directives, let sub):
            return "..." + (condition.map { " on " + $0.name } ?? "") + directives + " " + printSelections(sub)
        case .spread(let name, let directives):
            return "..." + name + directives
        case .introspection(let text):
            return text
        }
    }

    mutating func nextAlias() -> String {
        aliasCounter += 1
        return pick(["al", "x", "renamed", "k"])! + "\(aliasCounter)"
    }

    mutating func selectionSet(_ type: GraphQLNamedType, depth: Int) -> [Selection] {
        var result = selections(type, depth: depth)
        if result.isEmpty { result = [.typename(alias: nil, directives: "")] }
        return result
    }

    mutating func selections(_ type: GraphQLNamedType, depth: Int) -> [Selection] {
        var result: [Selection] = []
        let count = int(1...(depth >= 3 ? 2 : 4))
        for _ in 0..<count {
            let roll = int(0...99)
            if depth == 0 && type.name == schema.queryType?.name && chance(0.05) {
                result.append(.introspection(introspection()))
            } else if roll < 8 {
                result.append(.typename(alias: chance(0.3) ? nextAlias() : nil, directives: directives()))
            } else if roll < 22 && depth < 4 {
                result.append(inlineFragment(type, depth: depth))
            } else if roll < 32 && depth < 4 && fragmentsInProgress < 3 {
                result.append(fragmentSpread(type, depth: depth))
            } else if let f = field(on: type, depth: depth, allowDirectives: true) {
                result.append(f)
            } else {
                // Unions have no fields: fragments or __typename.
                result.append(
                    depth < 4 && chance(0.7)
                        ? inlineFragment(type, depth: depth) : .typename(alias: nil, directives: ""))
            }
        }
        return result
    }

    mutating func field(
        on type: GraphQLNamedType, depth: Int, allowDirectives: Bool
    ) -> Selection? {
        guard let fields = type.fieldMap, let f = pick(fields.elements) else { return nil }
        var alias: String?
        let args = arguments(f.args)
        if chance(0.25) || (!args.isEmpty && argumentTexts[f.name].map { $0 != args } ?? false)
            || (args.isEmpty && argumentTexts[f.name] != nil && argumentTexts[f.name] != "")
        {
            // Now and then one alias for different fields: allowed in fragments on different
            // object types when the shapes agree (the validators filter out the rest).
            alias = chance(0.06) ? "shared" : nextAlias()
        } else {
            argumentTexts[f.name] = args
        }
        let dirs = allowDirectives ? directives() : ""
        var sub: [Selection]?
        let named = f.type.namedType
        if named.isCompositeType {
            sub = depth < 4 ? selectionSet(named, depth: depth + 1) : [.typename(alias: nil, directives: "")]
        }
        return .field(alias: alias, field: f, args: args, directives: dirs, sub: sub)
    }

    /// Abstract types overlapping `type` (sharing a possible type), `type` included.
    func overlapping(_ type: GraphQLNamedType) -> [GraphQLNamedType] {
        let mine = Set(possible(type).map(\.name))
        return schema.types.filter { t in
            guard t.isCompositeType, !t.name.hasPrefix("__") else { return false }
            return possible(t).contains { mine.contains($0.name) }
        }
    }

    func possible(_ type: GraphQLNamedType) -> [GraphQLObjectType] {
        if case .object(let o) = type { return [o] }
        return schema.possibleTypes(of: type)
    }

    mutating func inlineFragment(_ parent: GraphQLNamedType, depth: Int) -> Selection {
        var condition: GraphQLNamedType? = nil
        if !chance(0.15) {
            // A possible type of the parent, or any type overlapping it (the parent included).
            condition =
                chance(0.6)
                ? (pick(possible(parent).map { GraphQLNamedType.object($0) }) ?? parent)
                : (pick(overlapping(parent)) ?? parent)
        }
        let dirs = directives()
        return .inline(condition: condition, directives: dirs, sub: selectionSet(condition ?? parent, depth: depth + 1))
    }

    mutating func fragmentSpread(_ parent: GraphQLNamedType, depth: Int) -> Selection {
        let names = Set(possible(parent).map(\.name))
        let reusable = fragments.filter { f in possible(f.condition).contains { names.contains($0.name) } }
        if let f = chance(0.5) ? pick(reusable) : nil {
            for v in f.variables { useVariable(v) }
            return .spread(name: f.name, directives: directives())
        }
        var condition = parent
        if chance(0.4) {
            condition = chance(0.5) ? (pick(overlapping(parent)) ?? parent) : (pick(possible(parent).map { .object($0) }) ?? parent)
        }
        let saved = usedVariables
        usedVariables = []
        fragmentsInProgress += 1
        let body = selectionSet(condition, depth: depth + 1)
        fragmentsInProgress -= 1
        let name = "F\(fragments.count)" + (chance(0.3) ? "_" + condition.name : "")
        let fragment = Fragment(name: name, condition: condition, selections: body, variables: usedVariables)
        fragments.append(fragment)
        usedVariables = saved
        for v in fragment.variables { useVariable(v) }
        return .spread(name: name, directives: directives())
    }

    /// `__schema` or `__type(name:)` with a random part of the introspection fields.
    mutating func introspection() -> String {
        let typeRef = "type { kind name ofType { kind name ofType { kind name ofType { name } } } }"
        if chance(0.25) {
            let parts = ["queryType { name }", "mutationType { name kind }", "subscriptionType { name }", "description",
                "queryType { fields { name } }"]
            return (chance(0.3) ? nextAlias() + ": " : "") + "__schema { " + pickSome(parts).joined(separator: " ") + " }"
        }
        let names = schema.types.map(\.name).filter { !plainGraphQLJS16_6 || $0 != "__Type" }
        var name = pick(names + ["Nope"]) ?? "Query"
        let argument: String
        if chance(0.3) {
            variableCounter += 1
            let v = Variable(name: "tn\(variableCounter)", type: .nonNull(.named(.scalar(GraphQLString))), typeName: name)
            useVariable(v)
            argument = "$" + v.name
        } else {
            argument = "\"\(name)\""
        }
        if argumentTexts["__type"] != nil && argumentTexts["__type"] != argument { name = nextAlias() + ": " } else {
            argumentTexts["__type"] = argument
            name = ""
        }
        let parts = [
            "name", "kind", "description", "specifiedByURL", "interfaces { name }", "possibleTypes { name }",
            "ofType { name }", "enumValues(includeDeprecated: true) { name isDeprecated deprecationReason }",
            "values: enumValues { name description }", "inputFields { name defaultValue \(typeRef) }",
            "fields(includeDeprecated: \(chance(0.5))) { name isDeprecated deprecationReason \(typeRef) }",
            "withArgs: fields { name args { name defaultValue \(typeRef) } }", "__typename",
        ]
        return name + "__type(name: \(argument)) { " + pickSome(parts).joined(separator: " ") + " }"
    }

    mutating func pickSome(_ parts: [String]) -> [String] {
        var chosen = parts.filter { _ in chance(0.35) }
        if chosen.isEmpty { chosen = [pick(parts) ?? parts[0]] }
        return chosen
    }

    mutating func useVariable(_ v: Variable) {
        if !usedVariables.contains(where: { $0.name == v.name }) { usedVariables.append(v) }
    }

    mutating func newVariable(_ type: GraphQLType, defaultText: String?, isCondition: Bool = false) -> String {
        variableCounter += 1
        let v = Variable(
            name: (isCondition ? "cond" : "v") + "\(variableCounter)", type: type, defaultText: defaultText,
            isCondition: isCondition)
        useVariable(v)
        return "$" + v.name
    }
}
