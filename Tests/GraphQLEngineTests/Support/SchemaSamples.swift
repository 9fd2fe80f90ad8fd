// SDL samples for the graphql-js differential tests: valid schemas of every kind and
// shape (printSchema), and broken ones (buildSchema / validateSchema errors).

enum SchemaSamples {
    /// Valid schemas (no @oneOf: Debian's graphql-js 16.6 lacks it).
    static let valid: [String] = [
        // 1. every type kind
        #"""
        scalar DateTime
        type Query { a: String b: Int! c: [Float] d: [Boolean!]! e: ID node: Node u: U en: E obj(in: In): DateTime }
        interface Node { id: ID! }
        type Thing implements Node { id: ID! name: String }
        union U = Thing | Other
        type Other { x: Int }
        enum E { ONE TWO THREE }
        input In { a: Int b: String }
        """#,
        // 2. descriptions, single line, multi-line, with quotes and backslashes
        #"""
        "The root"
        type Query {
          "A field"
          a: String
          """
          Multi-line
          description with "quotes" and a \ backslash
          """
          b(
            "an arg"
            x: Int
            y: String
          ): String
          c: Int
        }
        """#,
        // 3. descriptions that cannot be block strings
        #"""
        type Query {
          "  leading spaces"
          a: String
          "trailing quote\""
          b: String
          "ends with backslash\\"
          c: String
          "has\ttab and \u0001 control"
          d: String
          "\nleading newline"
          e: String
          "trailing newline\n"
          f: String
          "contains \"\"\" triple quotes"
          g: String
          "unicode: héllo ✓ 😀"
          h: String
          "a very long description that goes on and on well beyond seventy characters in length, really"
          i: String
        }
        """#,
        // 4. deprecations
        #"""
        type Query {
          a: String @deprecated
          b: String @deprecated(reason: "Use a")
          c: String @deprecated(reason: "No longer supported")
          d(x: Int @deprecated(reason: "gone"), y: Int): String
          e: E
          f(in: In): Int
        }
        enum E { A B @deprecated C @deprecated(reason: "with \"quotes\"") }
        input In { a: Int @deprecated b: String }
        """#,
        // 5. default values of every kind
        #"""
        enum Color { RED GREEN BLUE }
        input Point { x: Float = 0 y: Float = 1.5 label: String = "origin" tags: [String] = ["a", "b"] }
        input Nested { p: Point = { x: 1, y: 2 } c: Color = RED list: [Color!] = [RED, BLUE] n: Int = null }
        type Query {
          f(
            i: Int = 42
            neg: Int = -7
            fl: Float = 3.25
            fi: Float = 2.0
            big: Float = 1e21
            s: String = "hi\nthere"
            b: Boolean = true
            id: ID = "abc"
            idn: ID = 123
            e: Color = GREEN
            l: [Int] = [1, 2, 3]
            single: [Int] = 5
            o: Point = { x: 3 }
            nested: Nested = { p: { label: "p" }, list: [] }
            nn: Int! = 1
            nul: String = null
          ): String
        }
        """#,
        // 6. interfaces implementing interfaces
        #"""
        interface Node { id: ID! }
        interface Resource implements Node { id: ID! url: String }
        interface Image implements Resource & Node { id: ID! url: String thumbnail: String }
        type Photo implements Image & Resource & Node { id: ID! url: String thumbnail: String width: Int }
        type Query { node(id: ID!): Node photos: [Photo] }
        """#,
        // 7. custom schema roots
        #"""
        schema { query: Root mutation: Mut subscription: Sub }
        type Root { a: Int }
        type Mut { b(x: Int): Int }
        type Sub { c: Int }
        """#,
        // 8. default root names with an explicit schema definition (omitted when printed)
        #"""
        schema { query: Query mutation: Mutation }
        type Query { a: Int }
        type Mutation { b: Int }
        """#,
        // 9. schema description
        #"""
        "The API"
        schema { query: Query }
        type Query { a: Int }
        """#,
        // 10. directives with locations, args, descriptions, repeatable
        #"""
        "Caches a field"
        directive @cache(ttl: Int = 60, scope: Scope = PUBLIC) on FIELD_DEFINITION | OBJECT
        directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION | ARGUMENT_DEFINITION | SCALAR | SCHEMA
        directive @exec on QUERY | MUTATION | SUBSCRIPTION | FIELD | FRAGMENT_DEFINITION | FRAGMENT_SPREAD | INLINE_FRAGMENT | VARIABLE_DEFINITION
        directive @described(
          "the first"
          a: Int
          b: String
        ) on FIELD
        enum Scope { PUBLIC PRIVATE }
        type Query { a: Int @cache(ttl: 5) @tag(name: "x") @tag(name: "y") }
        """#,
        // 11. specifiedBy
        #"""
        scalar UUID @specifiedBy(url: "https://tools.ietf.org/html/rfc4122")
        scalar JSON
        type Query { id: UUID j: JSON }
        """#,
        // 12. type extensions of every kind
        #"""
        type Query { a: Int }
        extend type Query { b: String }
        interface I { x: Int }
        extend interface I { y: Int }
        type T implements I { x: Int y: Int }
        type T2 { z: Int }
        extend type T2 implements I { x: Int y: Int }
        union U = T
        extend union U = T2
        enum E { A }
        extend enum E { B C }
        input In { a: Int }
        extend input In { b: Int }
        scalar S
        extend scalar S @specifiedBy(url: "https://example.com/s")
        """#,
        // 13. schema extension
        #"""
        schema { query: Q }
        extend schema { mutation: M }
        type Q { a: Int }
        type M { b: Int }
        """#,
        // 14. arguments with descriptions (multi-line print) and nested indentation
        #"""
        type Query {
          search(
            """
            The text
              with indentation
            """
            text: String!
            "Max results"
            first: Int = 10
            after: String
          ): [String!]!
        }
        """#,
        // 15. empty-ish types (printed without blocks)
        #"""
        type Query { a: Int }
        type Empty
        interface EmptyI
        union EmptyU
        enum EmptyE
        input EmptyIn
        """#,
        // 16. types out of order, referenced before defined
        #"""
        type Query { z: Z y: Y }
        type Y { z: Z }
        type Z { y: Y a: A }
        enum A { X }
        """#,
        // 17. self-referencing input object through nullable and list fields
        #"""
        input Filter { and: [Filter!] or: [Filter!] not: Filter field: String eq: String }
        type Query { items(filter: Filter = { and: [{ field: "a", eq: "1" }], not: { field: "b" } }): [String] }
        """#,
        // 18. redefining built-in scalars is ignored, String reused
        #"""
        scalar String
        type Query { a: String }
        """#,
        // 19. enum values described
        #"""
        "Colors"
        enum Color {
          "Red"
          RED
          GREEN
          """
          Blue,
          multi-line
          """
          BLUE @deprecated(reason: "ugly")
        }
        type Query { c(color: Color = BLUE): Color }
        """#,
        // 20. input object fields described, with defaults and deprecations
        #"""
        input Options {
          "first"
          a: Int = 1
          b: Boolean = false @deprecated
          "third"
          c: [String!]! = []
        }
        type Query { run(options: Options!): Boolean }
        """#,
        // 21. union and interface descriptions, wide unions
        #"""
        "Search results"
        union Result = A | B | C | D
        "Has a name"
        interface Named { name: String }
        type A implements Named { name: String }
        type B implements Named { name: String }
        type C { c: Int }
        type D { d: Int }
        type Query { search: [Result] named: [Named] }
        """#,
        // 22. mutation and subscription with default names (no schema printed)
        #"""
        type Query { a: Int }
        type Mutation { b: Int }
        type Subscription { c: Int }
        """#,
        // 23. strings with unicode escapes and emoji in defaults
        #"""
        type Query { f(a: String = "caf\u00e9 \uD83D\uDE00 \u0007", b: String = "tab\there"): String }
        """#,
        // 24. a directive overriding nothing, repeatable with no args, description block
        #"""
        """
        Marks things.
        """
        directive @mark repeatable on OBJECT | FIELD_DEFINITION
        type Query @mark @mark { a: Int @mark }
        """#,
        // 25. floats and ints that print differently
        #"""
        type Query { f(a: Float = 1.0, b: Float = 0.000001, c: Float = 0.0000001, d: Float = 123456789012345680000, e: Float = -0.5, g: Float = 1e-10, h: Int = 2147483647, i: Int = -2147483648): Int }
        """#,
        // 26. ID default numeric string
        #"""
        type Query { f(a: ID = "123", b: ID = "0123", c: ID = 0, d: [ID] = ["x", 7]): Int }
        """#,
    ]

    /// Broken schemas: SDL errors (buildSchema throws) or validateSchema errors.
    static let invalid: [String] = [
        // no query type
        "type Foo { a: Int }",
        // query root not an object
        "schema { query: I } interface I { a: Int }",
        "schema { query: Q mutation: U subscription: E } type Q { a: Int } union U = Q enum E { A }",
        // reserved names
        "type Query { __a: Int } type __Bad { a: Int } enum E { __X } input In { __f: Int } directive @__d(__a: Int) on FIELD",
        "type Query { f(__arg: Int): Int }",
        // empty types
        "type Query type Empty interface I union U enum E input In",
        // field types
        "type Query { a: In } input In { b: Query }",
        "type Query { a(x: Query): Int }",
        "directive @d(x: Query) on FIELD type Query { a: Int }",
        // interfaces
        "type Query { a: Int } type A implements B { a: Int } type B { a: Int }",
        "type Query { a: Int } interface I implements I { a: Int }",
        "type Query { a: Int } interface I { a: Int } type A implements I & I { a: Int }",
        "type Query { a: Int } interface I { a: Int b: String } type A implements I { a: Int }",
        "type Query { a: Int } interface I { a: Int } type A implements I { a: String }",
        "type Query { a: Int } interface I { a: [Int] n: I } type A implements I { a: [Int!]! n: A }",
        "type Query { a: Int } interface I { f(x: Int): Int } type A implements I { f: Int }",
        "type Query { a: Int } interface I { f(x: Int): Int } type A implements I { f(x: String): Int }",
        "type Query { a: Int } interface I { f: Int } type A implements I { f(req: Int!): Int }",
        "type Query { a: Int } interface Base { a: Int } interface Mid implements Base { a: Int } type A implements Mid { a: Int }",
        "type Query { a: Int } interface A implements B { a: Int } interface B implements A { a: Int }",
        // unions
        "type Query { a: Int } union U = Query | Query",
        "type Query { a: Int } interface I { a: Int } union U = Query | I",
        "type Query { a: Int } union U = Query extend union U = Query",
        // input cycles
        "type Query { a(x: A): Int } input A { b: B! } input B { a: A! }",
        "type Query { a(x: A): Int } input A { self: A! other: [A!]! }",
        "type Query { a(x: A): Int } input A { b: B! c: C! } input B { c: C! } input C { a: A! }",
        // deprecated required
        "type Query { f(x: Int! @deprecated): Int } input In { a: Int! @deprecated } directive @d(x: Int! @deprecated) on FIELD",
        // SDL validation errors (thrown by buildSchema)
        "type Query { a: Int } type Query { b: Int }",
        "type Query { a: Unknown b: Strin }",
        "type Query { a: Int @unknown }",
        "type Query @deprecated { a: Int }",
        "type Query { a: Int } extend type Missing { b: Int }",
        "type Query { a: Int } extend scalar Query",
        "schema { query: Query } schema { query: Query } type Query { a: Int }",
        "directive @d on FIELD directive @d on FIELD type Query { a: Int }",
        "type Query { a: Int b: Int a: String }",
        "type Query { a(x: Int, x: Int): Int }",
        "enum E { A A } type Query { a: E }",
        "directive @d(req: Int!) on FIELD_DEFINITION type Query { a: Int @d }",
        "type Query { a: Int @deprecated(reason: \"a\", reason: \"b\") }",
        "type Query { a: Int @deprecated(foo: 1) }",
        "type Query { a: Int @deprecated @deprecated }",
        "type Query { a(x: In = { a: 1, a: 2 }): Int } input In { a: Int }",
        // errors found only while building
        "type Query { a: Int @deprecated(reason: 123) }",
        // syntax error
        "type Query { a: }",
        // several problems at once
        "type Query { a: Int } type A implements Query { b: Int } union U = A | A enum E input In { x: In! }",
        // extensions with problems reported at extension nodes
        "type Query { a: Int } interface I { a: Int } type A { a: Int } extend type A implements I extend type A implements I",
    ]
}
