// graphql-js `ScalarLeafsRule` (16.11, with the empty selection set check).

/// Leaf fields (scalars, enums) have no selection set; other fields have a non-empty one.
public struct ScalarLeafsRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.field] }
    let context: ValidationContext

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: Field) -> VisitAction {
        guard let type = context.type else { return .continue }
        if type.namedType.isLeafType {
            if let selectionSet = node.selectionSet {
                context.report(
                    "Field \"\(node.name.value)\" must not have a selection since type \"\(type)\" has no subfields.",
                    [selectionSet.loc])
            }
        } else if let selectionSet = node.selectionSet {
            // The parser never makes an empty selection set; documents built in code can.
            if selectionSet.selections.isEmpty {
                context.report(
                    "Field \"\(node.name.value)\" of type \"\(type)\" must have at least one field selected.",
                    [node.loc])
            }
        } else {
            let fieldName = node.name.value
            context.report(
                "Field \"\(fieldName)\" of type \"\(type)\" must have a selection of subfields. Did you mean \"\(fieldName) { ... }\"?",
                [node.loc])
        }
        return .continue
    }
}
