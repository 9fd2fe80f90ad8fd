// Mirrors graphql-js 16 `ast.ts` (QueryDocumentKeys order); keep in step with AST.swift and ASTTypeSystem.swift.
// Field order is traversal order. Edit with care: the walk code in Visitor+Walk*.swift must stay in sync.

/// Callbacks for `visit`: one `enter`/`leave` pair per node kind; all default to `.continue`.
///
/// Conforming types implement only the methods they need; `visit` is generic over the
/// visitor, so calls are statically dispatched and the empty defaults inline away.
public protocol ASTVisitor {
    /// Called before the children of a `Name`.
    mutating func enter(_ node: Name) -> VisitAction
    /// Called after the children of a `Name` (not called when `enter` skipped it).
    mutating func leave(_ node: Name) -> VisitAction
    /// Called before the children of a `Document`.
    mutating func enter(_ node: Document) -> VisitAction
    /// Called after the children of a `Document` (not called when `enter` skipped it).
    mutating func leave(_ node: Document) -> VisitAction
    /// Called before the children of a `OperationDefinition`.
    mutating func enter(_ node: OperationDefinition) -> VisitAction
    /// Called after the children of a `OperationDefinition` (not called when `enter` skipped it).
    mutating func leave(_ node: OperationDefinition) -> VisitAction
    /// Called before the children of a `VariableDefinition`.
    mutating func enter(_ node: VariableDefinition) -> VisitAction
    /// Called after the children of a `VariableDefinition` (not called when `enter` skipped it).
    mutating func leave(_ node: VariableDefinition) -> VisitAction
    /// Called before the children of a `Variable`.
    mutating func enter(_ node: Variable) -> VisitAction
    /// Called after the children of a `Variable` (not called when `enter` skipped it).
    mutating func leave(_ node: Variable) -> VisitAction
    /// Called before the children of a `SelectionSet`.
    mutating func enter(_ node: SelectionSet) -> VisitAction
    /// Called after the children of a `SelectionSet` (not called when `enter` skipped it).
    mutating func leave(_ node: SelectionSet) -> VisitAction
    /// Called before the children of a `Field`.
    mutating func enter(_ node: Field) -> VisitAction
    /// Called after the children of a `Field` (not called when `enter` skipped it).
    mutating func leave(_ node: Field) -> VisitAction
    /// Called before the children of a `Argument`.
    mutating func enter(_ node: Argument) -> VisitAction
    /// Called after the children of a `Argument` (not called when `enter` skipped it).
    mutating func leave(_ node: Argument) -> VisitAction
    /// Called before the children of a `FragmentSpread`.
    mutating func enter(_ node: FragmentSpread) -> VisitAction
    /// Called after the children of a `FragmentSpread` (not called when `enter` skipped it).
    mutating func leave(_ node: FragmentSpread) -> VisitAction
    /// Called before the children of a `InlineFragment`.
    mutating func enter(_ node: InlineFragment) -> VisitAction
    /// Called after the children of a `InlineFragment` (not called when `enter` skipped it).
    mutating func leave(_ node: InlineFragment) -> VisitAction
    /// Called before the children of a `FragmentDefinition`.
    mutating func enter(_ node: FragmentDefinition) -> VisitAction
    /// Called after the children of a `FragmentDefinition` (not called when `enter` skipped it).
    mutating func leave(_ node: FragmentDefinition) -> VisitAction
    /// Called before the children of a `IntValue`.
    mutating func enter(_ node: IntValue) -> VisitAction
    /// Called after the children of a `IntValue` (not called when `enter` skipped it).
    mutating func leave(_ node: IntValue) -> VisitAction
    /// Called before the children of a `FloatValue`.
    mutating func enter(_ node: FloatValue) -> VisitAction
    /// Called after the children of a `FloatValue` (not called when `enter` skipped it).
    mutating func leave(_ node: FloatValue) -> VisitAction
    /// Called before the children of a `StringValue`.
    mutating func enter(_ node: StringValue) -> VisitAction
    /// Called after the children of a `StringValue` (not called when `enter` skipped it).
    mutating func leave(_ node: StringValue) -> VisitAction
    /// Called before the children of a `BooleanValue`.
    mutating func enter(_ node: BooleanValue) -> VisitAction
    /// Called after the children of a `BooleanValue` (not called when `enter` skipped it).
    mutating func leave(_ node: BooleanValue) -> VisitAction
    /// Called before the children of a `NullValue`.
    mutating func enter(_ node: NullValue) -> VisitAction
    /// Called after the children of a `NullValue` (not called when `enter` skipped it).
    mutating func leave(_ node: NullValue) -> VisitAction
    /// Called before the children of a `EnumValue`.
    mutating func enter(_ node: EnumValue) -> VisitAction
    /// Called after the children of a `EnumValue` (not called when `enter` skipped it).
    mutating func leave(_ node: EnumValue) -> VisitAction
    /// Called before the children of a `ListValue`.
    mutating func enter(_ node: ListValue) -> VisitAction
    /// Called after the children of a `ListValue` (not called when `enter` skipped it).
    mutating func leave(_ node: ListValue) -> VisitAction
    /// Called before the children of a `ObjectValue`.
    mutating func enter(_ node: ObjectValue) -> VisitAction
    /// Called after the children of a `ObjectValue` (not called when `enter` skipped it).
    mutating func leave(_ node: ObjectValue) -> VisitAction
    /// Called before the children of a `ObjectField`.
    mutating func enter(_ node: ObjectField) -> VisitAction
    /// Called after the children of a `ObjectField` (not called when `enter` skipped it).
    mutating func leave(_ node: ObjectField) -> VisitAction
    /// Called before the children of a `Directive`.
    mutating func enter(_ node: Directive) -> VisitAction
    /// Called after the children of a `Directive` (not called when `enter` skipped it).
    mutating func leave(_ node: Directive) -> VisitAction
    /// Called before the children of a `NamedType`.
    mutating func enter(_ node: NamedType) -> VisitAction
    /// Called after the children of a `NamedType` (not called when `enter` skipped it).
    mutating func leave(_ node: NamedType) -> VisitAction
    /// Called before the children of a `ListType`.
    mutating func enter(_ node: ListType) -> VisitAction
    /// Called after the children of a `ListType` (not called when `enter` skipped it).
    mutating func leave(_ node: ListType) -> VisitAction
    /// Called before the children of a `NonNullType`.
    mutating func enter(_ node: NonNullType) -> VisitAction
    /// Called after the children of a `NonNullType` (not called when `enter` skipped it).
    mutating func leave(_ node: NonNullType) -> VisitAction
    /// Called before the children of a `SchemaDefinition`.
    mutating func enter(_ node: SchemaDefinition) -> VisitAction
    /// Called after the children of a `SchemaDefinition` (not called when `enter` skipped it).
    mutating func leave(_ node: SchemaDefinition) -> VisitAction
    /// Called before the children of a `OperationTypeDefinition`.
    mutating func enter(_ node: OperationTypeDefinition) -> VisitAction
    /// Called after the children of a `OperationTypeDefinition` (not called when `enter` skipped it).
    mutating func leave(_ node: OperationTypeDefinition) -> VisitAction
    /// Called before the children of a `ScalarTypeDefinition`.
    mutating func enter(_ node: ScalarTypeDefinition) -> VisitAction
    /// Called after the children of a `ScalarTypeDefinition` (not called when `enter` skipped it).
    mutating func leave(_ node: ScalarTypeDefinition) -> VisitAction
    /// Called before the children of a `ObjectTypeDefinition`.
    mutating func enter(_ node: ObjectTypeDefinition) -> VisitAction
    /// Called after the children of a `ObjectTypeDefinition` (not called when `enter` skipped it).
    mutating func leave(_ node: ObjectTypeDefinition) -> VisitAction
    /// Called before the children of a `FieldDefinition`.
    mutating func enter(_ node: FieldDefinition) -> VisitAction
    /// Called after the children of a `FieldDefinition` (not called when `enter` skipped it).
    mutating func leave(_ node: FieldDefinition) -> VisitAction
    /// Called before the children of a `InputValueDefinition`.
    mutating func enter(_ node: InputValueDefinition) -> VisitAction
    /// Called after the children of a `InputValueDefinition` (not called when `enter` skipped it).
    mutating func leave(_ node: InputValueDefinition) -> VisitAction
    /// Called before the children of a `InterfaceTypeDefinition`.
    mutating func enter(_ node: InterfaceTypeDefinition) -> VisitAction
    /// Called after the children of a `InterfaceTypeDefinition` (not called when `enter` skipped it).
    mutating func leave(_ node: InterfaceTypeDefinition) -> VisitAction
    /// Called before the children of a `UnionTypeDefinition`.
    mutating func enter(_ node: UnionTypeDefinition) -> VisitAction
    /// Called after the children of a `UnionTypeDefinition` (not called when `enter` skipped it).
    mutating func leave(_ node: UnionTypeDefinition) -> VisitAction
    /// Called before the children of a `EnumTypeDefinition`.
    mutating func enter(_ node: EnumTypeDefinition) -> VisitAction
    /// Called after the children of a `EnumTypeDefinition` (not called when `enter` skipped it).
    mutating func leave(_ node: EnumTypeDefinition) -> VisitAction
    /// Called before the children of a `EnumValueDefinition`.
    mutating func enter(_ node: EnumValueDefinition) -> VisitAction
    /// Called after the children of a `EnumValueDefinition` (not called when `enter` skipped it).
    mutating func leave(_ node: EnumValueDefinition) -> VisitAction
    /// Called before the children of a `InputObjectTypeDefinition`.
    mutating func enter(_ node: InputObjectTypeDefinition) -> VisitAction
    /// Called after the children of a `InputObjectTypeDefinition` (not called when `enter` skipped it).
    mutating func leave(_ node: InputObjectTypeDefinition) -> VisitAction
    /// Called before the children of a `DirectiveDefinition`.
    mutating func enter(_ node: DirectiveDefinition) -> VisitAction
    /// Called after the children of a `DirectiveDefinition` (not called when `enter` skipped it).
    mutating func leave(_ node: DirectiveDefinition) -> VisitAction
    /// Called before the children of a `SchemaExtension`.
    mutating func enter(_ node: SchemaExtension) -> VisitAction
    /// Called after the children of a `SchemaExtension` (not called when `enter` skipped it).
    mutating func leave(_ node: SchemaExtension) -> VisitAction
    /// Called before the children of a `ScalarTypeExtension`.
    mutating func enter(_ node: ScalarTypeExtension) -> VisitAction
    /// Called after the children of a `ScalarTypeExtension` (not called when `enter` skipped it).
    mutating func leave(_ node: ScalarTypeExtension) -> VisitAction
    /// Called before the children of a `ObjectTypeExtension`.
    mutating func enter(_ node: ObjectTypeExtension) -> VisitAction
    /// Called after the children of a `ObjectTypeExtension` (not called when `enter` skipped it).
    mutating func leave(_ node: ObjectTypeExtension) -> VisitAction
    /// Called before the children of a `InterfaceTypeExtension`.
    mutating func enter(_ node: InterfaceTypeExtension) -> VisitAction
    /// Called after the children of a `InterfaceTypeExtension` (not called when `enter` skipped it).
    mutating func leave(_ node: InterfaceTypeExtension) -> VisitAction
    /// Called before the children of a `UnionTypeExtension`.
    mutating func enter(_ node: UnionTypeExtension) -> VisitAction
    /// Called after the children of a `UnionTypeExtension` (not called when `enter` skipped it).
    mutating func leave(_ node: UnionTypeExtension) -> VisitAction
    /// Called before the children of a `EnumTypeExtension`.
    mutating func enter(_ node: EnumTypeExtension) -> VisitAction
    /// Called after the children of a `EnumTypeExtension` (not called when `enter` skipped it).
    mutating func leave(_ node: EnumTypeExtension) -> VisitAction
    /// Called before the children of a `InputObjectTypeExtension`.
    mutating func enter(_ node: InputObjectTypeExtension) -> VisitAction
    /// Called after the children of a `InputObjectTypeExtension` (not called when `enter` skipped it).
    mutating func leave(_ node: InputObjectTypeExtension) -> VisitAction
}

