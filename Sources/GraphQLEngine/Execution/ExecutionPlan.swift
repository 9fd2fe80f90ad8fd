// The precomputed shape of an execution: per (object type, selection set) the collected
// fields with their definitions, resolvers, argument values and completion plans. Built
// by CollectFields once per document (and cached with it), or per request where
// `@skip`/`@include` read variables.

import Foundation

/// How a value of a field's type is completed, precomputed from the type.
final class CompletionPlan: Sendable {
    /// Non-null wrapper at this position.
    let nonNull: Bool
    let kind: Kind

    enum Kind: Sendable {
        case leaf(LeafKind)
        case list(CompletionPlan)
        case object(GraphQLObjectType)
        case abstract(GraphQLNamedType)
    }

    init(nonNull: Bool, kind: Kind) {
        self.nonNull = nonNull
        self.kind = kind
    }

    /// The plan for `type`; `enums` gives the enum serializers of the schema.
    convenience init(_ type: GraphQLType, enums: [String: EnumSerializer]) {
        var nonNull = false
        var type = type
        if case .nonNull(let inner) = type {
            nonNull = true
            type = inner
        }
        switch type {
        case .nonNull(let inner):  // not produced by the type system; treat as one wrapper
            self.init(inner, enums: enums)
            return
        case .list(let item):
            self.init(nonNull: nonNull, kind: .list(CompletionPlan(item, enums: enums)))
        case .named(let named):
            switch named {
            case .scalar(let s): self.init(nonNull: nonNull, kind: .leaf(LeafKind(s)))
            case .enum(let e):
                self.init(nonNull: nonNull, kind: .leaf(.enumeration(enums[e.name] ?? EnumSerializer(e))))
            case .object(let o): self.init(nonNull: nonNull, kind: .object(o))
            case .interface, .union: self.init(nonNull: nonNull, kind: .abstract(named))
            case .inputObject:
                // Not an output type; graphql-js throws "Cannot complete value of unexpected output type".
                self.init(nonNull: nonNull, kind: .leaf(.invalidOutput(named.name)))
            }
        }
    }
}

/// Leaf serialization, with the built-in scalars recognized once.
enum LeafKind: Sendable {
    case string, int, float, boolean, id
    case custom(GraphQLScalarType)
    case enumeration(EnumSerializer)
    case invalidOutput(String)

    init(_ scalar: GraphQLScalarType) {
        if scalar === GraphQLString {
            self = .string
        } else if scalar === GraphQLInt {
            self = .int
        } else if scalar === GraphQLFloat {
            self = .float
        } else if scalar === GraphQLBoolean {
            self = .boolean
        } else if scalar === GraphQLID {
            self = .id
        } else {
            self = .custom(scalar)
        }
    }
}

/// What the executor does for a field.
enum FieldAction: Sendable {
    /// `__typename`: the parent type's name, no resolver.
    case typename
    case resolve(FieldResolver)
}

/// The arguments of a field occurrence.
enum ArgumentPlan: Sendable {
    /// No argument definitions: always empty.
    case none
    /// Literal-only arguments, coerced once (or the coercion error, raised per execution).
    case constant(Result<InputFields, GraphQLError>)
    /// Arguments that read variables: coerced once per request.
    case perRequest
}

/// One collected field of a selection plan: a response key, its field nodes and what the
/// executor needs to run and complete it.
final class PlannedField: Sendable {
    let responseKey: String
    /// `"responseKey":` as JSON bytes.
    let keyBytes: [UInt8]
    let fieldNodes: [Field]
    let definition: GraphQLField
    let parentType: GraphQLObjectType
    let action: FieldAction
    let arguments: ArgumentPlan
    let completion: CompletionPlan
    /// The source of the document (for error locations).
    let source: Source?
    /// Plans of the sub-selection per runtime object type.
    let childPlans = ChildPlanCache()

    init(
        responseKey: String, fieldNodes: [Field], definition: GraphQLField, parentType: GraphQLObjectType,
        action: FieldAction, arguments: ArgumentPlan, completion: CompletionPlan, source: Source?
    ) {
        self.responseKey = responseKey
        self.keyBytes = jsonKeyBytes(responseKey)
        self.fieldNodes = fieldNodes
        self.definition = definition
        self.parentType = parentType
        self.action = action
        self.arguments = arguments
        self.completion = completion
        self.source = source
    }

    /// The field's locations, as errors report them (every field node).
    var locations: [SourceLocation] {
        guard let source else { return [] }
        return fieldNodes.map { source.location(at: $0.loc.start) }
    }
}

/// The collected fields of one object type for one (merged) selection set.
final class SelectionPlan: Sendable {
    let objectType: GraphQLObjectType
    let fields: [PlannedField]
    /// Whether `@skip`/`@include` read variables while collecting (then the plan is not shared).
    let dependsOnVariables: Bool

    init(objectType: GraphQLObjectType, fields: [PlannedField], dependsOnVariables: Bool) {
        self.objectType = objectType
        self.fields = fields
        self.dependsOnVariables = dependsOnVariables
    }
}

/// A lock-guarded cache of sub-selection plans per runtime type, shared by the requests
/// that execute the same prepared document.
final class ChildPlanCache: @unchecked Sendable {
    // @unchecked: `entries` is only read or written with `lock` held.
    private let lock = NSLock()
    private var entries: [(ObjectIdentifier, Result<SelectionPlan, GraphQLError>)] = []

    func get(_ type: GraphQLObjectType) -> Result<SelectionPlan, GraphQLError>? {
        let id = ObjectIdentifier(type)
        lock.lock()
        defer { lock.unlock() }
        for (key, plan) in entries where key == id { return plan }
        return nil
    }

    func set(_ type: GraphQLObjectType, _ plan: Result<SelectionPlan, GraphQLError>) {
        let id = ObjectIdentifier(type)
        lock.lock()
        defer { lock.unlock() }
        if !entries.contains(where: { $0.0 == id }) { entries.append((id, plan)) }
    }
}
