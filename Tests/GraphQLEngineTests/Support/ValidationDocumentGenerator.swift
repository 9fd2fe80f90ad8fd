@testable import GraphQLEngine

/// Seeded generator of executable documents for a schema, for the graphql-js differential
/// test of `validate`: mostly well-formed selections over the schema's real types, fields,
/// arguments and values, salted with every kind of mistake the validation rules catch
/// (unknown names and misspellings, wrong literals, missing required arguments, undefined
/// and unused variables, fragment cycles and bad spreads, duplicates, misplaced directives,
/// type-system definitions).
struct ValidationDocumentGenerator {
    let schema: GraphQLSchema
    var rng: SeededRandom
    private var compositeTypes: [GraphQLNamedType] = []
    private var inputTypes: [GraphQLNamedType] = []
    private var fragmentNames: [String] = []
    /// Variables declared by the operation being generated: name and type text.
    private var variables: [(name: String, type: String)] = []
    /// A clean document makes no mistakes: it should be valid (a third of them).
    private var clean = false

    init(schema: GraphQLSchema, seed: UInt64) {
        self.schema = schema
        rng = SeededRandom(seed: seed)
        for type in schema.types where !type.name.hasPrefix("__") {
            if type.isCompositeType { compositeTypes.append(type) }
            if type.isInputType { inputTypes.append(type) }
        }
    }

    // MARK: randomness

