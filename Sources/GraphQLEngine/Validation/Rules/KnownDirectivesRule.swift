// graphql-js `KnownDirectivesRule` (shared by SDL and executable validation).

/// Every directive used is defined (by the schema, the specified directives, or the
/// document) and allowed where it is used.
public struct KnownDirectivesRule<Context: ASTValidationContext>: ASTVisitor {
    let context: Context
    let directives: KnownDirectiveDefinitions
    /// The kinds of the enclosing nodes that can carry directives or arguments definitions.
    var ancestors: [Kind] = []
    var operations: [OperationType] = []

    public init(context: Context) {
        self.context = context
        directives = KnownDirectiveDefinitions(context)
    }

    public mutating func enter(_ node: Directive) -> VisitAction {
        let name = node.name.value
        guard let directive = directives.lookup(name) else {
            context.report("Unknown directive \"@\(name)\".", [node.loc])
            return .continue
        }
        guard let candidate = candidateLocation() else { return .continue }
        let allowed =
            switch directive {
            case .document(let def): def.locations.contains { $0.value == candidate.rawValue }
            case .schema(let def): def.locations.contains(candidate)
            }
        if !allowed {
            context.report("Directive \"@\(name)\" may not be used on \(candidate.rawValue).", [node.loc])
        }
        return .continue
    }

    /// graphql-js `getDirectiveLocationForASTPath`.
    private func candidateLocation() -> DirectiveLocation? {
        guard let appliedTo = ancestors.last else { return nil }
        switch appliedTo {
        case .operationDefinition:
            switch operations.last {
            case .query?: return .query
            case .mutation?: return .mutation
            case .subscription?: return .subscription
            case nil: return nil
            }
        case .field: return .field
        case .fragmentSpread: return .fragmentSpread
        case .inlineFragment: return .inlineFragment
        case .fragmentDefinition: return .fragmentDefinition
        case .variableDefinition: return .variableDefinition
        case .schemaDefinition, .schemaExtension: return .schema
        case .scalarTypeDefinition, .scalarTypeExtension: return .scalar
        case .objectTypeDefinition, .objectTypeExtension: return .object
        case .fieldDefinition: return .fieldDefinition
        case .interfaceTypeDefinition, .interfaceTypeExtension: return .interface
        case .unionTypeDefinition, .unionTypeExtension: return .union
        case .enumTypeDefinition, .enumTypeExtension: return .enum
        case .enumValueDefinition: return .enumValue
        case .inputObjectTypeDefinition, .inputObjectTypeExtension: return .inputObject
        case .inputValueDefinition:
            // graphql-js checks the parent for an input object *definition* only, so the
            // fields of an input object extension count as argument definitions.
            let parent = ancestors.count >= 2 ? ancestors[ancestors.count - 2] : nil
            return parent == .inputObjectTypeDefinition ? .inputFieldDefinition : .argumentDefinition
        default: return nil
        }
    }

    private mutating func push(_ kind: Kind) -> VisitAction {
        ancestors.append(kind)
        return .continue
    }

    private mutating func pop() -> VisitAction {
        ancestors.removeLast()
        return .continue
    }

    public mutating func enter(_ node: OperationDefinition) -> VisitAction {
        operations.append(node.operation)
        return push(node.kind)
    }
    public mutating func leave(_ node: OperationDefinition) -> VisitAction {
        operations.removeLast()
        return pop()
    }
    public mutating func enter(_ node: Field) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: Field) -> VisitAction { pop() }
    public mutating func enter(_ node: FragmentSpread) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: FragmentSpread) -> VisitAction { pop() }
    public mutating func enter(_ node: InlineFragment) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: InlineFragment) -> VisitAction { pop() }
    public mutating func enter(_ node: FragmentDefinition) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: FragmentDefinition) -> VisitAction { pop() }
    public mutating func enter(_ node: VariableDefinition) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: VariableDefinition) -> VisitAction { pop() }
    public mutating func enter(_ node: SchemaDefinition) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: SchemaDefinition) -> VisitAction { pop() }
    public mutating func enter(_ node: SchemaExtension) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: SchemaExtension) -> VisitAction { pop() }
    public mutating func enter(_ node: ScalarTypeDefinition) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: ScalarTypeDefinition) -> VisitAction { pop() }
    public mutating func enter(_ node: ScalarTypeExtension) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: ScalarTypeExtension) -> VisitAction { pop() }
    public mutating func enter(_ node: ObjectTypeDefinition) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: ObjectTypeDefinition) -> VisitAction { pop() }
    public mutating func enter(_ node: ObjectTypeExtension) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: ObjectTypeExtension) -> VisitAction { pop() }
    public mutating func enter(_ node: FieldDefinition) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: FieldDefinition) -> VisitAction { pop() }
    public mutating func enter(_ node: InterfaceTypeDefinition) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: InterfaceTypeDefinition) -> VisitAction { pop() }
    public mutating func enter(_ node: InterfaceTypeExtension) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: InterfaceTypeExtension) -> VisitAction { pop() }
    public mutating func enter(_ node: UnionTypeDefinition) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: UnionTypeDefinition) -> VisitAction { pop() }
    public mutating func enter(_ node: UnionTypeExtension) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: UnionTypeExtension) -> VisitAction { pop() }
    public mutating func enter(_ node: EnumTypeDefinition) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: EnumTypeDefinition) -> VisitAction { pop() }
    public mutating func enter(_ node: EnumTypeExtension) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: EnumTypeExtension) -> VisitAction { pop() }
    public mutating func enter(_ node: EnumValueDefinition) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: EnumValueDefinition) -> VisitAction { pop() }
    public mutating func enter(_ node: InputObjectTypeDefinition) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: InputObjectTypeDefinition) -> VisitAction { pop() }
    public mutating func enter(_ node: InputObjectTypeExtension) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: InputObjectTypeExtension) -> VisitAction { pop() }
    public mutating func enter(_ node: InputValueDefinition) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: InputValueDefinition) -> VisitAction { pop() }
    public mutating func enter(_ node: DirectiveDefinition) -> VisitAction { push(node.kind) }
    public mutating func leave(_ node: DirectiveDefinition) -> VisitAction { pop() }
}

extension KnownDirectivesRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { KindSet.directiveHolders.union([.directive, .directiveDefinition]) }
    public static var leftKinds: KindSet { KindSet.directiveHolders.union([.directiveDefinition]) }
}
