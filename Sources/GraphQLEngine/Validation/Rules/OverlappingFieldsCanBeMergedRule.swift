// graphql-js `OverlappingFieldsCanBeMergedRule` (16.11). The algorithm lives in
// `OverlappingFieldsChecker`; this rule feeds it every selection set with its parent type.

/// Fields with the same response name in one selection set (through fragments) must be
/// mergeable: same field and arguments, and compatible return types.
public struct OverlappingFieldsCanBeMergedRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.selectionSet] }
    let context: ValidationContext
    /// Holds the per-document caches (fields of each selection set, compared fragment pairs).
    var checker: OverlappingFieldsChecker

    public init(context: ValidationContext) {
        self.context = context
        self.checker = OverlappingFieldsChecker(schema: context.schema, document: context.document)
    }

    public mutating func enter(_ node: SelectionSet) -> VisitAction {
        for error in checker.conflicts(in: node, parentType: context.parentType) {
            context.reportError(error)
        }
        return .continue
    }
}
