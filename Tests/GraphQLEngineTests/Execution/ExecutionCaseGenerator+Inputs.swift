// ExecutionCaseGenerator: directives, arguments and variable values.

import Foundation
@testable import GraphQLEngine

extension ExecutionCaseGenerator {
    // MARK: directives and arguments

    mutating func condition() -> String {
        if chance(0.6) { return chance(0.5) ? "true" : "false" }
        if chance(0.6) { return newVariable(.nonNull(.named(.scalar(GraphQLBoolean))), defaultText: nil, isCondition: true) }
        return newVariable(
            .named(.scalar(GraphQLBoolean)), defaultText: chance(0.5) ? "true" : "false", isCondition: true)
    }

    mutating func directives() -> String {
        guard chance(0.15) else { return "" }
        switch int(0...4) {
        case 0, 1: return " @skip(if: \(condition()))"
        case 2, 3: return " @include(if: \(condition()))"
        default: return " @include(if: \(condition())) @skip(if: \(condition()))"
        }
    }

    mutating func arguments(_ args: [GraphQLArgument]) -> String {
        var given: [String] = []
        for arg in args where arg.isRequired || chance(0.4) {
            given.append(arg.name + ": " + literal(for: arg.type, hasLocationDefault: arg.defaultValue != nil, depth: 0, allowVariables: true))
        }
        if chance(0.3) { given.shuffle(using: &rng) }
        return given.isEmpty ? "" : "(" + given.joined(separator: ", ") + ")"
    }

    /// A variable allowed at a position of type `type`: the same type, a non-null one, or a
    /// nullable one with a default (or where the position has a default).
    mutating func variable(for type: GraphQLType, hasLocationDefault: Bool) -> String {
        if case .nonNull(let inner) = type, chance(0.4) {
            if hasLocationDefault && chance(0.3) { return newVariable(inner, defaultText: nil) }
            return newVariable(
                inner, defaultText: literal(for: inner, hasLocationDefault: false, depth: 0, allowVariables: false, nullable: false))
        }
        if !type.isNonNull && chance(0.2) {
            let defaultText = chance(0.3)
                ? literal(for: type, hasLocationDefault: false, depth: 0, allowVariables: false, nullable: false) : nil
            return newVariable(.nonNull(type), defaultText: defaultText)
        }
        let defaultText = chance(0.2) ? literal(for: type, hasLocationDefault: false, depth: 0, allowVariables: false) : nil
        return newVariable(type, defaultText: defaultText)
    }

    mutating func literal(
        for type: GraphQLType, hasLocationDefault: Bool, depth: Int, allowVariables: Bool, nullable: Bool = true
    ) -> String {
        if allowVariables && chance(0.15) { return variable(for: type, hasLocationDefault: hasLocationDefault) }
        return literalValue(for: type, depth: depth, allowVariables: allowVariables, nullable: nullable)
    }

    /// A literal that is not a variable at this level (it may hold some deeper).
    mutating func literalValue(for type: GraphQLType, depth: Int, allowVariables: Bool, nullable: Bool) -> String {
        switch type {
        case .nonNull(let inner):
            return literalValue(for: inner, depth: depth, allowVariables: allowVariables, nullable: false)
        case .list(let item):
            if nullable && chance(0.08) { return "null" }
            // A single item (coerced to a list); a variable of the item type would not be allowed.
            if chance(0.3) { return literalValue(for: item, depth: depth, allowVariables: allowVariables, nullable: true) }
            return "["
                + (0..<int(0...3)).map { _ in
                    literal(for: item, hasLocationDefault: false, depth: depth, allowVariables: allowVariables)
                }.joined(separator: ", ") + "]"
        case .named(let named):
            if nullable && chance(0.06) { return "null" }
            switch named {
            case .scalar(let scalar):
                switch scalar.name {
                case "Int": return pick(["0", "42", "-7", "2147483647"])!
                case "Float": return pick(["1.5", "2", "-0.25e3", "1e21"])!
                case "String": return pick(["\"s\"", "\"\"", "\"\"\"block\"\"\"", "\"é😀\""])!
                case "Boolean": return pick(["true", "false"])!
                case "ID": return pick(["\"id1\"", "42"])!
                default: return pick(["\"custom\"", "1", "{a: 1, b: [x, null]}", "[true]", "ENUMISH"])!
                }
            case .enum(let e):
                return pick(e.values)?.name ?? "null"
            case .inputObject(let object):
                var fields: [String] = []
                for f in object.fields where (f.isRequired || chance(0.4)) && (depth < 2 || f.isRequired) {
                    fields.append(
                        f.name + ": "
                            + literal(for: f.type, hasLocationDefault: f.defaultValue != nil, depth: depth + 1, allowVariables: allowVariables))
                }
                if depth >= 2 && object.fields.contains(where: \.isRequired) == false { return "{}" }
                return "{" + fields.joined(separator: ", ") + "}"
            case .object, .interface, .union:
                return "null"
            }
        }
    }

