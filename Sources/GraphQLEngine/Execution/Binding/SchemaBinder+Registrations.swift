// The first half of binding: each registration checked against the schema and sorted into the
// binder's tables; whatever does not fit becomes a problem.

extension SchemaBinder {
    /// The schema's type names, for suggestions (introspection types are the engine's).
    private var typeNames: [String] {
        schema.types.map(\.name).filter { !$0.hasPrefix("__") }
    }

    /// The schema type named `name`, or nil after reporting why `what` cannot refer to it.
    private mutating func namedType(_ name: String, for what: String, subject: String) -> GraphQLNamedType? {
        guard let type = schema.type(named: name) else {
            problems.append(
                "\(subject): \(what), but the schema has no type \"\(name)\"" + BindingWords.suggestion(name, typeNames)
            )
            return nil
        }
        if name.hasPrefix("__") {
            problems.append("\(subject): \(what), but \(name) is an introspection type, which the engine serves")
            return nil
        }
        return type
    }

    /// The field a coordinate names, or nil after reporting why it names none.
    private mutating func field(_ coordinate: RegisteredCoordinate, _ what: String) -> (GraphQLNamedType, GraphQLField)?
    {
        guard let fieldName = coordinate.fieldName else {
            problems.append("\"\(coordinate.text)\": \(what), but a field coordinate is written \"Type.field\"")
            return nil
        }
        guard let type = namedType(coordinate.typeName, for: what, subject: coordinate.text) else { return nil }
        guard let fields = type.fieldMap else {
            problems.append(
                "\(coordinate.text): \(what), but \(type.name) is \(BindingWords.kind(type)) "
                    + "(only fields of object types and interfaces take resolvers)")
            return nil
        }
        guard let field = fields[fieldName] else {
            problems.append(
                "\(coordinate.text): \(what), but the schema has no such field"
                    + BindingWords.suggestion(fieldName, fields.names))
            return nil
        }
        return (type, field)
    }

    // MARK: Fields and subscriptions

    mutating func sortFieldRegistrations() {
        var counts: [String: Int] = [:]
        for registration in registrations.fields {
            let coordinate = registration.coordinate
            guard let (type, field) = field(coordinate, "registered") else { continue }
            counts[coordinate.text, default: 0] += 1
            if case .interface = type {
                interfaceFields[type.name, default: [:]][field.name] =
                    interfaceFields[type.name]?[field.name] ?? registration
            } else {
                objectFields[type.name, default: [:]][field.name] = objectFields[type.name]?[field.name] ?? registration
            }
        }
        for (text, count) in counts where count > 1 {
            problems.append("\(text): registered \(count) times (keep one resolver)")
        }
    }

    mutating func sortSubscriptionRegistrations() {
        var counts: [String: Int] = [:]
        for registration in registrations.subscriptions {
            let coordinate = registration.coordinate
            guard let (type, field) = field(coordinate, "registered as a subscription") else { continue }
            guard type.name == schema.subscriptionType?.name else {
                let root =
                    schema.subscriptionType.map { "the subscription type is \($0.name)" } ?? "the schema has none"
                problems.append(
                    "\(coordinate.text): registered as a subscription, but \(type.name) is not the subscription type "
                        + "(\(root)); register its resolver with field(\"\(coordinate.text)\") { ... }")
                continue
            }
            counts[coordinate.text, default: 0] += 1
            subscriptionFields[field.name] = subscriptionFields[field.name] ?? registration
        }
        for (text, count) in counts where count > 1 {
            problems.append("\(text): registered as a subscription \(count) times (keep one source stream)")
        }
    }

    // MARK: Swift types

