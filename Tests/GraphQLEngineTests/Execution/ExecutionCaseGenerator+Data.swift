// ExecutionCaseGenerator: root data shaped by the selections, with irregularities.

import Foundation
@testable import GraphQLEngine

extension ExecutionCaseGenerator {
    // MARK: root data

    func applies(_ condition: GraphQLNamedType?, to type: GraphQLObjectType) -> Bool {
        guard let condition else { return true }
        if condition.name == type.name { return true }
        return condition.isAbstractType && schema.isSubType(condition, .object(type))
    }

    /// The fields `selections` select on an object of `type`, by field name (data is keyed
    /// by field name), with their sub-selections merged.
    func collect(
        _ selections: [Selection], on type: GraphQLObjectType, into fields: inout [(String, GraphQLField, [Selection])],
        visited: inout Set<String>
    ) {
        for s in selections {
            switch s {
            case .field(_, let f, _, _, let sub):
                guard let def = type.field(named: f.name) else { continue }
                if let i = fields.firstIndex(where: { $0.0 == f.name }) {
                    fields[i].2 += sub ?? []
                } else {
                    fields.append((f.name, def, sub ?? []))
                }
            case .typename, .introspection:
                continue
            case .inline(let condition, _, let sub):
                if applies(condition, to: type) { collect(sub, on: type, into: &fields, visited: &visited) }
            case .spread(let name, _):
                guard visited.insert(name).inserted, let f = fragments.first(where: { $0.name == name }),
                    applies(f.condition, to: type)
                else { continue }
                collect(f.selections, on: type, into: &fields, visited: &visited)
            }
        }
    }

    mutating func rootData(_ operations: [Operation]) -> InputValue {
        var pairs: [(String, InputValue)] = []
        for op in operations {
            guard case .object(let fields) = objectValue(op.root, op.selections, depth: 0) else { continue }
            for (k, v) in fields where !pairs.contains(where: { $0.0 == k }) { pairs.append((k, v)) }
        }
        return .object(InputFields(pairs))
    }

    mutating func errorValue() -> InputValue {
        errorCounter += 1
        return .object(InputFields([("$error", .string("boom \(errorCounter)"))]))
    }

    mutating func objectValue(_ type: GraphQLObjectType, _ selections: [Selection], depth: Int) -> InputValue {
        var fields: [(String, GraphQLField, [Selection])] = []
        var visited: Set<String> = []
        collect(selections, on: type, into: &fields, visited: &visited)
        var pairs: [(String, InputValue)] = []
        // Fewer failures at the root, where a non-null one nulls all the data.
        let scale = depth == 0 ? 0.5 : 1
        for (name, def, sub) in fields {
            if chance(chaos * 0.25 * scale) { continue }  // missing: undefined, completed as null
            if chance(chaos * 0.5 * scale) {
                pairs.append((name, errorValue()))
                continue
            }
            pairs.append((name, value(def.type, sub, depth: depth + 1)))
        }
        if chance(chaos) { pairs.append(("extraKey", .list([.int(1)]))) }
        if chance(0.2) { pairs.shuffle(using: &rng) }
        return .object(InputFields(pairs))
    }

    mutating func value(_ type: GraphQLType, _ sub: [Selection], depth: Int) -> InputValue {
        if case .nonNull(let inner) = type {
            if chance(chaos * 0.5) { return .null }
            return nullableValue(inner, sub, depth: depth)
        }
        if chance(0.07) { return .null }
        return nullableValue(type, sub, depth: depth)
    }

    mutating func nullableValue(_ type: GraphQLType, _ sub: [Selection], depth: Int) -> InputValue {
        switch type {
        case .nonNull(let inner):
            return value(inner, sub, depth: depth)
        case .list(let item):
            if chance(chaos * 0.2) {
                return pick([.int(1), .string("not a list"), .object(InputFields([("a", .int(1))])), .boolean(true)])!
            }
            let n = int(0...(depth > 3 ? 2 : 3))
            return .list((0..<n).map { _ in value(item, sub, depth: depth + 1) })
        case .named(let named):
            switch named {
            case .scalar(let scalar):
                return chance(chaos * 0.6) ? wrongLeaf(scalar.name) : validLeaf(scalar.name, depth: depth)
            case .enum(let e):
                if chance(chaos * 0.6) { return pick([.string("NOPE"), .string((pick(e.values)?.name ?? "x").lowercased()), .int(1), .boolean(true)])! }
                return .string(pick(e.values)?.name ?? "X")
            case .object(let object):
                if chance(chaos * 0.1) { return pick([.string("not an object"), .int(5), .list([.int(1)]), .boolean(false)])! }
                return objectValue(object, sub, depth: depth)
            case .interface, .union:
                return abstractValue(named, sub, depth: depth)
            case .inputObject:
                return .null
            }
        }
    }

