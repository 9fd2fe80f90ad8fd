// graphql-js `utilities/typeComparators`.

/// graphql-js `isEqualType`: the same named type under the same wrappers.
public func isEqualType(_ typeA: GraphQLType, _ typeB: GraphQLType) -> Bool {
    switch (typeA, typeB) {
    case (.named(let a), .named(let b)): a == b
    case (.nonNull(let a), .nonNull(let b)), (.list(let a), .list(let b)): isEqualType(a, b)
    default: false
    }
}

/// graphql-js `isTypeSubTypeOf`: whether `maybeSubType` may be used where `superType`
/// is expected (covariant output types: non-null narrows nullable, an implementation or
/// member narrows its abstract type).
public func isTypeSubTypeOf(_ schema: GraphQLSchema, _ maybeSubType: GraphQLType, _ superType: GraphQLType) -> Bool {
    if maybeSubType == superType { return true }
    if case .nonNull(let superInner) = superType {
        if case .nonNull(let subInner) = maybeSubType {
            return isTypeSubTypeOf(schema, subInner, superInner)
        }
        return false
    }
    if case .nonNull(let subInner) = maybeSubType {
        return isTypeSubTypeOf(schema, subInner, superType)
    }
    if case .list(let superInner) = superType {
        if case .list(let subInner) = maybeSubType {
            return isTypeSubTypeOf(schema, subInner, superInner)
        }
        return false
    }
    if case .list = maybeSubType { return false }
    guard case .named(let sup) = superType, case .named(let sub) = maybeSubType else { return false }
    switch sub {
    case .interface, .object: return sup.isAbstractType && schema.isSubType(sup, sub)
    default: return false
    }
}

/// graphql-js `doTypesOverlap`: whether two composite types may share a runtime object type.
public func doTypesOverlap(_ schema: GraphQLSchema, _ typeA: GraphQLNamedType, _ typeB: GraphQLNamedType) -> Bool {
    if typeA == typeB { return true }
    if typeA.isAbstractType {
        if typeB.isAbstractType {
            return schema.possibleTypes(of: typeA).contains { schema.isSubType(typeB, .object($0)) }
        }
        return schema.isSubType(typeA, typeB)
    }
    if typeB.isAbstractType { return schema.isSubType(typeB, typeA) }
    return false
}
