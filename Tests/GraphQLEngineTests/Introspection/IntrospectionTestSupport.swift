// Test support for the introspection resolvers: a real `ResolveInfo` to call resolvers
// with, and a small stand-in executor that runs introspection-only documents through
// `IntrospectionResolvers` alone, writing the result as graphql-js's `JSON.stringify`
// would. The stand-in lets the resolvers be checked against graphql-js before (and
// independently of) the real executor; it knows only what introspection needs: fields,
// aliases, fragments, literal arguments, lists, objects and the String/Boolean/enum leaves.

import XCTest
@testable import GraphQLEngine

/// A schema with what the executor hands its resolvers: the objects behind a `ResolveInfo`
/// (which refers to them unretained, so the harness keeps them alive).
final class IntrospectionHarness {
    let schema: GraphQLSchema
    private let shared: RequestShared
    private var plannedFields: [PlannedField] = []

    init(schema: GraphQLSchema) throws {
        self.schema = schema
        let prepared = PreparedDocument(executable: ExecutableSchema(schema: schema), document: try parse("{ __typename }"))
        shared = RequestShared(
            prepared: prepared, operation: prepared.operations[0], variables: [:], rootValue: nil, context: (),
            scope: BatchScope())
    }

    convenience init(sdl: String) throws {
        try self.init(schema: try buildSchema(sdl))
    }

    /// A `ResolveInfo` for `definition` of `parentType`, valid as long as the harness.
    func info(_ definition: GraphQLField, of parentType: GraphQLObjectType, nodes: [Field] = []) -> ResolveInfo {
        let planned = PlannedField(
            responseKey: definition.name, fieldNodes: nodes, definition: definition, parentType: parentType,
            action: .typename, arguments: .none, completion: CompletionPlan(definition.type, enums: [:]), source: nil)
        plannedFields.append(planned)
        return ResolveInfo(request: .passUnretained(shared), field: .passUnretained(planned), location: .materialized([]))
    }

