// graphql-js `ValidationContext.getVariableUsages` (16.11): where each variable is used
// in an operation or fragment, with the input type expected there.

/// One use of a variable inside an operation or fragment (graphql-js `VariableUsage`).
public struct VariableUsage: Sendable {
    /// The variable node.
    public let node: Variable
    /// The input type expected where it is used; nil when unknown.
    public let type: GraphQLType?
    /// The default value of the argument or input field it is given to; nil when there
    /// is none (graphql-js `undefined`).
    public let defaultValue: InputValue?
    /// The input type of the value enclosing the position (16.11; the OneOf check of
    /// `VariablesInAllowedPositionRule` needs it).
    public let parentType: GraphQLType?

    /// A usage at the current position of `typeInfo`.
    init(typeInfo: TypeInfo, node: Variable) {
        self.node = node
        self.type = typeInfo.inputType
        self.defaultValue = typeInfo.defaultValue
        self.parentType = typeInfo.parentInputType
    }
}

/// graphql-js's usage walk: a fresh `TypeInfo` over one operation or fragment, skipping
/// variable definitions. The validator's own walk records the same usages for the
/// definitions it reaches first; this runs for fragments a rule needs earlier.
struct VariableUsageCollector: ASTVisitor {
    let typeInfo: TypeInfo
    var usages: [VariableUsage] = []

    init(schema: GraphQLSchema) {
        typeInfo = TypeInfo(schema: schema)
    }

    mutating func enter(_ node: Variable) -> VisitAction {
        usages.append(VariableUsage(typeInfo: typeInfo, node: node))
        return .continue
    }

    // graphql-js enters and leaves TypeInfo at a skipped variable definition: no net change.
    mutating func enter(_ node: VariableDefinition) -> VisitAction { .skipChildren }

    mutating func enter(_ node: SelectionSet) -> VisitAction { typeInfo.enter(node); return .continue }
    mutating func leave(_ node: SelectionSet) -> VisitAction { typeInfo.leave(node); return .continue }
    mutating func enter(_ node: Field) -> VisitAction { typeInfo.enter(node); return .continue }
    mutating func leave(_ node: Field) -> VisitAction { typeInfo.leave(node); return .continue }
    mutating func enter(_ node: Directive) -> VisitAction { typeInfo.enter(node); return .continue }
    mutating func leave(_ node: Directive) -> VisitAction { typeInfo.leave(node); return .continue }
    mutating func enter(_ node: OperationDefinition) -> VisitAction { typeInfo.enter(node); return .continue }
    mutating func leave(_ node: OperationDefinition) -> VisitAction { typeInfo.leave(node); return .continue }
    mutating func enter(_ node: InlineFragment) -> VisitAction { typeInfo.enter(node); return .continue }
    mutating func leave(_ node: InlineFragment) -> VisitAction { typeInfo.leave(node); return .continue }
    mutating func enter(_ node: FragmentDefinition) -> VisitAction { typeInfo.enter(node); return .continue }
    mutating func leave(_ node: FragmentDefinition) -> VisitAction { typeInfo.leave(node); return .continue }
    mutating func enter(_ node: Argument) -> VisitAction { typeInfo.enter(node); return .continue }
    mutating func leave(_ node: Argument) -> VisitAction { typeInfo.leave(node); return .continue }
    mutating func enter(_ node: ListValue) -> VisitAction { typeInfo.enter(node); return .continue }
    mutating func leave(_ node: ListValue) -> VisitAction { typeInfo.leave(node); return .continue }
    mutating func enter(_ node: ObjectField) -> VisitAction { typeInfo.enter(node); return .continue }
    mutating func leave(_ node: ObjectField) -> VisitAction { typeInfo.leave(node); return .continue }
    mutating func enter(_ node: EnumValue) -> VisitAction { typeInfo.enter(node); return .continue }
    mutating func leave(_ node: EnumValue) -> VisitAction { typeInfo.leave(node); return .continue }
}

/// Whether a definition uses any variable outside its variable definitions: a scan of
/// the argument values alone, much cheaper than the usage walk, which a definition
/// without variables (most fragments) can then skip.
enum VariableScan {
    static func hasVariables(_ selectionSet: SelectionSet) -> Bool {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                if hasVariables(field.arguments) || hasVariables(field.directives) { return true }
                if let sub = field.selectionSet, hasVariables(sub) { return true }
            case .fragmentSpread(let spread):
                if hasVariables(spread.directives) { return true }
            case .inlineFragment(let inline):
                if hasVariables(inline.directives) || hasVariables(inline.selectionSet) { return true }
            }
        }
        return false
    }

    static func hasVariables(_ directives: [Directive]) -> Bool {
        directives.contains { hasVariables($0.arguments) }
    }

    static func hasVariables(_ arguments: [Argument]) -> Bool {
        arguments.contains { hasVariables($0.value) }
    }

    static func hasVariables(_ value: Value) -> Bool {
        switch value {
        case .variable: true
        case .list(let list): list.values.contains { hasVariables($0) }
        case .object(let object): object.fields.contains { hasVariables($0.value) }
        default: false
        }
    }
}
