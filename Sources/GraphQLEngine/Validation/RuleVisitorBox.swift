// The type-erased holder the validator keeps for each rule's visitor: one virtual call
// per (rule, node) on the kinds the rule listed. Mirrors ASTVisitor; keep in step with it.

/// Holds one rule's visitor; the walker calls it only for the kinds in `enteredKinds`
/// and `leftKinds`. Subclassed only by `RuleBox`.
class RuleVisitorBox {
    let enteredKinds: KindSet
    let leftKinds: KindSet
    /// 0 while active; the walk depth of the node whose children it skips; -1 once stopped.
    // Unchecked exclusivity: only the (single-threaded) walker touches it, never reentrantly.
    @exclusivity(unchecked) final var skipDepth = 0

    init(enteredKinds: KindSet, leftKinds: KindSet) {
        self.enteredKinds = enteredKinds
        self.leftKinds = leftKinds
    }

    func enter(_ node: Name) -> VisitAction { .continue }
    func leave(_ node: Name) -> VisitAction { .continue }
    func enter(_ node: Document) -> VisitAction { .continue }
    func leave(_ node: Document) -> VisitAction { .continue }
    func enter(_ node: OperationDefinition) -> VisitAction { .continue }
    func leave(_ node: OperationDefinition) -> VisitAction { .continue }
    func enter(_ node: VariableDefinition) -> VisitAction { .continue }
    func leave(_ node: VariableDefinition) -> VisitAction { .continue }
    func enter(_ node: Variable) -> VisitAction { .continue }
    func leave(_ node: Variable) -> VisitAction { .continue }
    func enter(_ node: SelectionSet) -> VisitAction { .continue }
    func leave(_ node: SelectionSet) -> VisitAction { .continue }
    func enter(_ node: Field) -> VisitAction { .continue }
    func leave(_ node: Field) -> VisitAction { .continue }
    func enter(_ node: Argument) -> VisitAction { .continue }
    func leave(_ node: Argument) -> VisitAction { .continue }
    func enter(_ node: FragmentSpread) -> VisitAction { .continue }
    func leave(_ node: FragmentSpread) -> VisitAction { .continue }
    func enter(_ node: InlineFragment) -> VisitAction { .continue }
    func leave(_ node: InlineFragment) -> VisitAction { .continue }
    func enter(_ node: FragmentDefinition) -> VisitAction { .continue }
    func leave(_ node: FragmentDefinition) -> VisitAction { .continue }
    func enter(_ node: IntValue) -> VisitAction { .continue }
    func leave(_ node: IntValue) -> VisitAction { .continue }
    func enter(_ node: FloatValue) -> VisitAction { .continue }
    func leave(_ node: FloatValue) -> VisitAction { .continue }
    func enter(_ node: StringValue) -> VisitAction { .continue }
    func leave(_ node: StringValue) -> VisitAction { .continue }
    func enter(_ node: BooleanValue) -> VisitAction { .continue }
    func leave(_ node: BooleanValue) -> VisitAction { .continue }
    func enter(_ node: NullValue) -> VisitAction { .continue }
    func leave(_ node: NullValue) -> VisitAction { .continue }
    func enter(_ node: EnumValue) -> VisitAction { .continue }
    func leave(_ node: EnumValue) -> VisitAction { .continue }
    func enter(_ node: ListValue) -> VisitAction { .continue }
    func leave(_ node: ListValue) -> VisitAction { .continue }
    func enter(_ node: ObjectValue) -> VisitAction { .continue }
    func leave(_ node: ObjectValue) -> VisitAction { .continue }
    func enter(_ node: ObjectField) -> VisitAction { .continue }
    func leave(_ node: ObjectField) -> VisitAction { .continue }
    func enter(_ node: Directive) -> VisitAction { .continue }
    func leave(_ node: Directive) -> VisitAction { .continue }
    func enter(_ node: NamedType) -> VisitAction { .continue }
    func leave(_ node: NamedType) -> VisitAction { .continue }
    func enter(_ node: ListType) -> VisitAction { .continue }
    func leave(_ node: ListType) -> VisitAction { .continue }
    func enter(_ node: NonNullType) -> VisitAction { .continue }
    func leave(_ node: NonNullType) -> VisitAction { .continue }
    func enter(_ node: SchemaDefinition) -> VisitAction { .continue }
    func leave(_ node: SchemaDefinition) -> VisitAction { .continue }
    func enter(_ node: OperationTypeDefinition) -> VisitAction { .continue }
    func leave(_ node: OperationTypeDefinition) -> VisitAction { .continue }
    func enter(_ node: ScalarTypeDefinition) -> VisitAction { .continue }
    func leave(_ node: ScalarTypeDefinition) -> VisitAction { .continue }
    func enter(_ node: ObjectTypeDefinition) -> VisitAction { .continue }
    func leave(_ node: ObjectTypeDefinition) -> VisitAction { .continue }
    func enter(_ node: FieldDefinition) -> VisitAction { .continue }
    func leave(_ node: FieldDefinition) -> VisitAction { .continue }
    func enter(_ node: InputValueDefinition) -> VisitAction { .continue }
    func leave(_ node: InputValueDefinition) -> VisitAction { .continue }
    func enter(_ node: InterfaceTypeDefinition) -> VisitAction { .continue }
    func leave(_ node: InterfaceTypeDefinition) -> VisitAction { .continue }
    func enter(_ node: UnionTypeDefinition) -> VisitAction { .continue }
    func leave(_ node: UnionTypeDefinition) -> VisitAction { .continue }
    func enter(_ node: EnumTypeDefinition) -> VisitAction { .continue }
    func leave(_ node: EnumTypeDefinition) -> VisitAction { .continue }
    func enter(_ node: EnumValueDefinition) -> VisitAction { .continue }
    func leave(_ node: EnumValueDefinition) -> VisitAction { .continue }
    func enter(_ node: InputObjectTypeDefinition) -> VisitAction { .continue }
    func leave(_ node: InputObjectTypeDefinition) -> VisitAction { .continue }
    func enter(_ node: DirectiveDefinition) -> VisitAction { .continue }
    func leave(_ node: DirectiveDefinition) -> VisitAction { .continue }
    func enter(_ node: SchemaExtension) -> VisitAction { .continue }
    func leave(_ node: SchemaExtension) -> VisitAction { .continue }
    func enter(_ node: ScalarTypeExtension) -> VisitAction { .continue }
    func leave(_ node: ScalarTypeExtension) -> VisitAction { .continue }
    func enter(_ node: ObjectTypeExtension) -> VisitAction { .continue }
    func leave(_ node: ObjectTypeExtension) -> VisitAction { .continue }
    func enter(_ node: InterfaceTypeExtension) -> VisitAction { .continue }
    func leave(_ node: InterfaceTypeExtension) -> VisitAction { .continue }
    func enter(_ node: UnionTypeExtension) -> VisitAction { .continue }
    func leave(_ node: UnionTypeExtension) -> VisitAction { .continue }
    func enter(_ node: EnumTypeExtension) -> VisitAction { .continue }
    func leave(_ node: EnumTypeExtension) -> VisitAction { .continue }
    func enter(_ node: InputObjectTypeExtension) -> VisitAction { .continue }
    func leave(_ node: InputObjectTypeExtension) -> VisitAction { .continue }
}

