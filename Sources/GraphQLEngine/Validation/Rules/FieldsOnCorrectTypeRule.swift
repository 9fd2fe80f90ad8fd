// graphql-js `FieldsOnCorrectTypeRule`.

/// Every selected field is defined on the type it is selected on. Suggests the types
/// that have the field (for abstract types), else fields with similar names.
public struct FieldsOnCorrectTypeRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.field] }
    let context: ValidationContext

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: Field) -> VisitAction {
        guard let type = context.parentType, context.fieldDef == nil else { return .continue }
        let fieldName = node.name.value
        var suggestion = didYouMean(
            "to use an inline fragment on", suggestedTypeNames(context.schema, type, fieldName))
        if suggestion.isEmpty {
            suggestion = didYouMean(suggestedFieldNames(type, fieldName))
        }
        context.report("Cannot query field \"\(fieldName)\" on type \"\(type.name)\"." + suggestion, [node.loc])
        return .continue
    }
}

/// graphql-js `getSuggestedTypeNames`: for an abstract type, the possible types and
/// their interfaces that define the field, most used first, interfaces before their
/// implementations, then by name.
private func suggestedTypeNames(_ schema: GraphQLSchema, _ type: GraphQLNamedType, _ fieldName: String) -> [String] {
    guard type.isAbstractType else { return [] }
    var suggestedTypes: [GraphQLNamedType] = []
    var seen: Set<String> = []
    var usageCount: [String: Int] = [:]
    for possibleType in schema.possibleTypes(of: type) {
        guard possibleType.field(named: fieldName) != nil else { continue }
        if seen.insert(possibleType.name).inserted { suggestedTypes.append(.object(possibleType)) }
        usageCount[possibleType.name] = 1
        for possibleInterface in possibleType.interfaces {
            guard possibleInterface.field(named: fieldName) != nil else { continue }
            if seen.insert(possibleInterface.name).inserted { suggestedTypes.append(.interface(possibleInterface)) }
            usageCount[possibleInterface.name, default: 0] += 1
        }
    }
    return jsSorted(suggestedTypes) { typeA, typeB in
        let usageCountDiff = (usageCount[typeB.name] ?? 0) - (usageCount[typeA.name] ?? 0)
        if usageCountDiff != 0 { return usageCountDiff }
        if case .interface = typeA, schema.isSubType(typeA, typeB) { return -1 }
        if case .interface = typeB, schema.isSubType(typeB, typeA) { return 1 }
        return naturalCompare(typeA.name, typeB.name)
    }.map(\.name)
}

/// graphql-js `getSuggestedFieldNames`: fields of an object or interface type with names
/// like `fieldName`.
private func suggestedFieldNames(_ type: GraphQLNamedType, _ fieldName: String) -> [String] {
    guard let fields = type.fieldMap else { return [] }
    return suggestionList(fieldName, fields.names)
}

/// JavaScript's `Array.prototype.sort` with a comparator, as V8 runs it on short arrays
/// (TimSort: the leading run, then binary insertion), so that even a comparator that is
/// not a consistent order (this one need not be) gives graphql-js's order.
func jsSorted<T>(_ items: [T], by compare: (T, T) -> Int) -> [T] {
    var a = items
    let n = a.count
    guard n >= 2 else { return a }
    // CountAndMakeRun: the longest ascending or strictly descending prefix.
    var runLength = 2
    let isDescending = compare(a[1], a[0]) < 0
    var previous = a[1]
    var idx = 2
    while idx < n {
        let order = compare(a[idx], previous)
        if isDescending ? order >= 0 : order < 0 { break }
        previous = a[idx]
        runLength += 1
        idx += 1
    }
    if isDescending { a[0..<runLength].reverse() }
    // BinaryInsertionSort of the rest (V8's minimum run covers arrays under 64 elements;
    // longer ones would merge runs, which no caller here needs).
    var start = runLength
    while start < n {
        let pivot = a[start]
        var left = 0
        var right = start
        while left < right {
            let mid = left + ((right - left) >> 1)
            if compare(pivot, a[mid]) < 0 { right = mid } else { left = mid + 1 }
        }
        var p = start
        while p > left {
            a[p] = a[p - 1]
            p -= 1
        }
        a[left] = pivot
        start += 1
    }
    return a
}
