// Turning a resolver's typed result into what the executor completes, decided once per field
// from the static result type: a Swift enum (any `RawRepresentable` with a `String` raw value)
// returned for a GraphQL enum, `String` or `ID` becomes its raw value, also inside optionals
// and arrays; a top-level optional is flattened so that `.none` reaches the executor as `nil`.
// Everything else passes through untouched, at the cost of one indirect call.

/// Builds result converters.
enum ResultConversion {
    /// The converter for results of type `Result` of a field of GraphQL type `fieldType`.
    static func converter<Result>(for type: Result.Type, fieldType: GraphQLType) -> @Sendable (Result) -> Any? {
        let rawValues = takesRawValues(fieldType.namedType)
        if let convert = elementConverter(Result.self, rawValues: rawValues) { return convert }
        if let optional = Result.self as? any OptionalResult.Type,
            let flatten = optional.flattener as? @Sendable (Result) -> Any?
        {
            return flatten
        }
        return { $0 }
    }

    /// Whether results of a field of this named type are the raw values of Swift enums: its
    /// enum values are names (strings) and String and ID serialize strings, while custom
    /// scalars serialize the Swift values they are bound to (which may be `RawRepresentable`).
    static func takesRawValues(_ type: GraphQLNamedType) -> Bool {
        switch type {
        case .enum: true
        case .scalar(let s): s === GraphQLString || s === GraphQLID
        default: false
        }
    }

    /// A converter for `Element`, or nil when values pass through as they are.
    static func elementConverter<Element>(_ type: Element.Type, rawValues: Bool) -> (@Sendable (Element) -> Any?)? {
        if let optional = Element.self as? any OptionalResult.Type {
            return optional.converter(rawValues: rawValues) as? @Sendable (Element) -> Any?
        }
        if let array = Element.self as? any ArrayResult.Type {
            return array.converter(rawValues: rawValues) as? @Sendable (Element) -> Any?
        }
        if rawValues, let raw = Element.self as? any RawRepresentable<String>.Type,
            let reader = rawValueReader(raw) as? any RawValueReader<Element>
        {
            return { reader.rawValue(of: $0) }
        }
        return nil
    }

    /// A `RawValueReader<Value>` (see FieldCompilation.swift on closures and conformances).
    private static func rawValueReader<Value: RawRepresentable<String>>(_ type: Value.Type) -> Any {
        StringRawValue<Value>()
    }

    /// The raw values of a `CaseIterable` Swift enum found under the optionals and arrays of
    /// `Result` (nil for other types): the bind-time check compares them with the GraphQL enum.
    static func enumCases<Result>(of type: Result.Type) -> SwiftEnumCases? {
        if let optional = Result.self as? any OptionalResult.Type { return enumCases(ofAny: optional.wrappedType) }
        if let array = Result.self as? any ArrayResult.Type { return enumCases(ofAny: array.elementType) }
        if let cases = Result.self as? any (CaseIterable & RawRepresentable<String>).Type {
            return SwiftEnumCases(typeName: String(describing: Result.self), rawValues: rawValues(cases))
        }
        return nil
    }

    private static func enumCases(ofAny type: Any.Type) -> SwiftEnumCases? {
        func open<T>(_ t: T.Type) -> SwiftEnumCases? { enumCases(of: t) }
        return open(type)
    }

    private static func rawValues<Value: CaseIterable & RawRepresentable<String>>(_ type: Value.Type) -> [String] {
        Value.allCases.map(\.rawValue)
    }
}

/// The raw values of a `CaseIterable` Swift enum.
struct SwiftEnumCases: Sendable {
    let typeName: String
    let rawValues: [String]
}

/// Reads the raw value of a Swift enum.
protocol RawValueReader<Value>: Sendable {
    associatedtype Value
    func rawValue(of value: Value) -> String
}

private struct StringRawValue<Value: RawRepresentable<String>>: RawValueReader {
    func rawValue(of value: Value) -> String { value.rawValue }
}

/// `Optional`, seen through a metatype cast (Swift cannot test `Result == Optional<W>` statically
/// in a generic context).
protocol OptionalResult {
    static var wrappedType: Any.Type { get }
    /// A `@Sendable (Self) -> Any?` converting the wrapped value, or nil when none is needed.
    static func converter(rawValues: Bool) -> Any?
    /// A `@Sendable (Self) -> Any?` returning the wrapped value or nil.
    static var flattener: Any { get }
}

extension Optional: OptionalResult {
    static var wrappedType: Any.Type { Wrapped.self }

    static func converter(rawValues: Bool) -> Any? {
        guard let inner = ResultConversion.elementConverter(Wrapped.self, rawValues: rawValues) else { return nil }
        let convert: @Sendable (Wrapped?) -> Any? = { $0.flatMap(inner) }
        return convert
    }

    static var flattener: Any {
        let flatten: @Sendable (Wrapped?) -> Any? = { $0.map { $0 as Any } }
        return flatten
    }
}

/// `Array`, seen through a metatype cast.
protocol ArrayResult {
    static var elementType: Any.Type { get }
    /// A `@Sendable (Self) -> Any?` converting every element, or nil when none is needed.
    static func converter(rawValues: Bool) -> Any?
}

extension Array: ArrayResult {
    static var elementType: Any.Type { Element.self }

    static func converter(rawValues: Bool) -> Any? {
        guard let inner = ResultConversion.elementConverter(Element.self, rawValues: rawValues) else { return nil }
        let convert: @Sendable ([Element]) -> Any? = { $0.map(inner) }
        return convert
    }
}