    private mutating func chance(_ p: Double) -> Bool { Double(rng.next() % 1_000_000) / 1_000_000 < p }
    /// A chance of a deliberate mistake (never in a clean document).
    private mutating func mistake(_ p: Double) -> Bool { !clean && chance(p) }
    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    private mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[int(0...(items.count - 1))] }

    /// A misspelling of `name` (close enough, usually, for a "Did you mean" suggestion).
    private mutating func misspell(_ name: String) -> String {
        var chars = Array(name)
        switch int(0...3) {
        case 0 where chars.count > 1: chars.remove(at: int(0...(chars.count - 1)))
        case 1: chars.insert("x", at: int(0...chars.count))
        case 2 where chars.count > 1:
            let i = int(0...(chars.count - 2))
            chars.swapAt(i, i + 1)
        default: return name.uppercased() == name ? name.lowercased() : name.uppercased()
        }
        return String(chars)
    }

    // MARK: documents

    /// One document: fragments and operations in random order, sometimes a type-system definition.
    mutating func document() -> String {
        clean = chance(0.35)
        if clean { return cleanDocument() }
        let fragmentCount = int(0...3)
        fragmentNames = (0..<fragmentCount).map { "F\($0)" }
        if chance(0.1), let first = fragmentNames.first { fragmentNames.append(first) }  // duplicate name
        var definitions: [String] = []
        let operationCount = chance(0.7) ? 1 : int(2...3)
        var operationNames: [String?] = []
        for i in 0..<operationCount {
            var name: String? = chance(operationCount == 1 ? 0.5 : 0.9) ? "Op\(i)" : nil
            if chance(0.1), let previous = operationNames.last ?? nil { name = previous }
            operationNames.append(name)
            definitions.append(operation(name: name))
        }
        for name in fragmentNames { definitions.append(fragment(name: name)) }
        if chance(0.06) { definitions.append(typeSystemDefinition()) }
        if chance(0.5) { definitions.shuffle(using: &rng) }
        return definitions.joined(separator: "\n\n")
    }

    /// A document without mistakes: operations with distinct names (or one anonymous),
    /// inline fragments only where they fit, variables declared with the argument's type.
    private mutating func cleanDocument() -> String {
        fragmentNames = []
        let count = chance(0.7) ? 1 : 2
        var definitions: [String] = []
        for i in 0..<count {
            var kind = "query"
            var root = schema.queryType
            if chance(0.15), let mutation = schema.mutationType {
                kind = "mutation"
                root = mutation
            }
            guard let root else { continue }
            variables = []
            let body = selectionSet(.object(root), depth: 0)
            var head = kind + (count > 1 || chance(0.5) ? " Q\(i)" : "")
            if !variables.isEmpty {
                head += "(" + variables.map { "$\($0.name): \($0.type)" }.joined(separator: ", ") + ")"
            }
            definitions.append(head + " " + body)
        }
        return definitions.joined(separator: "\n\n")
    }

    private mutating func typeSystemDefinition() -> String {
        pick([
            "type Extra { a: Int b: Unknown }", "extend type Query { z: Strin }", "scalar Custom @unknown",
            "schema { query: Query }", "directive @extra(x: Int!) on FIELD", "input In2 { a: Int = \"x\" }",
            "extend schema @include(if: true)", "enum En { A B }", "union Un = Extra | Query",
        ]) ?? ""
    }

    private mutating func operation(name: String?) -> String {
        var kind = "query"
        var root = schema.queryType
        if chance(0.15), let mutation = schema.mutationType {
            kind = "mutation"
            root = mutation
        } else if chance(0.12) {
            kind = "subscription"
            root = schema.subscriptionType ?? schema.queryType
        }
        variables = []
        for _ in 0..<(chance(0.5) ? int(1...3) : 0) {
            let varName = pick(["a", "b", "id", "x", "flag", "input"]) ?? "a"
            if variables.contains(where: { $0.name == varName }) && !chance(0.2) { continue }
            variables.append((varName, variableType()))
        }
        var head = kind
        if let name { head += " " + name }
        if !variables.isEmpty {
            let defs = variables.map { v -> String in
                var def = "$\(v.name): \(v.type)"
                if chance(0.15) { def += " = " + defaultLiteral(v.type) }
                if chance(0.05) { def += pick([" @include(if: true)", " @deprecated", " @unknown"]) ?? "" }
                return def
            }
            head += "(" + defs.joined(separator: ", ") + ")"
        }
        if chance(0.05) { head += pick([" @skip(if: true)", " @deprecated", " @include(if: $a)"]) ?? "" }
        if name == nil && variables.isEmpty && kind == "query" && chance(0.5) { head = "" }
        guard let root else { return head + " { __typename }" }
        var body = selectionSet(.object(root), depth: 0)
        if kind == "subscription" && chance(0.3) { body = "{ __typename " + body.dropFirst() }
        if kind == "query" && chance(0.04) {
            body = "{ __schema { types { name fields { name type { name fields { name } } } } } " + body.dropFirst()
        }
        return head + (head.isEmpty ? "" : " ") + body
    }

    private mutating func variableType() -> String {
        var named: String
        if chance(0.08) {
            named = chance(0.5) ? (pick(compositeTypes)?.name ?? "Query") : "Unknwn"
        } else {
            named = pick(inputTypes)?.name ?? "String"
        }
        if chance(0.3) { named = "[\(named)" + (chance(0.3) ? "!" : "") + "]" }
        if chance(0.35) { named += "!" }
        return named
    }

    /// A default value for a variable type written as text (often wrong: both validators see it).
    private mutating func defaultLiteral(_ typeText: String) -> String {
        let bare = typeText.filter { $0 != "!" && $0 != "[" && $0 != "]" }
        if let type = schema.type(named: bare), type.isInputType, !chance(0.15) {
            let literal = literal(for: .named(type), depth: 0, allowVariables: false)
            return typeText.hasPrefix("[") && chance(0.5) ? "[\(literal)]" : literal
        }
        return pick(["null", "1", "\"s\"", "true", "ONE", "{a: 1}", "[1, 2]"]) ?? "null"
    }

    private mutating func fragment(name: String) -> String {
        var condition = pick(compositeTypes) ?? .object(Introspection.schema)
        var conditionName = condition.name
        if chance(0.07) {
            if chance(0.5), let input = pick(inputTypes) { conditionName = input.name } else { conditionName = "Unknwn" }
        }
        if chance(0.05) { conditionName = misspell(conditionName) }
        if let type = schema.type(named: conditionName), type.isCompositeType { condition = type }
        var head = "fragment \(name) on \(conditionName)"
        if chance(0.05) { head += pick([" @include(if: true)", " @deprecated", " @skip(if: $a)"]) ?? "" }
        variables = chance(0.5) ? [] : [("a", "Int"), ("id", "ID!")]
        return head + " " + selectionSet(condition, depth: 0)
    }

    // MARK: selections

    private mutating func selectionSet(_ type: GraphQLNamedType, depth: Int) -> String {
        var selections: [String] = []
        for _ in 0..<int(1...(depth > 2 ? 2 : 4)) {
            let roll = int(0...99)
            if roll < 10 {
                selections.append(inlineFragment(type, depth: depth))
            } else if roll < 20 && !clean {
                selections.append(fragmentSpread())
            } else {
                selections.append(field(on: type, depth: depth))
            }
        }
        return "{ " + selections.joined(separator: " ") + " }"
    }

    private mutating func fragmentSpread() -> String {
        var name = pick(fragmentNames) ?? "F0"
        if chance(0.08) { name = chance(0.5) ? "Nope" : misspell(name) }
        return "..." + name + directives()
    }

    private mutating func inlineFragment(_ parent: GraphQLNamedType, depth: Int) -> String {
        var condition = parent
        var head = "..."
        if !chance(0.15) {
            let candidates = parent.isAbstractType ? schema.possibleTypes(of: parent).map { GraphQLNamedType.object($0) } : []
            condition = (chance(0.7) || clean ? pick(candidates) : nil) ?? (clean ? parent : pick(compositeTypes) ?? parent)
            var conditionName = condition.name
            if mistake(0.05) { conditionName = chance(0.5) ? (pick(inputTypes)?.name ?? "Int") : "Unknwn" }
            head += " on " + conditionName
        }
        return head + directives() + " " + selectionSet(condition, depth: depth + 1)
    }

    private mutating func directives() -> String {
        guard chance(0.12) else { return "" }
        if clean { return pick([" @include(if: true)", " @skip(if: false)", " @include(if: false) @skip(if: true)"]) ?? "" }
        let variable = pick(variables.map(\.name)).map { "$" + $0 } ?? "$undefinedVar"
        return " "
            + (pick([
                "@include(if: true)", "@skip(if: \(variable))", "@include", "@deprecated", "@unknown",
                "@skip(if: true) @skip(if: false)", "@include(if: \"yes\")", "@specifiedBy(url: \"u\")",
                "@include(if: true, if: false)", "@skip(iff: true)",
            ]) ?? "")
    }

    private mutating func field(on type: GraphQLNamedType, depth: Int) -> String {
        guard let fields = type.fieldMap, let fieldDef = pick(fields.elements), !mistake(0.08) else {
            // Unions have no fields of their own; sometimes select an unknown one anyway.
            if clean || chance(0.5) { return "__typename" }
            let known = type.fieldMap?.names ?? []
            return chance(0.5) ? misspell(pick(known) ?? "name") : "unknownField"
        }
        var text = ""
        if mistake(0.1) { text += (pick(["alias", "a", fieldDef.name]) ?? "a") + ": " }
        text += mistake(0.05) ? misspell(fieldDef.name) : fieldDef.name
        text += arguments(fieldDef.args)
        text += directives()
        let named = fieldDef.type.namedType
        if named.isCompositeType {
            if depth < 3 && !mistake(0.05) {
                text += " " + selectionSet(named, depth: depth + 1)
            } else if clean || chance(0.3) {
                text += " { __typename }"
            }
        } else if mistake(0.04) {
            text += " { x }"
        }
        return text
    }

    private mutating func arguments(_ args: [GraphQLArgument]) -> String {
        var given: [String] = []
        for arg in args {
            let include = arg.isRequired ? !mistake(0.1) : chance(0.4)
            guard include else { continue }
            let name = mistake(0.04) ? misspell(arg.name) : arg.name
            if clean && chance(0.2) {
                // A variable of exactly the argument's type.
                let variableName = "v\(variables.count)"
                variables.append((variableName, arg.type.description))
                given.append(name + ": $" + variableName)
                continue
            }
            given.append(name + ": " + literal(for: arg.type, depth: 0, allowVariables: true))
            if mistake(0.03) { given.append(name + ": " + literal(for: arg.type, depth: 0, allowVariables: true)) }
        }
        if mistake(0.04) { given.append("unknownArg: 1") }
        return given.isEmpty ? "" : "(" + given.joined(separator: ", ") + ")"
    }

    // MARK: values

    private mutating func literal(for type: GraphQLType, depth: Int, allowVariables: Bool) -> String {
        if allowVariables && !clean && chance(0.15) {
            if let variable = pick(variables), !chance(0.15) { return "$" + variable.name }
            return "$undefinedVar"
        }
        if mistake(0.06) { return wrongLiteral() }
        switch type {
        case .nonNull(let inner):
            return mistake(0.04) ? "null" : literal(for: inner, depth: depth, allowVariables: allowVariables)
        case .list(let item):
            if chance(0.4) { return literal(for: item, depth: depth, allowVariables: allowVariables) }
            let count = int(0...2)
            return "[" + (0..<count).map { _ in literal(for: item, depth: depth, allowVariables: allowVariables) }
                .joined(separator: ", ") + "]"
        case .named(let named):
            if mistake(0.03) { return "null" }
            switch named {
            case .scalar(let scalar):
                switch scalar.name {
                case "Int": return pick(clean ? ["0", "42", "-7"] : ["0", "42", "-7", "3000000000", "1.5"]) ?? "1"
                case "Float": return pick(["1.5", "2", "-0.25e3"]) ?? "1.5"
                case "String": return pick(["\"s\"", "\"\"", "\"\"\"block\"\"\""]) ?? "\"s\""
                case "Boolean": return pick(["true", "false"]) ?? "true"
                case "ID": return pick(["\"id1\"", "42"]) ?? "1"
                default: return pick(["\"custom\"", "1", "{a: 1}", "[true]"]) ?? "1"
                }
            case .enum(let enumType):
                guard let value = pick(enumType.values)?.name else { return "NONE" }
                return mistake(0.1) ? misspell(value) : value
            case .inputObject(let object):
                guard depth < 3 else { return "{}" }
                var fields: [String] = []
                for field in object.fields where field.isRequired ? !mistake(0.1) : chance(0.4) {
                    let name = mistake(0.04) ? misspell(field.name) : field.name
                    fields.append(name + ": " + literal(for: field.type, depth: depth + 1, allowVariables: allowVariables))
                }
                if mistake(0.04) { fields.append("unknownField: 1") }
                if mistake(0.03), let first = fields.first { fields.append(first) }
                return "{" + fields.joined(separator: ", ") + "}"
            case .object, .interface, .union:
                return "{}"
            }
        }
    }

    private mutating func wrongLiteral() -> String {
        pick(["\"str\"", "1", "2.5", "true", "null", "ENUM_VALUE", "[1]", "{a: 1}", "{}", "[]"]) ?? "1"
    }
}
