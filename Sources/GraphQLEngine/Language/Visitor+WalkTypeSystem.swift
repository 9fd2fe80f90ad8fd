// Mirrors graphql-js 16 `ast.ts` (QueryDocumentKeys order); keep in step with AST.swift and ASTTypeSystem.swift.
// Field order is traversal order. Walks of type-system nodes.

extension SchemaDefinition: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if let child = description, !child.walk(&v) { return false }
        for child in directives { if !child.walk(&v) { return false } }
        for child in operationTypes { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension OperationTypeDefinition: WalkableNode {
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

extension ScalarTypeDefinition: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if let child = description, !child.walk(&v) { return false }
        if !name.walk(&v) { return false }
        for child in directives { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension ObjectTypeDefinition: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if let child = description, !child.walk(&v) { return false }
        if !name.walk(&v) { return false }
        for child in interfaces { if !child.walk(&v) { return false } }
        for child in directives { if !child.walk(&v) { return false } }
        for child in fields { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension FieldDefinition: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if let child = description, !child.walk(&v) { return false }
        if !name.walk(&v) { return false }
        for child in arguments { if !child.walk(&v) { return false } }
        if !type.walk(&v) { return false }
        for child in directives { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension InputValueDefinition: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if let child = description, !child.walk(&v) { return false }
        if !name.walk(&v) { return false }
        if !type.walk(&v) { return false }
        if let child = defaultValue, !child.walk(&v) { return false }
        for child in directives { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension InterfaceTypeDefinition: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if let child = description, !child.walk(&v) { return false }
        if !name.walk(&v) { return false }
        for child in interfaces { if !child.walk(&v) { return false } }
        for child in directives { if !child.walk(&v) { return false } }
        for child in fields { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension UnionTypeDefinition: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if let child = description, !child.walk(&v) { return false }
        if !name.walk(&v) { return false }
        for child in directives { if !child.walk(&v) { return false } }
        for child in types { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension EnumTypeDefinition: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if let child = description, !child.walk(&v) { return false }
        if !name.walk(&v) { return false }
        for child in directives { if !child.walk(&v) { return false } }
        for child in values { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension EnumValueDefinition: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if let child = description, !child.walk(&v) { return false }
        if !name.walk(&v) { return false }
        for child in directives { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension InputObjectTypeDefinition: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if let child = description, !child.walk(&v) { return false }
        if !name.walk(&v) { return false }
        for child in directives { if !child.walk(&v) { return false } }
        for child in fields { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension DirectiveDefinition: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if let child = description, !child.walk(&v) { return false }
        if !name.walk(&v) { return false }
        for child in arguments { if !child.walk(&v) { return false } }
        for child in locations { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension SchemaExtension: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        for child in directives { if !child.walk(&v) { return false } }
        for child in operationTypes { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension ScalarTypeExtension: WalkableNode {
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

extension ObjectTypeExtension: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if !name.walk(&v) { return false }
        for child in interfaces { if !child.walk(&v) { return false } }
        for child in directives { if !child.walk(&v) { return false } }
        for child in fields { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension InterfaceTypeExtension: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if !name.walk(&v) { return false }
        for child in interfaces { if !child.walk(&v) { return false } }
        for child in directives { if !child.walk(&v) { return false } }
        for child in fields { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension UnionTypeExtension: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if !name.walk(&v) { return false }
        for child in directives { if !child.walk(&v) { return false } }
        for child in types { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension EnumTypeExtension: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if !name.walk(&v) { return false }
        for child in directives { if !child.walk(&v) { return false } }
        for child in values { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}

extension InputObjectTypeExtension: WalkableNode {
    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch v.enter(self) {
        case .stop: return false
        case .skipChildren: return true
        case .continue: break
        }
        if !name.walk(&v) { return false }
        for child in directives { if !child.walk(&v) { return false } }
        for child in fields { if !child.walk(&v) { return false } }
        return v.leave(self) != .stop
    }
}