extension ASTVisitor {
    @inlinable public mutating func enter(_ node: Name) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: Name) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: Document) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: Document) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: OperationDefinition) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: OperationDefinition) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: VariableDefinition) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: VariableDefinition) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: Variable) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: Variable) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: SelectionSet) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: SelectionSet) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: Field) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: Field) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: Argument) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: Argument) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: FragmentSpread) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: FragmentSpread) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: InlineFragment) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: InlineFragment) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: FragmentDefinition) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: FragmentDefinition) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: IntValue) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: IntValue) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: FloatValue) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: FloatValue) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: StringValue) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: StringValue) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: BooleanValue) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: BooleanValue) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: NullValue) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: NullValue) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: EnumValue) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: EnumValue) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: ListValue) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: ListValue) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: ObjectValue) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: ObjectValue) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: ObjectField) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: ObjectField) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: Directive) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: Directive) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: NamedType) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: NamedType) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: ListType) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: ListType) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: NonNullType) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: NonNullType) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: SchemaDefinition) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: SchemaDefinition) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: OperationTypeDefinition) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: OperationTypeDefinition) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: ScalarTypeDefinition) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: ScalarTypeDefinition) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: ObjectTypeDefinition) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: ObjectTypeDefinition) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: FieldDefinition) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: FieldDefinition) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: InputValueDefinition) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: InputValueDefinition) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: InterfaceTypeDefinition) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: InterfaceTypeDefinition) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: UnionTypeDefinition) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: UnionTypeDefinition) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: EnumTypeDefinition) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: EnumTypeDefinition) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: EnumValueDefinition) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: EnumValueDefinition) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: InputObjectTypeDefinition) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: InputObjectTypeDefinition) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: DirectiveDefinition) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: DirectiveDefinition) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: SchemaExtension) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: SchemaExtension) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: ScalarTypeExtension) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: ScalarTypeExtension) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: ObjectTypeExtension) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: ObjectTypeExtension) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: InterfaceTypeExtension) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: InterfaceTypeExtension) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: UnionTypeExtension) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: UnionTypeExtension) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: EnumTypeExtension) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: EnumTypeExtension) -> VisitAction { .continue }
    @inlinable public mutating func enter(_ node: InputObjectTypeExtension) -> VisitAction { .continue }
    @inlinable public mutating func leave(_ node: InputObjectTypeExtension) -> VisitAction { .continue }
}
