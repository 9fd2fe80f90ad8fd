/// Deterministic PRNG (SplitMix64) so fuzz and differential runs are reproducible.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Valid documents to start from, and generators of valid, mutated and random text.
enum DocumentCorpus {
    static let kitchenSink = #"""
    query queryName($foo: ComplexType, $site: Site = MOBILE) @onQuery {
      whoever123is: node(id: [123, 456]) {
        id ,
        ... on User @onInlineFragment {
          field2 {
            id ,
            alias: field1(first:10, after:$foo,) @include(if: $foo) {
              id,
              ...frag @onFragmentSpread
            }
          }
        }
        ... @skip(unless: $foo) {
          id
        }
        ... {
          id
        }
      }
    }

    mutation likeStory @onMutation {
      like(story: 123) @onField {
        story {
          id @onField
        }
      }
    }

    subscription StoryLikeSubscription(
      $input: StoryLikeSubscribeInput @onVariableDefinition
    ) @onSubscription {
      storyLikeSubscribe(input: $input) {
        story {
          likers {
            count
          }
          likeSentence {
            text
          }
        }
      }
    }

    fragment frag on Friend @onFragmentDefinition {
      foo(size: $size, bar: $b, obj: {key: "value", block: """

          block string uses \"""

      """})
    }

    {
      unnamed(truthy: true, falsy: false, nullish: null),
      query
    }

    query { __typename }
    """#

    static let schemaKitchenSink = #"""
    """This is a description of the schema as a whole."""
    schema {
      query: QueryType
      mutation: MutationType
    }

    """
    This is a description
    of the `Foo` type.
    """
    type Foo implements Bar & Baz & Two {
      "Description of the `one` field."
      one: Type
      """This is a description of the `two` field."""
      two(
        """This is a description of the `argument` argument."""
        argument: InputType!
      ): Type
      """This is a description of the `three` field."""
      three(argument: InputType, other: String): Int
      four(argument: String = "string"): String
      five(argument: [String] = ["string", "string"]): String
      six(argument: InputType = {key: "value"}): Type
      seven(argument: Int = null): Type
    }

    type AnnotatedObject @onObject(arg: "value") {
      annotatedField(arg: Type = "default" @onArgumentDefinition): Type @onField
    }

    type UndefinedType

    extend type Foo {
      seven(argument: [String]): Type
    }

    extend type Foo @onType

    interface Bar {
      one: Type
      four(argument: String = "string"): String
    }

    interface AnnotatedInterface @onInterface {
      annotatedField(arg: Type @onArgumentDefinition): Type @onField
    }

    interface UndefinedInterface

    extend interface Bar implements Two {
      two(argument: InputType!): Type
    }

    extend interface Bar @onInterface

    interface Baz implements Bar & Two {
      one: Type
      two(argument: InputType!): Type
      four(argument: String = "string"): String
    }

    union Feed =
      | Story
      | Article
      | Advert

    union AnnotatedUnion @onUnion = A | B

    union AnnotatedUnionTwo @onUnion = | A | B

    union UndefinedUnion

    extend union Feed = Photo | Video

    extend union Feed @onUnion

    scalar CustomScalar

    scalar AnnotatedScalar @onScalar

    extend scalar CustomScalar @onScalar

    enum Site {
      """This is a description of the `DESKTOP` value"""
      DESKTOP

      """This is a description of the `MOBILE` value"""
      MOBILE

      "This is a description of the `WEB` value"
      WEB
    }

    enum AnnotatedEnum @onEnum {
      ANNOTATED_VALUE @onEnumValue
      OTHER_VALUE
    }

    enum UndefinedEnum

    extend enum Site {
      VR
    }

    extend enum Site @onEnum

    input InputType {
      key: String!
      answer: Int = 42
    }

    input AnnotatedInput @onInputObject {
      annotatedField: Type @onInputFieldDefinition
    }

    input UndefinedInput

    extend input InputType {
      other: Float = 1.23e4 @onInputFieldDefinition
    }

    extend input InputType @onInputObject