    /// Calls the introspection resolver of `typeName.field` (which must exist) on `parent`.
    func resolve(
        _ typeName: String, _ field: String, _ parent: Any, _ arguments: [String: InputValue] = [:],
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> Any? {
        guard let resolver = IntrospectionResolvers.resolver(typeName: typeName, field: field) else {
            XCTFail("no introspection resolver for \(typeName).\(field)", file: file, line: line)
            return nil
        }
        let parentType: GraphQLObjectType
        let definition: GraphQLField
        switch field {
        case "__schema":
            parentType = schema.queryType!
            definition = Introspection.schemaMetaField
        case "__type":
            parentType = schema.queryType!
            definition = Introspection.typeMetaField
        default:
            guard case .object(let t)? = schema.type(named: typeName), let d = t.field(named: field) else {
                XCTFail("no field \(typeName).\(field)", file: file, line: line)
                return nil
            }
            parentType = t
            definition = d
        }
        guard case .sync(let resolve) = resolver else {
            XCTFail("\(typeName).\(field) is not synchronous", file: file, line: line)
            return nil
        }
        return try resolve(parent, InputFields(arguments.map { ($0.key, $0.value) }), (), info(definition, of: parentType))
    }
}

/// graphql-js 16.11's `getIntrospectionQuery` with every option on (`descriptions`,
/// `specifiedByUrl`, `directiveIsRepeatable`, `schemaDescription`,
/// `inputValueDeprecation`, `oneOf`).
let fullIntrospectionQuery = """
    query IntrospectionQuery {
      __schema {
        description
        queryType { name kind }
        mutationType { name kind }
        subscriptionType { name kind }
        types {
          ...FullType
        }
        directives {
          name
          description
          isRepeatable
          locations
          args(includeDeprecated: true) {
            ...InputValue
          }
        }
      }
    }

    fragment FullType on __Type {
      kind
      name
      description
      specifiedByURL
      isOneOf
      fields(includeDeprecated: true) {
        name
        description
        args(includeDeprecated: true) {
          ...InputValue
        }
        type {
          ...TypeRef
        }
        isDeprecated
        deprecationReason
      }
      inputFields(includeDeprecated: true) {
        ...InputValue
      }
      interfaces {
        ...TypeRef
      }
      enumValues(includeDeprecated: true) {
        name
        description
        isDeprecated
        deprecationReason
      }
      possibleTypes {
        ...TypeRef
      }
    }

    fragment InputValue on __InputValue {
      name
      description
      type { ...TypeRef }
      defaultValue
      isDeprecated
      deprecationReason
    }

    fragment TypeRef on __Type {
      kind
      name
      ofType {
        kind
        name
        ofType {
          kind
          name
          ofType {
            kind
            name
            ofType {
              kind
              name
              ofType {
                kind
                name
                ofType {
                  kind
                  name
                  ofType {
                    kind
                    name
                    ofType {
                      kind
                      name
                      ofType {
                        kind
                        name
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    """

/// Every field of every `__` type, with and without `includeDeprecated`, on every type of
/// the schema (and, through `TypeRef`, on list and non-null wrappers).
let exhaustiveIntrospectionQuery = """
    {
      __schema {
        description
        queryType { ...TypeRef }
        mutationType { ...TypeRef }
        subscriptionType { ...TypeRef }
        types { ...AllOfType }
        directives {
          name
          description
          isRepeatable
          locations
          args { ...InputValue }
          allArgs: args(includeDeprecated: true) { ...InputValue }
          nullArgs: args(includeDeprecated: null) { name }
          falseArgs: args(includeDeprecated: false) { name }
        }
      }
      missing: __type(name: "NoSuchType") { name }
      typeType: __type(name: "__Type") { ...AllOfType }
      string: __type(name: "String") { ...AllOfType }
      __typename
    }

    fragment AllOfType on __Type {
      __typename
      kind
      name
      description
      specifiedByURL
      isOneOf
      fields {
        __typename
        name
        description
        args { ...InputValue }
        allArgs: args(includeDeprecated: true) { ...InputValue }
        type { ...TypeRef }
        isDeprecated
        deprecationReason
      }
      allFields: fields(includeDeprecated: true) { name isDeprecated deprecationReason args { name } }
      nullFields: fields(includeDeprecated: null) { name }
      interfaces { ...TypeRef }
      possibleTypes { ...TypeRef }
      enumValues { __typename name description isDeprecated deprecationReason }
      allEnumValues: enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
      inputFields { ...InputValue }
      allInputFields: inputFields(includeDeprecated: true) { ...InputValue }
      ofType { name }
    }

    fragment InputValue on __InputValue {
      __typename
      name
      description
      type { ...TypeRef }
      defaultValue
      isDeprecated
      deprecationReason
    }

    fragment TypeRef on __Type {
      kind
      name
      description
      specifiedByURL
      isOneOf
      fields { name }
      interfaces { name }
      possibleTypes { name }
      enumValues { name }
      inputFields { name }
      ofType {
        kind
        name
        description
        fields { name }
        inputFields { name }
        isOneOf
        ofType {
          kind
          name
          ofType {
            kind
            name
            ofType { kind name ofType { kind name } }
          }
        }
      }
    }
    """

/// Where graphql-js's answers come from: the conformance corpus's `oracle.js`, which adds
/// graphql-js 16.11's `@oneOf` and `__Type.isOneOf` to Debian's graphql-js 16.6.
func conformanceOraclePath(filePath: String = #filePath) -> String? {
    var candidates: [URL] = []
    if let dir = ProcessInfo.processInfo.environment["CONFORMANCE_DIR"], !dir.isEmpty {
        candidates.append(URL(fileURLWithPath: dir).deletingLastPathComponent().appendingPathComponent("oracle.js"))
    }
    // filePath = <repo>/Tests/GraphQLEngineTests/Introspection/<file>.swift; shared/ is next to <repo>.
    let repoRoot = URL(fileURLWithPath: filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(repoRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/oracle.js"))
    return candidates.map(\.path).first { FileManager.default.fileExists(atPath: $0) }
}

/// A node script that answers `[{schema, query}]` with graphql-js's
/// `JSON.stringify(execute(...))` for each (the 16.11 emulation of `oracle.js`).
func introspectionOracleScript(oraclePath: String) -> String {
    let path = String(data: try! JSONSerialization.data(withJSONObject: [oraclePath]), encoding: .utf8)!
    return """
        const oracle = require(\(path)[0]);
        const out = input.map(({ schema, query }) => {
          try {
            const result = oracle.computeExpected({
              phase: 'execute', schema, document: query, rootValue: null, variables: null, operationName: null,
            });
            return JSON.stringify(result);
          } catch (e) {
            return 'exception: ' + String(e && e.message ? e.message : e);
          }
        });
        process.stdout.write(JSON.stringify(out));
        """
}

/// The first difference of two texts, with some context, for failure messages.
func firstDifference(_ a: String, _ b: String) -> String {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    var i = 0
    while i < x.count, i < y.count, x[i] == y[i] { i += 1 }
    func around(_ s: [Unicode.Scalar]) -> String {
        var out = ""
        out.unicodeScalars.append(contentsOf: s[max(0, i - 200)..<min(s.count, i + 200)])
        return out
    }
    return "at character \(i):\n--- graphql-js\n…\(around(x))…\n--- ours\n…\(around(y))…"
}
