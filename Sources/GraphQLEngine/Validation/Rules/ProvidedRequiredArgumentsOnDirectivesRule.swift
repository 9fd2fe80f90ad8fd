// graphql-js `ProvidedRequiredArgumentsOnDirectivesRule` (the directive half of
// `ProvidedRequiredArgumentsRule`, shared by SDL and executable validation).

/// Every required argument (non-null, no default) of a directive is given.
public struct ProvidedRequiredArgumentsOnDirectivesRule<Context: ASTValidationContext>: ASTVisitor {
    let context: Context
    /// Per directive: its required arguments in order, with their type as printed.
    var requiredArgsMap: [String: [(name: String, type: String)]] = [:]

    public init(context: Context) {
        self.context = context
        for directive in context.schema?.directives ?? specifiedDirectives {
            requiredArgsMap[directive.name] = Self.keyed(
                directive.args.filter(\.isRequired).map { ($0.name, $0.type.description) })
        }
        for case .directive(let def) in context.document.definitions {
            let required = def.arguments.filter { arg in
                if case .nonNull = arg.type, arg.defaultValue == nil { return true }
                return false
            }
            requiredArgsMap[def.name.value] = Self.keyed(required.map { ($0.name.value, printAST($0.type)) })
        }
    }

    /// graphql-js `keyMap`: a repeated name keeps its first position and last value.
    private static func keyed(_ args: [(String, String)]) -> [(name: String, type: String)] {
        var result: [(name: String, type: String)] = []
        for (name, type) in args {
            if let i = result.firstIndex(where: { $0.name == name }) {
                result[i].type = type
            } else {
                result.append((name, type))
            }
        }
        return result
    }

    public mutating func leave(_ node: Directive) -> VisitAction {
        let directiveName = node.name.value
        guard let requiredArgs = requiredArgsMap[directiveName] else { return .continue }
        let given = Set(node.arguments.map(\.name.value))
        for (argName, argType) in requiredArgs where !given.contains(argName) {
            context.report(
                "Directive \"@\(directiveName)\" argument \"\(argName)\" of type \"\(argType)\" is required, but it was not provided.",
                [node.loc])
        }
        return .continue
    }
}