    // MARK: variable values

    mutating func variableValues(for op: Operation) -> InputValue? {
        if op.variables.isEmpty && chance(0.5) { return chance(0.5) ? nil : .object(InputFields()) }
        let irregular = chance(0.2)
        var pairs: [(String, InputValue)] = []
        for v in op.variables {
            let optional = !v.type.isNonNull || v.defaultText != nil
            if irregular && chance(0.4) {
                switch int(0...3) {
                case 0: continue  // missing (an error when required)
                case 1: pairs.append((v.name, .null))
                default: pairs.append((v.name, wrongInput(v.type, depth: 0)))
                }
                continue
            }
            if optional && chance(0.25) { continue }
            if v.isCondition {
                pairs.append((v.name, .boolean(chance(0.5))))
            } else if let typeName = v.typeName {
                pairs.append((v.name, .string(typeName)))
            } else {
                pairs.append((v.name, validInput(v.type, depth: 0)))
            }
        }
        if irregular && chance(0.3) { pairs.append(("unknownVariable", .int(1))) }
        if chance(0.2) { pairs.shuffle(using: &rng) }
        return .object(InputFields(pairs))
    }

    mutating func validInput(_ type: GraphQLType, depth: Int) -> InputValue {
        switch type {
        case .nonNull(let inner):
            return validInput(inner, depth: depth)
        case .list(let item):
            if chance(0.1) { return .null }
            if chance(0.25) { return validInput(item, depth: depth) }
            return .list((0..<int(0...3)).map { _ in validInput(item, depth: depth) })
        case .named(let named):
            if !type.isNonNull && chance(0.05) { return .null }
            switch named {
            case .scalar(let scalar):
                switch scalar.name {
                case "Int": return pick([.int(0), .int(7), .int(-3), .int(2_147_483_647), Self.raw("4.0"), Self.raw("1e3"), Self.raw("-0")])!
                case "Float": return pick([.float(1.5), .int(2), .float(-0.25), .float(1e21), Self.raw("1.0"), Self.raw("-0"), Self.raw("1E-7")])!
                case "String": return pick([.string("s"), .string(""), .string("ünï😀 \"q\"")])!
                case "Boolean": return .boolean(chance(0.5))
                case "ID": return pick([.string("id1"), .int(42), Self.raw("7.0"), Self.bigInteger()])!
                default: return anyJSON(depth: depth)
                }
            case .enum(let e):
                return .string(pick(e.values)?.name ?? "X")
            case .inputObject(let object):
                var pairs: [(String, InputValue)] = []
                for f in object.fields where f.isRequired || (chance(0.4) && depth < 2) {
                    pairs.append((f.name, validInput(f.type, depth: depth + 1)))
                }
                return .object(InputFields(pairs))
            default:
                return .null
            }
        }
    }