    /// Explicit registrations first; an object type without one gets the `Parent` type its
    /// resolvers agree on (`Any`, `Void` and protocol types say nothing about the type).
    mutating func sortObjectRegistrations() {
        let roots = rootTypeNames
        for registration in registrations.objects {
            let name = registration.typeName
            let swiftType = registration.swiftType
            let what = "registered as the object type of \(swiftType.name)"
            guard let type = namedType(name, for: what, subject: name) else { continue }
            guard case .object = type else {
                let hint = type.isAbstractType ? " (register Swift types for its possible types)" : ""
                problems.append("\(name): \(what), but \(name) is \(BindingWords.kind(type))\(hint)")
                continue
            }
            if roots.contains(name) {
                problems.append("\(name): \(what), but root types take no Swift type (their fields need resolvers)")
                continue
            }
            if !swiftType.isConcrete {
                problems.append(
                    "\(name): \(what), but no value has \(swiftType.name) as its type (register a struct, class or enum)"
                )
                continue
            }
            if let existing = swiftTypes[name] {
                if existing.id != swiftType.id {
                    let pair = [existing.name, swiftType.name].sorted()
                    problems.append("\(name): registered as the object type of both \(pair[0]) and \(pair[1])")
                }
                continue
            }
            swiftTypes[name] = swiftType
        }
        for (typeName, fields) in objectFields where swiftTypes[typeName] == nil && !roots.contains(typeName) {
            var candidates: [ObjectIdentifier: SwiftType] = [:]
            for registration in fields.values where registration.parent.isConcrete {
                candidates[registration.parent.id] = registration.parent
            }
            if candidates.count == 1, let only = candidates.values.first {
                swiftTypes[typeName] = only
            } else if candidates.count > 1 {
                let names = candidates.values.map(\.name).sorted().joined(separator: ", ")
                problems.append(
                    "\(typeName): its resolvers take parents of different Swift types (\(names)); "
                        + "declare its own with object(\"\(typeName)\", <Swift type>.self)")
            }
        }
    }

    // MARK: Scalars

    mutating func sortScalarRegistrations() {
        var bound: [String: ScalarRegistration] = [:]
        for registration in registrations.scalars {
            guard acceptsScalar(registration.name, "scalar registered") else { continue }
            if bound[registration.name] != nil {
                problems.append("\(registration.name): scalar registered more than once (keep one implementation)")
                continue
            }
            bound[registration.name] = registration
        }
        var passThrough: Set<String> = []
        for name in registrations.passThroughScalars where acceptsScalar(name, "registered as a pass-through scalar") {
            if bound[name] != nil {
                problems.append("\(name): registered both as a bound scalar and as a pass-through one (keep one)")
            }
            passThrough.insert(name)
        }
        for case .scalar(let scalar) in schema.types
        where !isSpecifiedScalarName(scalar.name) && bound[scalar.name] == nil && !passThrough.contains(scalar.name) {
            problems.append(
                "\(scalar.name): custom scalar without an implementation (register scalar(\"\(scalar.name)\", ...) "
                    + "or passThroughScalar(\"\(scalar.name)\"))")
        }
        var parsers: [ObjectIdentifier: InputDecoding.ScalarParser] = [:]
        var owners: [ObjectIdentifier: [String]] = [:]
        for registration in bound.values {
            parsers[registration.swiftType] = registration.parse
            owners[registration.swiftType, default: []].append(registration.name)
        }
        for (id, names) in owners where names.count > 1 {
            let swiftName = bound[names[0]]?.swiftTypeName ?? "\(id)"
            problems.append(
                "\(names.sorted().joined(separator: ", ")): these scalars are all bound to the Swift type \(swiftName), "
                    + "so arguments cannot tell which one to parse (bind each to a type of its own)")
        }
        decoding = InputDecoding(scalars: parsers)
    }

    /// Whether `name` is a custom scalar of the schema (else reported).
    private mutating func acceptsScalar(_ name: String, _ what: String) -> Bool {
        if isSpecifiedScalarName(name) {
            problems.append("\(name): \(what), but \(name) is a built-in scalar, which the engine implements")
            return false
        }
        guard let type = namedType(name, for: what, subject: name) else { return false }
        guard case .scalar = type else {
            problems.append("\(name): \(what), but \(name) is \(BindingWords.kind(type))")
            return false
        }
        return true
    }

    // MARK: Type resolvers

    mutating func sortTypeResolverRegistrations() {
        for registration in registrations.typeResolvers {
            let name = registration.typeName
            guard let type = namedType(name, for: "type resolver registered", subject: name) else { continue }
            guard type.isAbstractType else {
                problems.append(
                    "\(name): type resolver registered, but \(name) is \(BindingWords.kind(type)) "
                        + "(only interfaces and unions take one)")
                continue
            }
            if explicitTypeResolvers[name] != nil {
                problems.append("\(name): type resolver registered more than once (keep one)")
                continue
            }
            explicitTypeResolvers[name] = registration.resolve
        }
    }
}
