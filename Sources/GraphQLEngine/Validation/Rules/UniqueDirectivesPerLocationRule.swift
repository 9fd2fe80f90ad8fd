// graphql-js `UniqueDirectivesPerLocationRule` (shared by SDL and executable validation).

/// A non-repeatable directive is used at most once per location; a type's definition and
/// its extensions count as one location, and so do the schema definition and extensions.
public struct UniqueDirectivesPerLocationRule<Context: ASTValidationContext>: ASTVisitor {
    let context: Context
    let directives: KnownDirectiveDefinitions
    var schemaDirectives: [String: Directive] = [:]
    var typeDirectivesMap: [String: [String: Directive]] = [:]

    public init(context: Context) {
        self.context = context
        directives = KnownDirectiveDefinitions(context)
    }

    /// Whether `name` is a known directive that is not repeatable.
    private func isUnique(_ name: String) -> Bool {
        switch directives.lookup(name) {
        case .document(let def)?: !def.repeatable
        case .schema(let def)?: !def.isRepeatable
        case nil: false
        }
    }

    private func check(_ applied: [Directive], _ seen: inout [String: Directive]) {
        for directive in applied {
            let name = directive.name.value
            guard isUnique(name) else { continue }
            if let previous = seen[name] {
                context.report(
                    "The directive \"@\(name)\" can only be used once at this location.", [previous.loc, directive.loc])
            } else {
                seen[name] = directive
            }
        }
    }

    private func checkFresh(_ directives: [Directive]) -> VisitAction {
        var seen: [String: Directive] = [:]
        check(directives, &seen)
        return .continue
    }

    private mutating func checkSchema(_ directives: [Directive]) -> VisitAction {
        check(directives, &schemaDirectives)
        return .continue
    }

    private mutating func checkType(_ name: Name, _ directives: [Directive]) -> VisitAction {
        var seen = typeDirectivesMap[name.value] ?? [:]
        check(directives, &seen)
        typeDirectivesMap[name.value] = seen
        return .continue
    }

    public mutating func enter(_ node: OperationDefinition) -> VisitAction { checkFresh(node.directives) }
    public mutating func enter(_ node: VariableDefinition) -> VisitAction { checkFresh(node.directives) }
    public mutating func enter(_ node: Field) -> VisitAction { checkFresh(node.directives) }
    public mutating func enter(_ node: FragmentSpread) -> VisitAction { checkFresh(node.directives) }
    public mutating func enter(_ node: InlineFragment) -> VisitAction { checkFresh(node.directives) }
    public mutating func enter(_ node: FragmentDefinition) -> VisitAction { checkFresh(node.directives) }
    public mutating func enter(_ node: FieldDefinition) -> VisitAction { checkFresh(node.directives) }
    public mutating func enter(_ node: InputValueDefinition) -> VisitAction { checkFresh(node.directives) }
    public mutating func enter(_ node: EnumValueDefinition) -> VisitAction { checkFresh(node.directives) }
    public mutating func enter(_ node: SchemaDefinition) -> VisitAction { checkSchema(node.directives) }
    public mutating func enter(_ node: SchemaExtension) -> VisitAction { checkSchema(node.directives) }
    public mutating func enter(_ node: ScalarTypeDefinition) -> VisitAction { checkType(node.name, node.directives) }
    public mutating func enter(_ node: ObjectTypeDefinition) -> VisitAction { checkType(node.name, node.directives) }
    public mutating func enter(_ node: InterfaceTypeDefinition) -> VisitAction { checkType(node.name, node.directives) }
    public mutating func enter(_ node: UnionTypeDefinition) -> VisitAction { checkType(node.name, node.directives) }
    public mutating func enter(_ node: EnumTypeDefinition) -> VisitAction { checkType(node.name, node.directives) }
    public mutating func enter(_ node: InputObjectTypeDefinition) -> VisitAction {
        checkType(node.name, node.directives)
    }
    public mutating func enter(_ node: ScalarTypeExtension) -> VisitAction { checkType(node.name, node.directives) }
    public mutating func enter(_ node: ObjectTypeExtension) -> VisitAction { checkType(node.name, node.directives) }
    public mutating func enter(_ node: InterfaceTypeExtension) -> VisitAction { checkType(node.name, node.directives) }
    public mutating func enter(_ node: UnionTypeExtension) -> VisitAction { checkType(node.name, node.directives) }
    public mutating func enter(_ node: EnumTypeExtension) -> VisitAction { checkType(node.name, node.directives) }
    public mutating func enter(_ node: InputObjectTypeExtension) -> VisitAction {
        checkType(node.name, node.directives)
    }
}

extension UniqueDirectivesPerLocationRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { .directiveHolders }
}
