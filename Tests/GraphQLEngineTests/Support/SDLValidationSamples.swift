// SDL validation samples (document, schema being extended) for the differential test
// against graphql-js's validateSDL; modelled on graphql-js's tests of each SDL rule.

enum SDLValidationSamples {
    static let cases: [(document: String, schema: String?)] = [
        // LoneSchemaDefinition
        ("schema { query: Foo } schema { mutation: Foo } schema { subscription: Foo } type Foo { a: Int }", nil),
        ("schema { query: Foo }", "schema { query: Foo } type Foo { a: Int }"),
        ("schema { query: Foo } schema { query: Foo }", "type Query { a: Int } type Foo { a: Int }"),
        ("extend schema @dir", "schema { query: Foo } type Foo { a: Int } directive @dir on SCHEMA"),
        // UniqueOperationTypes
        ("type Foo schema { query: Foo mutation: Foo subscription: Foo query: Foo mutation: Foo subscription: Foo }", nil),
        ("type Foo schema { query: Foo } extend schema { query: Foo mutation: Foo } extend schema { mutation: Foo subscription: Foo subscription: Foo }", nil),
        ("extend schema { query: Foo mutation: Foo } extend schema { mutation: Foo }", "type Foo type Query"),
        ("schema { query: Foo } extend schema { query: Foo }", "type Foo"),
        // UniqueTypeNames
        ("type Foo scalar Foo type Foo interface Foo union Foo enum Foo input Foo", nil),
        ("scalar Foo type Bar interface Baz", "type Foo type Bar"),
        ("type Foo extend type Foo { a: Int }", nil),
        // UniqueEnumValueNames
        ("enum SomeEnum { FOO BAR } extend enum SomeEnum { BAR FOO BAZ }", nil),
        ("extend enum SomeEnum { FOO BAR BAZ }", "enum SomeEnum { FOO BAR }"),
        ("extend enum SomeEnum { FOO } extend enum Other { FOO }", "enum SomeEnum enum Other"),
        ("extend enum SomeEnum { BAR }", "type SomeEnum"),
        // UniqueFieldDefinitionNames
        ("type T { a: Int } extend type T { a: Int b: Int } interface I { a: Int } extend interface I { a: Int } input In { a: Int } extend input In { a: Int a: Int }", nil),
        ("extend type T { a: Int b: Int } extend interface I { a: Int } extend input In { a: Int }",
         "type T { a: Int } interface I { a: Int } input In { a: Int }"),
        ("extend type T { foo: String } extend type T { foo: String }", "type T"),
        ("extend type T { a: Int }", "union T = X type X { a: Int }"),
        // UniqueArgumentDefinitionNames
        ("type T { f(a: Int, b: Int, a: Int, a: String): Int g(x: Int, x: Int): Int } directive @d(x: Int, y: Int, x: Int) on FIELD", nil),
        ("interface I { f(a: Int, a: Int): Int } extend interface I { g(b: Int, b: Int): Int } extend type T { h(c: Int, c: Int): Int }", "type T"),
        // UniqueDirectiveNames
        ("directive @foo on SCHEMA directive @foo on SCHEMA directive @foo on SCHEMA", nil),
        ("directive @foo on SCHEMA", "directive @foo on SCHEMA"),
        ("directive @skip on FIELD directive @deprecated on FIELD", nil),
        ("directive @skip on FIELD", "type Query { a: Int }"),
        // KnownTypeNames
        ("type T { a: Unknown b: [Strin!] c(x: Floot): Int } union U = Nope | T input In { f: Ind } extend type Missing implements Nodee { a: Int }", nil),
        ("type Q { a: Foo b: Baz c: __Type d: String }", "type Foo"),
        ("schema { query: Quer } type Query { a: Int }", nil),
        ("directive @d(arg: Unknown) on FIELD type Query { a: Int }", nil),
        ("query { a } fragment F on Unknown { a } type Query { a: Int }", nil),
        // KnownDirectives
        ("type Query { a: Int @unknown(x: 1) } extend type Query @known directive @known on OBJECT", nil),
        ("""
         directive @onSchema on SCHEMA
         directive @onScalar on SCALAR
         directive @onObject on OBJECT
         directive @onFieldDefinition on FIELD_DEFINITION
         directive @onArgumentDefinition on ARGUMENT_DEFINITION
         directive @onInterface on INTERFACE
         directive @onUnion on UNION
         directive @onEnum on ENUM
         directive @onEnumValue on ENUM_VALUE
         directive @onInputObject on INPUT_OBJECT
         directive @onInputFieldDefinition on INPUT_FIELD_DEFINITION
         type MyObj implements MyInterface @onInterface {
           myField(myArg: Int @onInputFieldDefinition): String @onInputFieldDefinition
         }
         extend type MyObj @onInterface
         scalar MyScalar @onEnum
         extend scalar MyScalar @onEnum
         interface MyInterface @onObject {
           myField(myArg: Int @onInputFieldDefinition): String @onInputFieldDefinition
         }
         extend interface MyInterface @onObject
         union MyUnion @onEnumValue = MyObj | Other
         extend union MyUnion @onEnumValue
         enum MyEnum @onScalar { MY_VALUE @onUnion }
         extend enum MyEnum @onScalar
         input MyInput @onUnion { myField: Int @onArgumentDefinition }
         extend input MyInput @onUnion { other: Int @onArgumentDefinition }
         schema @onObject { query: MyQuery }
         extend schema @onObject
         """, nil),
        ("extend input MyInput { f: Int @onInputFieldDefinition g: Int @onArgumentDefinition }",
         "directive @onInputFieldDefinition on INPUT_FIELD_DEFINITION directive @onArgumentDefinition on ARGUMENT_DEFINITION input MyInput { a: Int }"),
        ("input In @oneOf { a: Int } type T @oneOf { a: Int @oneOf @specifiedBy(url: \"x\") } scalar S @specifiedBy(url: \"x\") @include(if: true)", nil),
        ("query Q @onQuery { a @skip(if: true) @onQuery }", "directive @onQuery on QUERY type Query { a: Int }"),
        // UniqueDirectivesPerLocation
        ("directive @nonRepeatable on SCALAR | OBJECT | SCHEMA directive @repeatable repeatable on SCALAR | OBJECT scalar S @nonRepeatable @repeatable @repeatable @nonRepeatable extend scalar S @nonRepeatable type T @nonRepeatable extend type T @nonRepeatable @nonRepeatable schema @nonRepeatable { query: T } extend schema @nonRepeatable", nil),
        ("extend type T @nonRepeatable extend type T @nonRepeatable", "directive @nonRepeatable on OBJECT type T @nonRepeatable"),
        ("type T { a: Int @deprecated @deprecated b(x: Int @deprecated @deprecated): Int } enum E { A @deprecated @deprecated }", nil),
        // PossibleTypeExtensions
        ("extend scalar Unknown @dummy extend type Unknown @dummy extend interface Unknown @dummy extend union Unknown @dummy extend enum Unknown @dummy extend input Unknown @dummy", "type Known"),
        ("scalar FooScalar type FooObject interface FooInterface union FooUnion enum FooEnum input FooInputObject extend type FooScalar @dummy extend interface FooObject @dummy extend union FooInterface @dummy extend enum FooUnion @dummy extend input FooEnum @dummy extend scalar FooInputObject @dummy", nil),
        ("extend type FooObject @dummy extend scalar FooScalar @dummy", "scalar FooScalar type FooObject"),
        ("extend type Kown { a: Int }", "type Known type Query"),
        ("\"desc\" type Foo extend scalar Foo @dummy", nil),
        // KnownArgumentNamesOnDirectives
        ("type Query { a: Int @deprecated(reason: \"x\", unknown: 1) b: Int @deprecated(reasn: \"x\") } directive @d(arg: Int) on FIELD_DEFINITION extend type Query { c: Int @d(ar: 1) }", nil),
        ("extend type Query @test(unknown: \"\", arg: \"\")", "directive @test(arg: String) on OBJECT type Query { a: Int }"),
        ("type Query { a: Int @unknownDirective(arg: 1) }", nil),
        // UniqueArgumentNames
        ("type Query { a: Int @d(x: 1, x: 2, y: 3, y: 4, x: 5) } directive @d(x: Int, y: Int) repeatable on FIELD_DEFINITION", nil),
        // UniqueInputFieldNames
        ("type Query { a: Int @d(x: { a: 1, b: { a: 1, a: 2 }, a: 3 }) } directive @d(x: In) on FIELD_DEFINITION input In { a: Int b: In }", nil),
        // ProvidedRequiredArgumentsOnDirectives
        ("type Query { a: Int @d b: Int @d(x: 1) c: Int @specifiedBy } directive @d(x: Int!, y: [String!]!, z: Int! = 3) on FIELD_DEFINITION", nil),
        ("extend type Query @test", "directive @test(arg: String!) on OBJECT type Query { a: Int }"),
        ("scalar S @specifiedBy", nil),
        ("directive @d(x: Int!, x: String!) on FIELD_DEFINITION type Query { a: Int @d }", nil),
        // everything at once, error order across rules
        ("""
         schema { query: Q } schema { query: Q query: Q }
         type Q { a: Unknown @unknown @deprecated @deprecated(reason: "x", reason: "y", foo: 1) }
         type Q { b: Int b: Int }
         extend enum Q { X }
         directive @d(a: Int, a: Int!) on FIELD_DEFINITION
         directive @d on FIELD
         """, nil),
    ]
}
