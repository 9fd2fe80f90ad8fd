// graphql-js `UniqueInputFieldNamesRule` (shared by SDL and executable validation).

/// An input object literal gives each field at most once.
public struct UniqueInputFieldNamesRule<Context: ASTValidationContext>: ASTVisitor {
    let context: Context
    var knownNameStack: [[String: Name]] = []
    var knownNames: [String: Name] = [:]

    public init(context: Context) {
        self.context = context
    }

    public mutating func enter(_ node: ObjectValue) -> VisitAction {
        knownNameStack.append(knownNames)
        knownNames = [:]
        return .continue
    }

    public mutating func leave(_ node: ObjectValue) -> VisitAction {
        knownNames = knownNameStack.popLast() ?? [:]
        return .continue
    }

    public mutating func enter(_ node: ObjectField) -> VisitAction {
        let fieldName = node.name.value
        if let known = knownNames[fieldName] {
            context.report("There can be only one input field named \"\(fieldName)\".", [known.loc, node.name.loc])
        } else {
            knownNames[fieldName] = node.name
        }
        return .continue
    }
}

extension UniqueInputFieldNamesRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.objectValue, .objectField] }
    public static var leftKinds: KindSet { [.objectValue] }
}
