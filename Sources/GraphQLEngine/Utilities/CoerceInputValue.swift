// graphql-js `utilities/coerceInputValue` (16.6 object handling, with 16.11's OneOf check),
// which the executor uses to coerce variable values.

/// Receives each coercion problem: the path inside the value, the offending value (nil =
/// undefined) and the error.
public typealias InputCoercionErrorHandler = (_ path: [PathComponent], _ invalidValue: InputValue?, _ error: GraphQLError) -> Void

/// graphql-js `coerceInputValue` with an `onError` callback: coerces a JSON-shaped value
/// (nil = not given) to `type`, reporting every problem; the result is meaningful only
/// when `onError` was not called.
public func coerceInputValue(
    _ inputValue: InputValue?, _ type: GraphQLType, onError: InputCoercionErrorHandler
) -> InputValue? {
    var path: [PathComponent] = []
    return coerce(inputValue, type, onError, &path)
}

/// graphql-js `coerceInputValue` with its default error handler: throws the first problem,
/// its message prefixed with `Invalid value <value>` and, inside the value, `at "value<path>"`.
public func coerceInputValue(_ inputValue: InputValue?, _ type: GraphQLType) throws(GraphQLError) -> InputValue? {
    var first: GraphQLError? = nil
    let result = coerceInputValue(inputValue, type) { path, invalidValue, error in
        guard first == nil else { return }
        var prefix = "Invalid value " + inspect(invalidValue)
        if !path.isEmpty { prefix += " at \"value\(printPathArray(path))\"" }
        var e = error
        e.message = prefix + ": " + error.message
        first = e
    }
    if let first { throw first }
    return result
}

/// graphql-js `printPathArray`: `.key` and `[index]` steps.
public func printPathArray(_ path: [PathComponent]) -> String {
    path.map {
        switch $0 {
        case .key(let k): "." + k
        case .index(let i): "[\(i)]"
        }
    }.joined()
}

private func coerce(
    _ inputValue: InputValue?, _ type: GraphQLType, _ onError: InputCoercionErrorHandler, _ path: inout [PathComponent]
) -> InputValue? {
    if case .nonNull(let inner) = type {
        if let inputValue, !inputValue.isNull {
            return coerce(inputValue, inner, onError, &path)
        }
        onError(path, inputValue, GraphQLError(message: "Expected non-nullable type \"\(type)\" not to be null."))
        return nil
    }
    guard let inputValue, !inputValue.isNull else { return .null }

    switch type {
    case .nonNull:
        return nil  // handled above
    case .list(let itemType):
        guard case .list(let items) = inputValue else {
            return coerce(inputValue, itemType, onError, &path).map { .list([$0]) } ?? .list([.null])
        }
        var coerced: [InputValue] = []
        coerced.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            path.append(.index(index))
            coerced.append(coerce(item, itemType, onError, &path) ?? .null)
            path.removeLast()
        }
        return .list(coerced)
    case .named(.inputObject(let inputType)):
        return coerceInputObject(inputValue, inputType, onError, &path)
    case .named(.scalar(let scalar)):
        do {
            return try scalar.parseValue(inputValue)
        } catch {
            onError(path, inputValue, error)
            return nil
        }
    case .named(.enum(let enumType)):
        do {
            return try enumType.parseValue(inputValue)
        } catch {
            onError(path, inputValue, error)
            return nil
        }
    case .named(.object), .named(.interface), .named(.union):
        return nil  // not an input type
    }
}

private func coerceInputObject(
    _ inputValue: InputValue, _ type: GraphQLInputObjectType, _ onError: InputCoercionErrorHandler,
    _ path: inout [PathComponent]
) -> InputValue? {
    // graphql-js 16.6 takes any object-like value, arrays included (as objects keyed "0", "1", ...).
    let given: InputFields
    switch inputValue {
    case .object(let o): given = o
    case .list(let items): given = InputFields(items.enumerated().map { (String($0.offset), $0.element) })
    default:
        onError(path, inputValue, GraphQLError(message: "Expected type \"\(type.name)\" to be an object."))
        return nil
    }
    // Keys whose coercion failed still count (graphql-js stores `undefined` under them).
    var coercedKeys: [String] = []
    var coerced = InputFields()
    for field in type.fields {
        guard let fieldValue = given[field.name] else {
            if let defaultValue = field.defaultValue {
                coercedKeys.append(field.name)
                coerced[field.name] = defaultValue
            } else if field.type.isNonNull {
                onError(
                    path, inputValue,
                    GraphQLError(message: "Field \"\(field.name)\" of required type \"\(field.type)\" was not provided."))
            }
            continue
        }
        path.append(.key(field.name))
        let value = coerce(fieldValue, field.type, onError, &path)
        path.removeLast()
        coercedKeys.append(field.name)
        if let value { coerced[field.name] = value }
    }
    for fieldName in given.keys where type.field(named: fieldName) == nil {
        let suggestions = suggestionList(fieldName, type.fieldMap.names)
        onError(
            path, inputValue,
            GraphQLError(message: "Field \"\(fieldName)\" is not defined by type \"\(type.name)\"." + didYouMean(suggestions)))
    }
    if type.isOneOf {
        if coercedKeys.count != 1 {
            onError(
                path, inputValue,
                GraphQLError(message: "Exactly one key must be specified for OneOf type \"\(type.name)\"."))
        }
        if let key = coercedKeys.first, case .null? = coerced[key] {
            onError(path + [.key(key)], .null, GraphQLError(message: "Field \"\(key)\" must be non-null."))
        }
    }
    return .object(coerced)
}
