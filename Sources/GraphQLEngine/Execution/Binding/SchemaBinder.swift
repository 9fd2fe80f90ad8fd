// Binding: a schema and its registrations become an `ExecutableSchema`, or one
// `SchemaBindingError` listing every problem. The registrations are first sorted out against
// the schema (SchemaBinder+Registrations.swift), then every field of every object type gets a
// resolver (registered, inherited from an interface registration, or a stored property of the
// type's Swift type), and every abstract type a type resolver (TypeResolution.swift).

/// One run of binding.
struct SchemaBinder {
    let schema: GraphQLSchema
    let registrations: Registrations
    var problems: [String] = []

    // Sorted out from the registrations (see SchemaBinder+Registrations.swift).
    var objectFields: [String: [String: FieldRegistration]] = [:]
    var interfaceFields: [String: [String: FieldRegistration]] = [:]
    var subscriptionFields: [String: SubscriptionRegistration] = [:]
    var swiftTypes: [String: SwiftType] = [:]
    var explicitTypeResolvers: [String: TypeResolve] = [:]
    var decoding = InputDecoding()

    /// The root types' names: their fields need resolvers, they take no Swift type.
    let rootTypeNames: Set<String>

    init(schema: GraphQLSchema, registrations: Registrations) {
        self.schema = schema
        self.registrations = registrations
        rootTypeNames = Set([schema.queryType, schema.mutationType, schema.subscriptionType].compactMap { $0?.name })
    }

    /// What binding produces, for `ExecutableSchema`'s initializer.
    struct Bound {
        var resolvers: [String: [String: FieldResolver]]
        var subscribers: [String: SubscribeResolve]
        var typeResolvers: [String: TypeResolve]
    }

    mutating func bind() throws(SchemaBindingError) -> Bound {
        sortFieldRegistrations()
        sortSubscriptionRegistrations()
        sortObjectRegistrations()
        sortScalarRegistrations()
        sortTypeResolverRegistrations()

        var resolvers: [String: [String: FieldResolver]] = [:]
        var subscribers: [String: SubscribeResolve] = [:]
        for case .object(let type) in schema.types where !type.name.hasPrefix("__") {
            resolvers[type.name] = bindFields(of: type, subscribers: &subscribers)
        }
        var typeResolvers: [String: TypeResolve] = [:]
        let allSwiftTypes = uniqueSwiftTypes()
        for type in schema.types where type.isAbstractType && !type.name.hasPrefix("__") {
            typeResolvers[type.name] = typeResolver(for: type, all: allSwiftTypes)
        }
        guard problems.isEmpty else { throw SchemaBindingError(problems: problems) }
        return Bound(resolvers: resolvers, subscribers: subscribers, typeResolvers: typeResolvers)
    }

    // MARK: Fields

    private mutating func bindFields(
        of type: GraphQLObjectType, subscribers: inout [String: SubscribeResolve]
    ) -> [String: FieldResolver] {
        let isRoot = rootTypeNames.contains(type.name)
        let isSubscriptionRoot = type.name == schema.subscriptionType?.name
        let properties = swiftTypes[type.name]?.storedProperties() ?? [:]
        var resolvers: [String: FieldResolver] = [:]
        for field in type.fields {
            let coordinate = type.name + "." + field.name
            let site = FieldSite(coordinate: coordinate, field: field, decoding: decoding)
            var eventResolver: FieldResolver? = nil
            if isSubscriptionRoot {
                if let registration = subscriptionFields[field.name] {
                    let compiled = registration.compile(site)
                    subscribers[field.name] = compiled.subscribe
                    eventResolver = compiled.event
                    checkEnumCases(coordinate, field, registration.eventCases())
                } else {
                    problems.append(
                        "\(coordinate): no source stream (register subscription(\"\(coordinate)\") { args, context in ... })"
                    )
                }
            }
            if let registration = objectFields[type.name]?[field.name] ?? inheritedRegistration(type, field) {
                resolvers[field.name] = registration.compile(site)
                checkEnumCases(coordinate, field, registration.resultCases())
            } else if let eventResolver {
                resolvers[field.name] = eventResolver
            } else if isSubscriptionRoot {
                continue  // reported above
            } else if isRoot {
                problems.append("\(coordinate): no resolver (root fields need one: field(\"\(coordinate)\") { ... })")
            } else if let property = properties[field.name] {
                resolvers[field.name] = .sync(property.reader(site))
                checkEnumCases(coordinate, field, property.cases())
            } else if let swiftType = swiftTypes[type.name] {
                problems.append(
                    "\(coordinate): no resolver, and \(type.name)'s Swift type \(swiftType.name) has no stored "
                        + "property \"\(field.name)\""
                        + BindingWords.suggestion(field.name, Array(properties.keys), noun: "property"))
            } else {
                problems.append(
                    "\(coordinate): no resolver, and \(type.name) has no Swift type "
                        + "(register object(\"\(type.name)\", <Swift type>.self) or a resolver)")
            }
        }
        return resolvers
    }

