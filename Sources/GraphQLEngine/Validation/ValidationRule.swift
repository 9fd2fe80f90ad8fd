// graphql-js `ValidationRule`: a function from the context to a visitor. Here a rule's
// visitor is a struct conforming to `ValidationRuleVisitor`, and `ValidationRule` wraps
// the function that makes it, so a list of rules is plain data (`specifiedRules`).

/// The visitor a validation rule runs over one document (graphql-js: the object a rule
/// function returns). It implements `enter`/`leave` for the node kinds it checks and
/// lists those kinds in `enteredKinds` and `leftKinds`: the validator calls it for those
/// kinds only, so a kind missing from the lists is never seen by the visitor.
///
/// Returning `.skipChildren` from `enter` stops calls to this visitor until the walk
/// leaves that node (its `leave` for the node is not called); `.stop` stops calls to it
/// for good. Neither affects the other rules or the type information, which always
/// walks the whole document (graphql-js `visitInParallel` + `visitWithTypeInfo`).
public protocol ValidationRuleVisitor: ASTVisitor, SendableMetatype {
    /// The node kinds whose `enter` this visitor implements.
    static var enteredKinds: KindSet { get }
    /// The node kinds whose `leave` this visitor implements.
    static var leftKinds: KindSet { get }
}

extension ValidationRuleVisitor {
    public static var leftKinds: KindSet { [] }
}

/// One validation rule (graphql-js `ValidationRule`): makes the rule's visitor for a document.
///
/// ```swift
/// let rules = specifiedRules + [ValidationRule { MyRule(context: $0) }]
/// ```
public struct ValidationRule: Sendable {
    /// The rule's name: its visitor's type name without generic arguments (graphql-js:
    /// the rule function's name, e.g. `KnownTypeNamesRule`).
    public let name: String
    let makeVisitor: @Sendable (ValidationContext) -> RuleVisitorBox

    /// A rule whose visitor `make` creates for each validated document.
    public init<V: ValidationRuleVisitor>(_ make: @escaping @Sendable (ValidationContext) -> V) {
        let typeName = String(describing: V.self)
        name = String(typeName.prefix { $0 != "<" })
        makeVisitor = { context in RuleBox(make(context)) }
    }
}