    """This is a description of the `@skip` directive"""
    directive @skip(
      """This is a description of the `if` argument"""
      if: Boolean! @onArgumentDefinition
    ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

    directive @include(if: Boolean!)
      on FIELD
       | FRAGMENT_SPREAD
       | INLINE_FRAGMENT

    directive @include2(if: Boolean!) on
      | FIELD
      | FRAGMENT_SPREAD
      | INLINE_FRAGMENT

    directive @myRepeatableDir(name: String!) repeatable on
      | OBJECT
      | INTERFACE

    extend schema @onSchema

    extend schema @onSchema {
      subscription: SubscriptionType
    }
    """#

    static let small: [String] = [
        "{ a }",
        "query Q($a: [Int!]! = [1, 2], $b: In = {x: -1.5e3, y: \"s\\u00e9\\n\"}) { f(a: $a, b: $b) @d(x: ENUM) }",
        "{ a(s: \"\"\"\n   line one\n     line two \\\"\"\" x\n\"\"\") }",
        "fragment F on T { ...G ... on U { x: y } }",
        "{ veryLongFieldNameNumberOne(argumentNumberOne: \"some long string value here\", argumentNumberTwo: 12345, three: [1, 2, 3]) }",
        "type Q { f(\"desc\" a: Int = 1 @x): [String!]! @deprecated(reason: \"no\") }",
        "{ emoji(s: \"😀 \\uD83D\\uDE00 \\u{1F600}\") }",
        "subscription S @a @b(c: null) { x }",
        "extend schema @a { query: Q }",
        "directive @d repeatable on FIELD | QUERY",
        "{ a { b { c { d { e } } } } }",
        "# comment only line\n{ a # trailing\n}",
        "\u{FEFF}{ bom }",
        "query ($v: Int @dir) { x }",
        "input I { a: [[Int!]!] = [[1]] }",
        "{ f(o: {a: {b: [{c: true}]}}) }",
    ]

    static var all: [String] { [kitchenSink, schemaKitchenSink] + small }

    static let tokenSoup: [String] = [
        "{", "}", "(", ")", "[", "]", ":", "=", "@", "$", "!", "|", "&", "...", ",", " ", "\n", "\r\n", "\t",
        "query", "mutation", "subscription", "fragment", "on", "type", "interface", "union", "enum",
        "input", "scalar", "schema", "extend", "directive", "repeatable", "implements", "true", "false",
        "null", "a", "b", "Foo", "x1", "_y", "0", "-1", "1.5", "2e10", "00", "1.", "\"s\"", "\"\\u{41}\"",
        "\"\"\"block\"\"\"", "\"unterminated", "#c\n", ".", "'", "?", "\u{0}", "é", "😀", "FIELD", "QUERY",
    ]

    /// A mutated or random document.
    static func mutated(_ rng: inout SeededRandom) -> String {
        let base = all.randomElement(using: &rng) ?? "{ a }"
        var bytes = Array(base.utf8)
        switch rng.next() % 8 {
        case 0:  // truncate
            bytes = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count + 1))))
        case 1:  // flip some bytes to printable ASCII
            for _ in 0..<(1 + rng.next() % 4) where !bytes.isEmpty {
                bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(0x20 + rng.next() % 0x5F)
            }
        case 2:  // delete a range
            if !bytes.isEmpty {
                let a = Int(rng.next() % UInt64(bytes.count))
                let b = min(bytes.count, a + Int(rng.next() % 12))
                bytes.removeSubrange(a..<b)
            }
        case 3:  // splice two documents
            let other = Array((all.randomElement(using: &rng) ?? "").utf8)
            let a = Int(rng.next() % UInt64(bytes.count + 1))
            let b = Int(rng.next() % UInt64(other.count + 1))
            bytes = Array(bytes[..<a]) + Array(other[b...])
        case 4:  // insert tokens
            for _ in 0..<(1 + rng.next() % 3) {
                let tok = Array((tokenSoup.randomElement(using: &rng) ?? "").utf8)
                bytes.insert(contentsOf: tok, at: Int(rng.next() % UInt64(bytes.count + 1)))
            }
        case 5:  // random token soup
            bytes = []
            for _ in 0..<(rng.next() % 40) {
                bytes += Array((tokenSoup.randomElement(using: &rng) ?? "").utf8)
                if rng.next() % 2 == 0 { bytes.append(0x20) }
            }
        case 6:  // random bytes (repaired to valid UTF-8 below)
            bytes = (0..<(rng.next() % 64)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        default:  // swap two token-ish chunks
            if bytes.count > 4 {
                let a = Int(rng.next() % UInt64(bytes.count - 2))
                bytes.swapAt(a, a + 1)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Documents for differential testing: the corpus, then mutations.
    static func differentialSet(count: Int, seed: UInt64) -> [String] {
        var rng = SeededRandom(seed: seed)
        var docs = all
        while docs.count < count { docs.append(mutated(&rng)) }
        return docs
    }
}
