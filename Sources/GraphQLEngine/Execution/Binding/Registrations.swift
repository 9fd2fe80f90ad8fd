// What `SchemaResolvers` records: every registration, with its Swift types erased, so that
// the binder (`SchemaBinder`) needs no knowledge of the request context's type. Typed
// closures become `FieldResolver`s only at bind time, when the schema is known: output
// conversion depends on the field's GraphQL type and argument decoding on the bound scalars.

/// A schema coordinate as registered: `Type.field`, or something malformed (kept so that
/// the bind-time check can report it instead of trapping at registration).
struct RegisteredCoordinate: Sendable, Hashable {
    /// The text as given.
    let text: String
    let typeName: String
    /// Nil when `text` is not of the form `Type.field`.
    let fieldName: String?

    init(_ text: String) {
        self.text = text
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
            typeName = String(parts[0])
            fieldName = String(parts[1])
        } else {
            typeName = text
            fieldName = nil
        }
    }

    init(type: String, field: String) {
        self.init(type + "." + field)
    }
}

/// What the compiled closure of one field needs to know, fixed at bind time.
struct FieldSite: Sendable {
    /// `Type.field` of the object type being served (for error messages).
    let coordinate: String
    /// The field's definition (its type decides output conversion).
    let field: GraphQLField
    /// How arguments are decoded (custom scalars by Swift type).
    let decoding: InputDecoding
}

/// A field resolver registration: the typed closure, waiting for its `FieldSite`.
struct FieldRegistration: Sendable {
    let coordinate: RegisteredCoordinate
    /// The resolver's `Parent` type (used to infer the Swift type behind an object type).
    let parent: SwiftType
    /// The cases of the Swift enum the resolver returns, if it does (checked against the
    /// field's GraphQL enum).
    let resultCases: @Sendable () -> SwiftEnumCases?
    let compile: @Sendable (FieldSite) -> FieldResolver
}

/// A subscription root field's source stream registration.
struct SubscriptionRegistration: Sendable {
    let coordinate: RegisteredCoordinate
    /// The cases of the Swift enum the events are, if they are.
    let eventCases: @Sendable () -> SwiftEnumCases?
    /// The source stream resolver, and the field resolver that serves each event when no
    /// `field` resolver is registered for the coordinate (the event itself, converted).
    let compile: @Sendable (FieldSite) -> (subscribe: SubscribeResolve, event: FieldResolver)
}

/// A Swift type registered (or inferred) as the representation of an object type.
struct ObjectRegistration: Sendable {
    let typeName: String
    let swiftType: SwiftType
}

/// An explicit type resolver for an interface or union.
struct TypeResolverRegistration: Sendable {
    let typeName: String
    let resolve: TypeResolve
}

/// Everything registered, in registration order.
struct Registrations: Sendable {
    var fields: [FieldRegistration] = []
    var subscriptions: [SubscriptionRegistration] = []
    var objects: [ObjectRegistration] = []
    var scalars: [ScalarRegistration] = []
    var passThroughScalars: [String] = []
    var typeResolvers: [TypeResolverRegistration] = []

    mutating func append(contentsOf other: Registrations) {
        fields += other.fields
        subscriptions += other.subscriptions
        objects += other.objects
        scalars += other.scalars
        passThroughScalars += other.passThroughScalars
        typeResolvers += other.typeResolvers
    }
}
