// Traversal (graphql-js `visitor.ts`), without graphql-js's in-place editing: nodes are
// values, so transformations rebuild what they change.

/// What a visitor callback asks the traversal to do next.
public enum VisitAction: Sendable, Hashable {
    /// Go on normally.
    case `continue`
    /// From `enter`: do not visit this node's children, and do not call `leave` for it
    /// (graphql-js `false`). From `leave`: same as `.continue`.
    case skipChildren
    /// Stop the whole traversal (graphql-js `BREAK`).
    case stop
}

/// Walks `node` depth-first in graphql-js order, calling `visitor.enter` before and
/// `visitor.leave` after each node's children. Returns false if the visitor stopped it.
///
/// ```swift
/// struct FieldCounter: ASTVisitor {
///     var count = 0
///     mutating func enter(_ node: Field) -> VisitAction { count += 1; return .continue }
///     mutating func enter(_ node: FragmentDefinition) -> VisitAction { .skipChildren }
/// }
/// var counter = FieldCounter()
/// visit(try parse("{ a b { c } }"), visitor: &counter)   // counter.count == 3
/// ```
///
/// The traversal is generic over the visitor (no per-node existentials or allocations).
/// Run many visitors in one pass with `ParallelVisitor`; wrap a visitor in another
/// (e.g. a type-info tracker that forwards each call) to compose behaviour.
/// Recursion depth equals AST depth, which the parser bounds (`ParseOptions.maxNestingDepth`).
@discardableResult
@inlinable
public func visit<N: ASTNode, V: ASTVisitor>(_ node: N, visitor: inout V) -> Bool {
    guard let walkable = node as? any WalkableNode else { return true }
    return walkable.walk(&visitor)
}

/// `visit` specialized for a whole document (no dynamic cast).
@discardableResult
@inlinable
public func visit<V: ASTVisitor>(_ document: Document, visitor: inout V) -> Bool {
    document.walk(&visitor)
}