    mutating func abstractValue(_ type: GraphQLNamedType, _ sub: [Selection], depth: Int) -> InputValue {
        let candidates = schema.possibleTypes(of: type)
        if chance(chaos * 0.1) { return pick([.string("not an object"), .int(5), .list([])])! }
        guard let concrete = pick(candidates) else { return .object(InputFields()) }
        guard case .object(let fields) = objectValue(concrete, sub, depth: depth) else { return .null }
        var pairs = Array(fields.map { ($0.key, $0.value) })
        var typename: InputValue? = .string(concrete.name)
        if chance(chaos * 0.5) {
            let others = schema.types.filter { t in !candidates.contains { $0.name == t.name } }
            switch int(0...6) {
            case 0: typename = nil
            case 1: typename = .string("Nope")
            case 2: typename = .string(pick(others.filter { if case .object = $0 { true } else { false } })?.name ?? "Nope")
            case 3: typename = .string(pick(others.filter { !$0.name.hasPrefix("__") && !$0.isLeafType })?.name ?? type.name)
            case 4: typename = .int(1)
            case 5: typename = .null
            default: typename = .string(pick(["String", type.name, concrete.name.lowercased()])!)
            }
        }
        if let typename {
            if chance(0.5) { pairs.insert(("__typename", typename), at: 0) } else { pairs.append(("__typename", typename)) }
        }
        return .object(InputFields(pairs))
    }

    mutating func validLeaf(_ scalar: String, depth: Int) -> InputValue {
        if chance(0.08) { return rawNumber(for: scalar) }
        switch scalar {
        case "Int": return pick([.int(0), .int(1), .int(-42), .int(2_147_483_647), .int(-2_147_483_648), .float(3.0)])!
        case "Float": return pick([.float(1.5), .int(2), .float(-0.25), .float(1e21), .float(1e-7), .float(123_456_789.125)])!
        case "String": return pick([.string("hello"), .string(""), .string("ünï😀"), .string("line\nbreak \"q\" \\")])!
        case "Boolean": return .boolean(chance(0.5))
        case "ID": return pick([.string("id-1"), .int(42), .string("007")])!
        default: return anyJSON(depth: depth)
        }
    }

    /// Numbers whose JSON text matters: JavaScript reads `1.0` as 1, `-0` as -0, and
    /// integers beyond 2^53 rounded; they print as `1`, `0`, `9007199254740992`, `1e+21`.
    mutating func rawNumber(for scalar: String) -> InputValue {
        switch scalar {
        case "Int": return Self.raw(pick(["1.0", "1e3", "-0", "2.0e0", "0.0"])!)
        case "Float": return Self.raw(pick(["1.0", "-0", "1E-7", "0.1e1", "100000000000000000000000", "-0.0"])!)
        case "String", "ID":
            if chance(0.15) { return Self.bigIntegers ? Self.raw("-9223372036854775808") : Self.bigInteger() }
            return Self.raw(
                pick([
                    "1.0", "-0", "1e21", "100000000000000000000000", "0.000001", "1e-7", "1e16", "123456789012345680000",
                    "5e-324", "1.7976931348623157e308", "-1.5e-7",
                ])!)
        case "Boolean": return Self.raw(pick(["-0", "0.0", "1e-7"])!)
        default:
            if chance(0.2) { return Self.bigInteger() }
            return Self.raw(pick(["1.0", "-0", "1e400", "5e-324"])!)
        }
    }

    mutating func wrongLeaf(_ scalar: String) -> InputValue {
        if chance(0.3) { return inspected() }
        if (scalar == "Int" || scalar == "Float") && chance(0.3) {
            // Strings that JavaScript's Number() reads in surprising ways (or not at all).
            return .string(
                pick([
                    "-0", " 0x10 ", "0b101", "0o17", "+5", ".5", "5.", "1_000", "Infinity", "-Infinity", "\n12\t",
                    "00012", "-0x10", "\u{A0}12", "\u{200B}12", "\u{FEFF}12", "1e", "1e1000", "12abc", "NaN", "٣",
                ])!)
        }
        let object = InputValue.object(InputFields([("b", .int(1)), ("a", .object(InputFields([("c", .object(InputFields([("d", .list([]))])))])))]))
        switch scalar {
        case "Int":
            return pick([
                .string("12"), .string("abc"), .float(1.5), .int(2_147_483_648), .int(-2_147_483_649), .boolean(true),
                .boolean(false), object, .list([.int(1)]), .string(""), .float(1e100), .string("1e3"), .string(" 7 "),
                .string("0x1F"), Self.bigInteger(),
            ])!
        case "Float":
            return pick([.string("1.5"), .string("abc"), .boolean(true), .object(InputFields()), .list([]), .string(""), .string("Infinity"), .string("-2e3")])!
        case "String":
            return pick([.int(1), .float(1.5), .boolean(true), object, .list([.int(1), .int(2)]), .float(1e21), .float(0.1), .float(-0.000001)])!
        case "Boolean":
            return pick([.int(1), .int(0), .float(0.5), .string("true"), .object(InputFields()), .list([.boolean(true)])])!
        case "ID":
            return pick([.float(1.5), .boolean(true), .object(InputFields()), .list([.string("a")]), .int(-0), .float(1e21)])!
        default:
            return pick([object, .list([.null, .string("x")]), .float(2.5)])!  // custom scalars: identity
        }
    }
}