/// A rule's visitor in its box.
final class RuleBox<V: ValidationRuleVisitor>: RuleVisitorBox {
    // Unchecked exclusivity: each call is the only access (rules never reach their own box),
    // and the dynamic check would cost more than many rules' work.
    @exclusivity(unchecked) var visitor: V

    init(_ visitor: V) {
        self.visitor = visitor
        super.init(enteredKinds: V.enteredKinds, leftKinds: V.leftKinds)
    }

    override func enter(_ node: Name) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: Name) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: Document) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: Document) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: OperationDefinition) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: OperationDefinition) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: VariableDefinition) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: VariableDefinition) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: Variable) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: Variable) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: SelectionSet) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: SelectionSet) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: Field) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: Field) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: Argument) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: Argument) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: FragmentSpread) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: FragmentSpread) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: InlineFragment) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: InlineFragment) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: FragmentDefinition) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: FragmentDefinition) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: IntValue) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: IntValue) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: FloatValue) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: FloatValue) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: StringValue) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: StringValue) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: BooleanValue) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: BooleanValue) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: NullValue) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: NullValue) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: EnumValue) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: EnumValue) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: ListValue) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: ListValue) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: ObjectValue) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: ObjectValue) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: ObjectField) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: ObjectField) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: Directive) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: Directive) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: NamedType) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: NamedType) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: ListType) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: ListType) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: NonNullType) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: NonNullType) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: SchemaDefinition) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: SchemaDefinition) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: OperationTypeDefinition) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: OperationTypeDefinition) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: ScalarTypeDefinition) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: ScalarTypeDefinition) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: ObjectTypeDefinition) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: ObjectTypeDefinition) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: FieldDefinition) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: FieldDefinition) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: InputValueDefinition) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: InputValueDefinition) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: InterfaceTypeDefinition) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: InterfaceTypeDefinition) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: UnionTypeDefinition) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: UnionTypeDefinition) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: EnumTypeDefinition) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: EnumTypeDefinition) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: EnumValueDefinition) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: EnumValueDefinition) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: InputObjectTypeDefinition) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: InputObjectTypeDefinition) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: DirectiveDefinition) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: DirectiveDefinition) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: SchemaExtension) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: SchemaExtension) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: ScalarTypeExtension) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: ScalarTypeExtension) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: ObjectTypeExtension) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: ObjectTypeExtension) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: InterfaceTypeExtension) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: InterfaceTypeExtension) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: UnionTypeExtension) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: UnionTypeExtension) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: EnumTypeExtension) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: EnumTypeExtension) -> VisitAction { visitor.leave(node) }
    override func enter(_ node: InputObjectTypeExtension) -> VisitAction { visitor.enter(node) }
    override func leave(_ node: InputObjectTypeExtension) -> VisitAction { visitor.leave(node) }
}
