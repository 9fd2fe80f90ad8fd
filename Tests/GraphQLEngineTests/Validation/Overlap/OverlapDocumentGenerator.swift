@testable import GraphQLEngine

/// Seeded generator of documents that stress field merging: aliases that collide with
/// field names, fields returning Int / String / String! / [String] / Float under the same
/// name on different types, differing (and reordered) arguments, nested subselections,
/// inline fragments on objects, interfaces and unions, fragment spreads (nested in
/// fragments, and cycles when `allowCycles`), unknown fields and types.
struct OverlapDocumentGenerator {
    static let schemaSDL = """
        interface Node { id: ID! name: String }
        interface Named { name: String }
        type User implements Node & Named {
          id: ID! name: String age: Int tag: String! friends(first: Int, after: String): [User]
          best: User pet: Pet score(scale: Float, opts: Opts): Float
        }
        type Robot implements Node {
          id: ID! name: String! age: String tag: String friends(first: Int): [User!] best: Robot pet: Pet model: String
        }
        type Dog implements Named { name: String barks: Boolean owner: User age: Int tag: [String] best: Dog }
        type Cat { name: String meows: Boolean owner: Robot age: Float tag: String! best: Cat }
        union Pet = Dog | Cat
        union Thing = User | Robot | Dog
        enum Color { RED GREEN }
        input Opts { a: Int b: String c: [Int] d: Color }
        type Query {
          node(id: ID): Node user(id: ID, opts: Opts): User robot: Robot pet: Pet thing: Thing
          things(first: Int): [Thing] users(first: Int): [User] named: Named age: Int
        }
        """

    var rng: SeededRandom
    let schema: GraphQLSchema
    let allowCycles: Bool
    /// How often a field gets an alias from a small colliding pool.
    let aliasChance: Double
    private var fragments: [(name: String, type: String)] = []

    init(seed: UInt64, schema: GraphQLSchema, allowCycles: Bool, aliasChance: Double = 0.35) {
        rng = SeededRandom(seed: seed)
        self.aliasChance = aliasChance
        self.schema = schema
        self.allowCycles = allowCycles
    }

    private static let typeConditions = ["User", "Robot", "Dog", "Cat", "Node", "Named", "Pet", "Thing", "Nope"]
    private static let aliases = ["a", "x", "name", "age", "tag", "best", "friends", "owner"]
    private static let strangers = ["name", "age", "tag", "best", "owner", "zzz"]

    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    private mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }

    /// One document: a few fragments and one or two operations.
    mutating func document() -> String {
        let fragmentCount = Int.random(in: 0...4, using: &rng)
        fragments = (0..<fragmentCount).map { ("F\($0)", pick(Self.typeConditions)) }
        var parts: [String] = []
        for (index, fragment) in fragments.enumerated() {
            let body = selectionSet(schema.type(named: fragment.type), depth: 1, fragmentIndex: index)
            parts.append("fragment \(fragment.name) on \(fragment.type) \(body)")
        }
        for _ in 0..<Int.random(in: 1...2, using: &rng) {
            parts.append("query " + selectionSet(schema.type(named: "Query"), depth: 0, fragmentIndex: nil))
        }
        // Operations and fragments in a random order: the walk order decides the order
        // of the errors and the state of the memo sets.
        parts.shuffle(using: &rng)
        return parts.joined(separator: "\n")
    }

    private mutating func selectionSet(_ type: GraphQLNamedType?, depth: Int, fragmentIndex: Int?) -> String {
        var selections: [String] = []
        for _ in 0..<Int.random(in: 1...5, using: &rng) {
            let roll = Double.random(in: 0..<1, using: &rng)
            if roll < 0.62 || depth >= 4 {
                selections.append(field(type, depth: depth, fragmentIndex: fragmentIndex))
            } else if roll < 0.82 {
                let condition = chance(0.2) ? nil : pick(Self.typeConditions)
                let inner = condition.map { schema.type(named: $0) } ?? type
                let body = selectionSet(inner, depth: depth + 1, fragmentIndex: fragmentIndex)
                selections.append("... " + (condition.map { "on \($0) " } ?? "") + body)
            } else if let spread = spreadName(fragmentIndex) {
                selections.append("..." + spread)
            }
        }
        if selections.isEmpty { selections.append("__typename") }
        return "{ " + selections.joined(separator: " ") + " }"
    }

    /// A fragment to spread: any from an operation; from fragment i, a later one (or any
    /// one when cycles are allowed).
    private mutating func spreadName(_ fragmentIndex: Int?) -> String? {
        guard !fragments.isEmpty else { return nil }
        if let fragmentIndex, !allowCycles {
            let later = fragments.indices.filter { $0 > fragmentIndex }
            guard !later.isEmpty else { return nil }
            return fragments[pick(later)].name
        }
        return pick(fragments).name
    }

    private mutating func field(_ parent: GraphQLNamedType?, depth: Int, fragmentIndex: Int?) -> String {
        var name = "__typename"
        var definition: GraphQLField?
        if let fields = parent?.fieldMap, !fields.isEmpty, !chance(0.1) {
            let def = pick(Array(fields))
            name = def.name
            definition = def
        } else if chance(0.5) {
            name = pick(Self.strangers)
        }
        var text = chance(aliasChance) ? pick(Self.aliases) + ": " + name : name
        text += arguments(definition)
        if chance(0.1) { text += " @include(if: true)" }
        let childType = definition?.type.namedType
        if let childType, childType.isCompositeType {
            if depth < 4 { text += " " + selectionSet(childType, depth: depth + 1, fragmentIndex: fragmentIndex) }
            else { text += " { __typename }" }
        } else if definition == nil, name != "__typename", chance(0.4), depth < 4 {
            text += " " + selectionSet(nil, depth: depth + 1, fragmentIndex: fragmentIndex)
        }
        return text
    }

    private mutating func arguments(_ definition: GraphQLField?) -> String {
        guard let definition, !definition.args.isEmpty, chance(0.6) else {
            return chance(0.05) ? "(first: 1)" : ""
        }
        var args: [String] = []
        for arg in definition.args.shuffled(using: &rng) where chance(0.7) {
            args.append(arg.name + ": " + value(arg.type.namedType.name))
        }
        if chance(0.05), let first = args.first { args.append(first) }  // a repeated argument
        return args.isEmpty ? "" : "(" + args.joined(separator: ", ") + ")"
    }

    private mutating func value(_ typeName: String) -> String {
        switch typeName {
        case "Int": pick(["1", "2", "$v"])
        case "Float": pick(["1.5", "1", "$f"])
        case "String": pick(["\"s\"", "\"t\"", "\"\"\"s\"\"\""])
        case "ID": pick(["1", "\"1\""])
        case "Opts": pick(["{a: 1, b: \"s\"}", "{b: \"s\", a: 1}", "{c: [1, 2]}", "{c: [2, 1]}", "{d: RED}", "$o"])
        default: "null"
        }
    }
}
