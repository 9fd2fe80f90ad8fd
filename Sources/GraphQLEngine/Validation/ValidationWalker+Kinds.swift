// The validation walker's per-kind callbacks: update TypeInfo, then call the rules that
// asked for the kind (see ValidationWalker.swift). Mirrors ASTVisitor; keep in step with it.

extension ValidationWalker {
    mutating func enter(_ node: Name) -> VisitAction {
        return enterRules(0) { $0.enter(node) }
    }
    mutating func leave(_ node: Name) -> VisitAction {
        return leaveRules(0) { $0.leave(node) }
    }
    mutating func enter(_ node: Document) -> VisitAction {
        return enterRules(1) { $0.enter(node) }
    }
    mutating func leave(_ node: Document) -> VisitAction {
        return leaveRules(1) { $0.leave(node) }
    }
    mutating func enter(_ node: OperationDefinition) -> VisitAction {
        typeInfo.enter(node)
        beginDefinition(node.loc)
        return enterRules(2) { $0.enter(node) }
    }
    mutating func leave(_ node: OperationDefinition) -> VisitAction {
        endDefinition(node.loc)
        let action = leaveRules(2) { $0.leave(node) }
        typeInfo.leave(node)
        return action
    }
    mutating func enter(_ node: VariableDefinition) -> VisitAction {
        typeInfo.enter(node)
        variableDefinitionDepth += 1
        return enterRules(3) { $0.enter(node) }
    }
    mutating func leave(_ node: VariableDefinition) -> VisitAction {
        let action = leaveRules(3) { $0.leave(node) }
        variableDefinitionDepth -= 1
        typeInfo.leave(node)
        return action
    }
    mutating func enter(_ node: Variable) -> VisitAction {
        recordUsage(node)
        return enterRules(4) { $0.enter(node) }
    }
    mutating func leave(_ node: Variable) -> VisitAction {
        return leaveRules(4) { $0.leave(node) }
    }
    mutating func enter(_ node: SelectionSet) -> VisitAction {
        typeInfo.enter(node)
        return enterRules(5) { $0.enter(node) }
    }
    mutating func leave(_ node: SelectionSet) -> VisitAction {
        let action = leaveRules(5) { $0.leave(node) }
        typeInfo.leave(node)
        return action
    }
    mutating func enter(_ node: Field) -> VisitAction {
        typeInfo.enter(node)
        return enterRules(6) { $0.enter(node) }
    }
    mutating func leave(_ node: Field) -> VisitAction {
        let action = leaveRules(6) { $0.leave(node) }
        typeInfo.leave(node)
        return action
    }
    mutating func enter(_ node: Argument) -> VisitAction {
        typeInfo.enter(node)
        return enterRules(7) { $0.enter(node) }
    }
    mutating func leave(_ node: Argument) -> VisitAction {
        let action = leaveRules(7) { $0.leave(node) }
        typeInfo.leave(node)
        return action
    }
    mutating func enter(_ node: FragmentSpread) -> VisitAction {
        return enterRules(8) { $0.enter(node) }
    }
    mutating func leave(_ node: FragmentSpread) -> VisitAction {
        return leaveRules(8) { $0.leave(node) }
    }
    mutating func enter(_ node: InlineFragment) -> VisitAction {
        typeInfo.enter(node)
        return enterRules(9) { $0.enter(node) }
    }
    mutating func leave(_ node: InlineFragment) -> VisitAction {
        let action = leaveRules(9) { $0.leave(node) }
        typeInfo.leave(node)
        return action
    }
    mutating func enter(_ node: FragmentDefinition) -> VisitAction {
        typeInfo.enter(node)
        beginDefinition(node.loc)
        return enterRules(10) { $0.enter(node) }
    }
    mutating func leave(_ node: FragmentDefinition) -> VisitAction {
        endDefinition(node.loc)
        let action = leaveRules(10) { $0.leave(node) }
        typeInfo.leave(node)
        return action
    }
    mutating func enter(_ node: IntValue) -> VisitAction {
        return enterRules(11) { $0.enter(node) }
    }
    mutating func leave(_ node: IntValue) -> VisitAction {
        return leaveRules(11) { $0.leave(node) }
    }
    mutating func enter(_ node: FloatValue) -> VisitAction {
        return enterRules(12) { $0.enter(node) }
    }
    mutating func leave(_ node: FloatValue) -> VisitAction {
        return leaveRules(12) { $0.leave(node) }
    }
    mutating func enter(_ node: StringValue) -> VisitAction {
        return enterRules(13) { $0.enter(node) }
    }
    mutating func leave(_ node: StringValue) -> VisitAction {
        return leaveRules(13) { $0.leave(node) }
    }
    mutating func enter(_ node: BooleanValue) -> VisitAction {
        return enterRules(14) { $0.enter(node) }
    }
    mutating func leave(_ node: BooleanValue) -> VisitAction {
        return leaveRules(14) { $0.leave(node) }
    }
    mutating func enter(_ node: NullValue) -> VisitAction {
        return enterRules(15) { $0.enter(node) }
    }
    mutating func leave(_ node: NullValue) -> VisitAction {
        return leaveRules(15) { $0.leave(node) }
    }
    mutating func enter(_ node: EnumValue) -> VisitAction {
        typeInfo.enter(node)
        return enterRules(16) { $0.enter(node) }
    }
    mutating func leave(_ node: EnumValue) -> VisitAction {
        let action = leaveRules(16) { $0.leave(node) }
        typeInfo.leave(node)
        return action
    }
    mutating func enter(_ node: ListValue) -> VisitAction {
        typeInfo.enter(node)
        return enterRules(17) { $0.enter(node) }
    }
    mutating func leave(_ node: ListValue) -> VisitAction {
        let action = leaveRules(17) { $0.leave(node) }
        typeInfo.leave(node)
        return action
    }
    mutating func enter(_ node: ObjectValue) -> VisitAction {
        return enterRules(18) { $0.enter(node) }
    }
    mutating func leave(_ node: ObjectValue) -> VisitAction {
        return leaveRules(18) { $0.leave(node) }
    }
    mutating func enter(_ node: ObjectField) -> VisitAction {
        typeInfo.enter(node)
        return enterRules(19) { $0.enter(node) }
    }
    mutating func leave(_ node: ObjectField) -> VisitAction {
        let action = leaveRules(19) { $0.leave(node) }
        typeInfo.leave(node)
        return action
    }
    mutating func enter(_ node: Directive) -> VisitAction {
        typeInfo.enter(node)
        return enterRules(20) { $0.enter(node) }
    }
    mutating func leave(_ node: Directive) -> VisitAction {
        let action = leaveRules(20) { $0.leave(node) }
        typeInfo.leave(node)
        return action
    }
    mutating func enter(_ node: NamedType) -> VisitAction {
        return enterRules(21) { $0.enter(node) }
    }
    mutating func leave(_ node: NamedType) -> VisitAction {
        return leaveRules(21) { $0.leave(node) }
    }
    mutating func enter(_ node: ListType) -> VisitAction {
        return enterRules(22) { $0.enter(node) }
    }
    mutating func leave(_ node: ListType) -> VisitAction {
        return leaveRules(22) { $0.leave(node) }
    }
    mutating func enter(_ node: NonNullType) -> VisitAction {
        return enterRules(23) { $0.enter(node) }
    }
    mutating func leave(_ node: NonNullType) -> VisitAction {
        return leaveRules(23) { $0.leave(node) }
    }
    mutating func enter(_ node: SchemaDefinition) -> VisitAction {
        return enterRules(24) { $0.enter(node) }
    }
    mutating func leave(_ node: SchemaDefinition) -> VisitAction {
        return leaveRules(24) { $0.leave(node) }
    }
    mutating func enter(_ node: OperationTypeDefinition) -> VisitAction {
        return enterRules(25) { $0.enter(node) }
    }
    mutating func leave(_ node: OperationTypeDefinition) -> VisitAction {
        return leaveRules(25) { $0.leave(node) }
    }
    mutating func enter(_ node: ScalarTypeDefinition) -> VisitAction {
        return enterRules(26) { $0.enter(node) }
    }
    mutating func leave(_ node: ScalarTypeDefinition) -> VisitAction {
        return leaveRules(26) { $0.leave(node) }
    }
    mutating func enter(_ node: ObjectTypeDefinition) -> VisitAction {
        return enterRules(27) { $0.enter(node) }
    }
    mutating func leave(_ node: ObjectTypeDefinition) -> VisitAction {
        return leaveRules(27) { $0.leave(node) }
    }
    mutating func enter(_ node: FieldDefinition) -> VisitAction {
        return enterRules(28) { $0.enter(node) }
    }
    mutating func leave(_ node: FieldDefinition) -> VisitAction {
        return leaveRules(28) { $0.leave(node) }
    }
    mutating func enter(_ node: InputValueDefinition) -> VisitAction {
        return enterRules(29) { $0.enter(node) }
    }
    mutating func leave(_ node: InputValueDefinition) -> VisitAction {
        return leaveRules(29) { $0.leave(node) }
    }
    mutating func enter(_ node: InterfaceTypeDefinition) -> VisitAction {
        return enterRules(30) { $0.enter(node) }
    }
    mutating func leave(_ node: InterfaceTypeDefinition) -> VisitAction {
        return leaveRules(30) { $0.leave(node) }
    }
    mutating func enter(_ node: UnionTypeDefinition) -> VisitAction {
        return enterRules(31) { $0.enter(node) }
    }
    mutating func leave(_ node: UnionTypeDefinition) -> VisitAction {
        return leaveRules(31) { $0.leave(node) }
    }
    mutating func enter(_ node: EnumTypeDefinition) -> VisitAction {
        return enterRules(32) { $0.enter(node) }
    }
    mutating func leave(_ node: EnumTypeDefinition) -> VisitAction {
        return leaveRules(32) { $0.leave(node) }
    }
    mutating func enter(_ node: EnumValueDefinition) -> VisitAction {
        return enterRules(33) { $0.enter(node) }
    }
    mutating func leave(_ node: EnumValueDefinition) -> VisitAction {
        return leaveRules(33) { $0.leave(node) }
    }
    mutating func enter(_ node: InputObjectTypeDefinition) -> VisitAction {
        return enterRules(34) { $0.enter(node) }
    }
    mutating func leave(_ node: InputObjectTypeDefinition) -> VisitAction {
        return leaveRules(34) { $0.leave(node) }
    }
    mutating func enter(_ node: DirectiveDefinition) -> VisitAction {
        return enterRules(35) { $0.enter(node) }
    }
    mutating func leave(_ node: DirectiveDefinition) -> VisitAction {
        return leaveRules(35) { $0.leave(node) }
    }
    mutating func enter(_ node: SchemaExtension) -> VisitAction {
        return enterRules(36) { $0.enter(node) }
    }
    mutating func leave(_ node: SchemaExtension) -> VisitAction {
        return leaveRules(36) { $0.leave(node) }
    }
    mutating func enter(_ node: ScalarTypeExtension) -> VisitAction {
        return enterRules(37) { $0.enter(node) }
    }
    mutating func leave(_ node: ScalarTypeExtension) -> VisitAction {
        return leaveRules(37) { $0.leave(node) }
    }
    mutating func enter(_ node: ObjectTypeExtension) -> VisitAction {
        return enterRules(38) { $0.enter(node) }
    }
    mutating func leave(_ node: ObjectTypeExtension) -> VisitAction {
        return leaveRules(38) { $0.leave(node) }
    }
    mutating func enter(_ node: InterfaceTypeExtension) -> VisitAction {
        return enterRules(39) { $0.enter(node) }
    }
    mutating func leave(_ node: InterfaceTypeExtension) -> VisitAction {
        return leaveRules(39) { $0.leave(node) }
    }
    mutating func enter(_ node: UnionTypeExtension) -> VisitAction {
        return enterRules(40) { $0.enter(node) }
    }
    mutating func leave(_ node: UnionTypeExtension) -> VisitAction {
        return leaveRules(40) { $0.leave(node) }
    }
    mutating func enter(_ node: EnumTypeExtension) -> VisitAction {
        return enterRules(41) { $0.enter(node) }
    }
    mutating func leave(_ node: EnumTypeExtension) -> VisitAction {
        return leaveRules(41) { $0.leave(node) }
    }
    mutating func enter(_ node: InputObjectTypeExtension) -> VisitAction {
        return enterRules(42) { $0.enter(node) }
    }
    mutating func leave(_ node: InputObjectTypeExtension) -> VisitAction {
        return leaveRules(42) { $0.leave(node) }
    }
}
