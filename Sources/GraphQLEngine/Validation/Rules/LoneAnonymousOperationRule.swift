// graphql-js `LoneAnonymousOperationRule`.

/// An anonymous operation is the only operation of its document.
public struct LoneAnonymousOperationRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.document, .operationDefinition] }
    let context: ValidationContext
    var operationCount = 0

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: Document) -> VisitAction {
        operationCount = 0
        for case .operation in node.definitions { operationCount += 1 }
        return .continue
    }

    public mutating func enter(_ node: OperationDefinition) -> VisitAction {
        if node.name == nil && operationCount > 1 {
            context.report("This anonymous operation must be the only defined operation.", [node.loc])
        }
        return .continue
    }
}
