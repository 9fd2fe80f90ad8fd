// Mirrors graphql-js 16 `ast.ts` (QueryDocumentKeys order); keep in step with AST.swift and ASTTypeSystem.swift.
// Field order is traversal order; the walks in Visitor+Walk*.swift follow it.

/// Runs several visitors over one traversal, like graphql-js `visitInParallel`:
/// a visitor that returns `.skipChildren` is not called again until the traversal leaves
/// that node; one that returns `.stop` is not called again at all. The traversal itself
/// stops only when every visitor has stopped.
public struct ParallelVisitor: ASTVisitor {
    /// The visitors, in call order.
    public var visitors: [any ASTVisitor]
    // Per visitor: nil = active, n >= 0 = skipping until leaving depth n, -1 = stopped.
    @usableFromInline var skipping: [Int?]
    @usableFromInline var depth = 0
    @usableFromInline var active: Int

    /// Creates a parallel visitor over `visitors`.
    public init(_ visitors: [any ASTVisitor]) {
        self.visitors = visitors
        self.skipping = Array(repeating: nil, count: visitors.count)
        self.active = visitors.count
    }

    @inlinable mutating func enterAll(_ call: (inout any ASTVisitor) -> VisitAction) -> VisitAction {
        depth += 1
        for i in visitors.indices where skipping[i] == nil {
            switch call(&visitors[i]) {
            case .continue: break
            case .skipChildren: skipping[i] = depth
            case .stop: skipping[i] = -1; active -= 1
            }
        }
        return active == 0 ? .stop : .continue
    }

    @inlinable mutating func leaveAll(_ call: (inout any ASTVisitor) -> VisitAction) -> VisitAction {
        for i in visitors.indices {
            if let s = skipping[i] {
                if s == depth { skipping[i] = nil }
                continue
            }
            if call(&visitors[i]) == .stop { skipping[i] = -1; active -= 1 }
        }
        depth -= 1
        return active == 0 ? .stop : .continue
    }

    public mutating func enter(_ node: Name) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: Name) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: Document) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: Document) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: OperationDefinition) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: OperationDefinition) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: VariableDefinition) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: VariableDefinition) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: Variable) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: Variable) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: SelectionSet) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: SelectionSet) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: Field) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: Field) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: Argument) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: Argument) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: FragmentSpread) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: FragmentSpread) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: InlineFragment) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: InlineFragment) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: FragmentDefinition) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: FragmentDefinition) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: IntValue) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: IntValue) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: FloatValue) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: FloatValue) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: StringValue) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: StringValue) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: BooleanValue) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: BooleanValue) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: NullValue) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: NullValue) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: EnumValue) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: EnumValue) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: ListValue) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: ListValue) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: ObjectValue) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: ObjectValue) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: ObjectField) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: ObjectField) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: Directive) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: Directive) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: NamedType) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: NamedType) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: ListType) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: ListType) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: NonNullType) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: NonNullType) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: SchemaDefinition) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: SchemaDefinition) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: OperationTypeDefinition) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: OperationTypeDefinition) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: ScalarTypeDefinition) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: ScalarTypeDefinition) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: ObjectTypeDefinition) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: ObjectTypeDefinition) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: FieldDefinition) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: FieldDefinition) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: InputValueDefinition) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: InputValueDefinition) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: InterfaceTypeDefinition) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: InterfaceTypeDefinition) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: UnionTypeDefinition) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: UnionTypeDefinition) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: EnumTypeDefinition) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: EnumTypeDefinition) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: EnumValueDefinition) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: EnumValueDefinition) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: InputObjectTypeDefinition) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: InputObjectTypeDefinition) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: DirectiveDefinition) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: DirectiveDefinition) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: SchemaExtension) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: SchemaExtension) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: ScalarTypeExtension) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: ScalarTypeExtension) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: ObjectTypeExtension) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: ObjectTypeExtension) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: InterfaceTypeExtension) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: InterfaceTypeExtension) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: UnionTypeExtension) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: UnionTypeExtension) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: EnumTypeExtension) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: EnumTypeExtension) -> VisitAction { leaveAll { $0.leave(node) } }
    public mutating func enter(_ node: InputObjectTypeExtension) -> VisitAction { enterAll { $0.enter(node) } }
    public mutating func leave(_ node: InputObjectTypeExtension) -> VisitAction { leaveAll { $0.leave(node) } }
}
