// Mirrors graphql-js 16 `ast.ts` (QueryDocumentKeys order); keep in step with AST.swift and ASTTypeSystem.swift.
// Field order is traversal order. Walks of executable-document nodes; type-system nodes are in Visitor+WalkTypeSystem.swift.

extension Name: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        return v.leave(self) != .stop
    }
}

extension Document: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        for child in definitions { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension OperationDefinition: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if let child = name, !child.walk(&v) { return false }
        for child in variableDefinitions { if !child.walk(&v) { return false } }
        for child in directives { if !child.walk(&v) { return false } }
        if !selectionSet.walk(&v) { return false }
        return v.leave(self) != .stop
    }
}

extension VariableDefinition: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if !variable.walk(&v) { return false }
        if !type.walk(&v) { return false }
        if let child = defaultValue, !child.walk(&v) { return false }
        for child in directives { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension Variable: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if !name.walk(&v) { return false }
        return v.leave(self) != .stop
    }
}

extension SelectionSet: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        for child in selections { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension Field: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if let child = alias, !child.walk(&v) { return false }
        if !name.walk(&v) { return false }
        for child in arguments { if !child.walk(&v) { return false } }
        for child in directives { if !child.walk(&v) { return false } }
        if let child = selectionSet, !child.walk(&v) { return false }
        return v.leave(self) != .stop
    }
}

extension Argument: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if !name.walk(&v) { return false }
        if !value.walk(&v) { return false }
        return v.leave(self) != .stop
    }
}

extension FragmentSpread: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if !name.walk(&v) { return false }
        for child in directives { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension InlineFragment: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if let child = typeCondition, !child.walk(&v) { return false }
        for child in directives { if !child.walk(&v) { return false } }
        if !selectionSet.walk(&v) { return false }
        return v.leave(self) != .stop
    }
}

extension FragmentDefinition: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if !name.walk(&v) { return false }
        if !typeCondition.walk(&v) { return false }
        for child in directives { if !child.walk(&v) { return false } }
        if !selectionSet.walk(&v) { return false }
        return v.leave(self) != .stop
    }
}

extension IntValue: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        return v.leave(self) != .stop
    }
}

extension FloatValue: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        return v.leave(self) != .stop
    }
}

extension StringValue: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        return v.leave(self) != .stop
    }
}

extension BooleanValue: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        return v.leave(self) != .stop
    }
}

extension NullValue: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        return v.leave(self) != .stop
    }
}

extension EnumValue: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        return v.leave(self) != .stop
    }
}

extension ListValue: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        for child in values { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension ObjectValue: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        for child in fields { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension ObjectField: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if !name.walk(&v) { return false }
        if !value.walk(&v) { return false }
        return v.leave(self) != .stop
    }
}

extension Directive: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if !name.walk(&v) { return false }
        for child in arguments { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension NamedType: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if !name.walk(&v) { return false }
        return v.leave(self) != .stop
    }
}

extension ListType: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if !type.walk(&v) { return false }
        return v.leave(self) != .stop
    }
}

extension NonNullType: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if !type.walk(&v) { return false }
        return v.leave(self) != .stop
    }
}