    mutating func wrongInput(_ type: GraphQLType, depth: Int) -> InputValue {
        switch type {
        case .nonNull(let inner):
            return chance(0.3) ? .null : wrongInput(inner, depth: depth)
        case .list(let item):
            if chance(0.5) { return .list([validInput(item, depth: depth), wrongInput(item, depth: depth)]) }
            return wrongInput(item, depth: depth)
        case .named(let named):
            switch named {
            case .scalar(let scalar):
                switch scalar.name {
                case "Int":
                    return pick([
                        .string("7"), .float(1.5), .int(2_147_483_648), .boolean(true), .object(InputFields([("a", .int(1))])),
                        Self.raw("1e21"), Self.raw("1.5e0"), Self.raw("1e10"), Self.raw("100000000000000000000000"),
                        Self.bigInteger(),
                    ])!
                case "Float": return pick([.string("1.5"), .boolean(false), .list([.int(1)]), .string("NaN")])!
                case "String": return pick([.int(1), .boolean(true), .list([.string("a")]), .float(2.5)])!
                case "Boolean": return pick([.int(1), .string("true"), .int(0)])!
                case "ID": return pick([.float(1.5), .boolean(true), .object(InputFields())])!
                default: return anyJSON(depth: depth)  // custom scalars accept anything
                }
            case .enum(let e):
                return pick([.string("NOPE"), .string((pick(e.values)?.name ?? "x").lowercased()), .int(1)])!
            case .inputObject(let object):
                var pairs: [(String, InputValue)] = []
                for f in object.fields where f.isRequired || chance(0.4) {
                    pairs.append((f.name, chance(0.4) ? wrongInput(f.type, depth: depth + 1) : validInput(f.type, depth: depth + 1)))
                }
                switch int(0...4) {
                case 0: if !pairs.isEmpty { pairs.removeFirst() }  // maybe a required field missing
                case 1:
                    if let f = pick(object.fields), f.name.count > 2, chance(0.6) {
                        pairs.append((String(f.name.dropLast()), .int(1)))  // "Did you mean"
                    } else {
                        pairs.append((key("unknownField"), .int(1)))
                    }
                case 2: return pick([.string("obj"), .int(3)])!
                default: break
                }
                return .object(InputFields(pairs))
            default:
                return .null
            }
        }
    }

    /// Values that graphql-js's `inspect` prints in special ways (in error messages).
    mutating func inspected() -> InputValue {
        switch int(0...9) {
        case 0: return .list((1...12).map { .int($0) })  // "... 2 more items"
        case 1: return .list([.list([.list([.int(1)])]), .list([])])  // nested arrays: [Array]
        case 2: return .object(InputFields([("a b", .int(1)), ("ü", .string("x")), ("", .null), (key("$err"), .int(2))]))
        case 3: return .object(InputFields([("l", .list((1...11).map { .string("s\($0)") }))]))
        case 4: return .list([.object(InputFields([("a", .object(InputFields([("b", .int(1))])))])), .null, .boolean(false)])
        case 5: return .string("with \"quotes\" and \\ and \n and 😀")
        case 6: return .object(InputFields((0..<12).map { ("k\($0)", .int($0)) }))
        case 7: return .list([.float(1.5), Self.raw("-0"), Self.raw("1e21"), .float(1e-7), .string("")])
        case 8: return Self.raw(pick(["1e21", "-1e-7", "1.5e300", "123456789012345678901234567890"])!)
        default: return .object(InputFields([("toJSON", .string("x")), ("valueOf", .int(1))]))
        }
    }

    mutating func anyJSON(depth: Int) -> InputValue {
        switch int(0...7) {
        case 0: return .int(int(-5...100))
        case 1: return .string(pick(["x", "", "2020-01-01T00:00:00Z"])!)
        case 2: return .boolean(chance(0.5))
        case 3: return .float(2.5)
        case 4: return .null
        case 5 where depth < 2: return .list([anyJSON(depth: depth + 1), anyJSON(depth: depth + 1)])
        case 6 where depth < 2:
            return .object(InputFields([(key("z"), anyJSON(depth: depth + 1)), (key("a"), anyJSON(depth: depth + 1))]))
        default: return .string("custom")
        }
    }
}