    /// The registration of an interface field that `type` implements, when exactly one of
    /// its interfaces has one (more is reported: which should win is not ours to guess).
    private mutating func inheritedRegistration(_ type: GraphQLObjectType, _ field: GraphQLField) -> FieldRegistration?
    {
        let candidates = type.interfaces.compactMap { interface in
            interfaceFields[interface.name]?[field.name].map { (interface.name, $0) }
        }
        if candidates.count > 1 {
            let names = candidates.map(\.0).sorted()
            problems.append(
                "\(type.name).\(field.name): no resolver of its own, and the resolvers of "
                    + "\(names.joined(separator: " and ")) all apply (register one for \(type.name).\(field.name))")
        }
        return candidates.count == 1 ? candidates[0].1 : nil
    }

    /// A Swift enum returned for a GraphQL enum must only have raw values the enum has.
    private mutating func checkEnumCases(_ coordinate: String, _ field: GraphQLField, _ cases: SwiftEnumCases?) {
        guard let cases, case .enum(let enumType) = field.type.namedType else { return }
        let names = enumType.valueMap.names
        let unknown = cases.rawValues.filter { enumType.value(named: $0) == nil }
        guard !unknown.isEmpty else { return }
        let listed = unknown.map { "\"\($0)\"" + BindingWords.suggestion($0, names) }
        problems.append(
            "\(coordinate): the Swift enum \(cases.typeName) has raw values that are not values of the enum "
                + "\(enumType.name): \(listed.joined(separator: ", "))")
    }

    // MARK: Abstract types

    /// The explicit type resolver, or one from the Swift types of the possible types.
    private mutating func typeResolver(for type: GraphQLNamedType, all: [ObjectIdentifier: String]) -> TypeResolve {
        if let explicit = explicitTypeResolvers[type.name] { return explicit }
        var possible: [ObjectIdentifier: String] = [:]
        for object in schema.possibleTypes(of: type) {
            guard let swiftType = swiftTypes[object.name] else {
                problems.append(
                    "\(type.name): its possible type \(object.name) has no Swift type to recognize its values by "
                        + "(register object(\"\(object.name)\", <Swift type>.self) or typeResolver(\"\(type.name)\"))")
                continue
            }
            if let other = possible[swiftType.id] {
                let pair = [other, object.name].sorted()
                problems.append(
                    "\(type.name): its possible types \(pair[0]) and \(pair[1]) share the Swift type \(swiftType.name), "
                        + "so their values cannot be told apart (use distinct Swift types or typeResolver(\"\(type.name)\"))"
                )
                continue
            }
            possible[swiftType.id] = object.name
        }
        return TypeResolution.resolver(possible: possible, all: all)
    }

    /// Swift type → object type name, for the Swift types that back a single object type.
    private func uniqueSwiftTypes() -> [ObjectIdentifier: String] {
        var names: [ObjectIdentifier: String] = [:]
        var shared: Set<ObjectIdentifier> = []
        for (name, swiftType) in swiftTypes {
            if names[swiftType.id] != nil { shared.insert(swiftType.id) }
            names[swiftType.id] = name
        }
        for id in shared { names[id] = nil }
        return names
    }
}
