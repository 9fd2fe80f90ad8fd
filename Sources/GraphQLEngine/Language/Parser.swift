// graphql-js `parser.ts`: a recursive-descent parser with graphql-js 16.11's error
// messages, plus a nesting-depth bound so no input can overflow the stack.
// Type-system definitions are in Parser+TypeSystem.swift.

/// Options for `parse`, `parseValue` and `parseType`.
public struct ParseOptions: Sendable {
    /// The default `maxNestingDepth`.
    public static let defaultMaxNestingDepth = 256

    /// Maximum number of tokens (graphql-js `maxTokens`); nil for no limit.
    public var maxTokens: Int? = nil
    /// Maximum nesting of selection sets, list/object values and list types, combined.
    /// Deeper input is a syntax error (`Document nesting exceeds the maximum depth of N.`).
    public var maxNestingDepth: Int = ParseOptions.defaultMaxNestingDepth

    /// Creates options.
    public init(maxTokens: Int? = nil, maxNestingDepth: Int = ParseOptions.defaultMaxNestingDepth) {
        self.maxTokens = maxTokens
        self.maxNestingDepth = maxNestingDepth
    }
}

/// Parses a GraphQL document (graphql-js `parse`).
public func parse(_ source: Source, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> Document {
    var document = try withParser(source, options) { (p: inout Parser) throws(SyntaxErrorInfo) in
        try p.parseDocument()
    }
    document.source = source
    return document
}

/// Parses a GraphQL document from text (graphql-js `parse`).
public func parse(_ body: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> Document {
    try parse(Source(body: body), options: options)
}

/// Parses a single value literal, variables allowed (graphql-js `parseValue`).
public func parseValue(_ body: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> Value {
    try withParser(Source(body: body), options) { (p: inout Parser) throws(SyntaxErrorInfo) in
        try p.expectToken(.sof)
        let value = try p.parseValueLiteral(isConst: false)
        try p.expectToken(.eof)
        return value
    }
}

/// Parses a single constant value literal (graphql-js `parseConstValue`).
public func parseConstValue(_ body: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> Value {
    try withParser(Source(body: body), options) { (p: inout Parser) throws(SyntaxErrorInfo) in
        try p.expectToken(.sof)
        let value = try p.parseValueLiteral(isConst: true)
        try p.expectToken(.eof)
        return value
    }
}

/// Parses a type reference such as `[String!]!` (graphql-js `parseType`).
public func parseType(_ body: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> TypeReference {
    try withParser(Source(body: body), options) { (p: inout Parser) throws(SyntaxErrorInfo) in
        try p.expectToken(.sof)
        let type = try p.parseTypeReference()
        try p.expectToken(.eof)
        return type
    }
}

/// Runs `body` with a parser over the source's UTF-8 bytes, turning internal errors into
/// `GraphQLError`s. The bytes are borrowed only for the duration of the call.
func withParser<R>(
    _ source: Source, _ options: ParseOptions,
    _ body: (inout Parser) throws(SyntaxErrorInfo) -> R
) throws(GraphQLError) -> R {
    var text = source.body
    let result: Result<R, SyntaxErrorInfo> = text.withUTF8 { bytes in
        var parser = Parser(lexer: Lexer(bytes: bytes), options: options)
        do throws(SyntaxErrorInfo) {
            return .success(try body(&parser))
        } catch {
            return .failure(error)
        }
    }
    switch result {
    case .success(let r): return r
    case .failure(let e): throw GraphQLError.syntaxError(source: source, position: e.position, description: e.description)
    }
}

/// The parser state. Methods mirror graphql-js's `Parser` one to one.
struct Parser: ~Copyable {
    var lexer: Lexer
    let maxTokens: Int?
    let maxDepth: Int
    var tokenCounter = 0
    var depth = 0
    var scratch = ParserScratch()

    init(lexer: Lexer, options: ParseOptions) {
        self.lexer = lexer
        self.maxTokens = options.maxTokens
        self.maxDepth = options.maxNestingDepth
    }

    // MARK: - Token helpers

    @inline(__always) var token: Token { lexer.token }

    @inline(__always) func peek(_ kind: TokenKind) -> Bool { lexer.token.kind == kind }

    @inline(__always) func loc(_ start: Int) -> Location { Location(start: start, end: lexer.lastTokenEnd) }

    /// graphql-js `advanceLexer`, with the `maxTokens` check.
    @inline(__always) mutating func advanceLexer() throws(SyntaxErrorInfo) {
        try lexer.advance()
        if let maxTokens, lexer.token.kind != .eof {
            tokenCounter += 1
            if tokenCounter > maxTokens {
                throw SyntaxErrorInfo(position: lexer.token.start, description:
                    "Document contains more than \(maxTokens) tokens. Parsing aborted.")
            }
        }
    }

    /// graphql-js `getTokenDesc`.
    func tokenDesc(_ t: Token) -> String {
        if let v = lexer.value(of: t) { return t.kind.desc + " \"" + v + "\"" }
        return t.kind.desc
    }

    func unexpected(_ t: Token? = nil) -> SyntaxErrorInfo {
        let t = t ?? lexer.token
        return SyntaxErrorInfo(position: t.start, description: "Unexpected \(tokenDesc(t)).")
    }

    @discardableResult
    @inline(__always) mutating func expectToken(_ kind: TokenKind) throws(SyntaxErrorInfo) -> Token {
        let t = lexer.token
        guard t.kind == kind else {
            throw SyntaxErrorInfo(position: t.start, description: "Expected \(kind.desc), found \(tokenDesc(t)).")
        }
        try advanceLexer()
        return t
    }

    @inline(__always) mutating func expectOptionalToken(_ kind: TokenKind) throws(SyntaxErrorInfo) -> Bool {
        guard lexer.token.kind == kind else { return false }
        try advanceLexer()
        return true
    }

    mutating func expectKeyword(_ value: StaticString) throws(SyntaxErrorInfo) {
        let t = lexer.token
        guard lexer.isName(t, value) else {
            throw SyntaxErrorInfo(position: t.start, description: "Expected \"\(value)\", found \(tokenDesc(t)).")
        }
        try advanceLexer()
    }

    mutating func expectOptionalKeyword(_ value: StaticString) throws(SyntaxErrorInfo) -> Bool {
        guard lexer.isName(lexer.token, value) else { return false }
        try advanceLexer()
        return true
    }

    /// Enters one nesting level (selection set, list/object value, list type).
    @inline(__always) mutating func enterNesting() throws(SyntaxErrorInfo) {
        depth += 1
        if depth > maxDepth {
            throw SyntaxErrorInfo(position: lexer.token.start, description:
                "Document nesting exceeds the maximum depth of \(maxDepth).")
        }
    }

    // MARK: - Document

    mutating func parseName() throws(SyntaxErrorInfo) -> Name {
        let t = try expectToken(.name)
        return Name(value: lexer.asciiText(t.start, t.end), loc: Location(start: t.start, end: t.end))
    }

    mutating func parseDocument() throws(SyntaxErrorInfo) -> Document {
        try expectToken(.sof)
        let mark = scratch.definitions.count
        repeat {
            scratch.definitions.push(try parseDefinition())
        } while !(try expectOptionalToken(.eof))
        return Document(definitions: scratch.definitions.pop(from: mark), loc: loc(0))
    }

    mutating func parseDefinition() throws(SyntaxErrorInfo) -> Definition {
        if peek(.braceL) { return .operation(try parseOperationDefinition()) }
        // Many definitions begin with a description and need a lookahead.
        let hasDescription = peekDescription()
        let keyword = hasDescription ? try lexer.lookahead() : lexer.token
        if keyword.kind == .name {
            if lexer.isName(keyword, "schema") { return .schema(try parseSchemaDefinition()) }
            if lexer.isName(keyword, "scalar") { return .scalarType(try parseScalarTypeDefinition()) }
            if lexer.isName(keyword, "type") { return .objectType(try parseObjectTypeDefinition()) }
            if lexer.isName(keyword, "interface") { return .interfaceType(try parseInterfaceTypeDefinition()) }
            if lexer.isName(keyword, "union") { return .unionType(try parseUnionTypeDefinition()) }
            if lexer.isName(keyword, "enum") { return .enumType(try parseEnumTypeDefinition()) }
            if lexer.isName(keyword, "input") { return .inputObjectType(try parseInputObjectTypeDefinition()) }
            if lexer.isName(keyword, "directive") { return .directive(try parseDirectiveDefinition()) }
            if hasDescription {
                throw SyntaxErrorInfo(position: lexer.token.start, description:
                    "Unexpected description, descriptions are supported only on type definitions.")
            }
            if lexer.isName(keyword, "query") || lexer.isName(keyword, "mutation")
                || lexer.isName(keyword, "subscription") {
                return .operation(try parseOperationDefinition())
            }
            if lexer.isName(keyword, "fragment") { return .fragment(try parseFragmentDefinition()) }
            if lexer.isName(keyword, "extend") { return try parseTypeSystemExtension() }
        }
        throw unexpected(keyword)
    }

    // MARK: - Operations

    mutating func parseOperationDefinition() throws(SyntaxErrorInfo) -> OperationDefinition {
        let start = token.start
        if peek(.braceL) {
            return OperationDefinition(operation: .query, selectionSet: try parseSelectionSet(), loc: loc(start))
        }
        let operation = try parseOperationType()
        var name: Name? = nil
        if peek(.name) { name = try parseName() }
        let variableDefinitions = try parseVariableDefinitions()
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return OperationDefinition(operation: operation, name: name, variableDefinitions: variableDefinitions,
                                   directives: directives, selectionSet: selectionSet, loc: loc(start))
    }

    mutating func parseOperationType() throws(SyntaxErrorInfo) -> OperationType {
        let t = try expectToken(.name)
        if lexer.isName(t, "query") { return .query }
        if lexer.isName(t, "mutation") { return .mutation }
        if lexer.isName(t, "subscription") { return .subscription }
        throw unexpected(t)
    }

    mutating func parseVariableDefinitions() throws(SyntaxErrorInfo) -> [VariableDefinition] {
        guard try expectOptionalToken(.parenL) else { return [] }
        let mark = scratch.variableDefinitions.count
        repeat {
            scratch.variableDefinitions.push(try parseVariableDefinition())
        } while !(try expectOptionalToken(.parenR))
        return scratch.variableDefinitions.pop(from: mark)
    }

    mutating func parseVariableDefinition() throws(SyntaxErrorInfo) -> VariableDefinition {
        let start = token.start
        let variable = try parseVariable()
        try expectToken(.colon)
        let type = try parseTypeReference()
        var defaultValue: Value? = nil
        if try expectOptionalToken(.equals) { defaultValue = try parseValueLiteral(isConst: true) }
        let directives = try parseDirectives(isConst: true)
        return VariableDefinition(variable: variable, type: type, defaultValue: defaultValue,
                                  directives: directives, loc: loc(start))
    }

    mutating func parseVariable() throws(SyntaxErrorInfo) -> Variable {
        let start = token.start
        try expectToken(.dollar)
        let name = try parseName()
        return Variable(name: name, loc: loc(start))
    }

    mutating func parseSelectionSet() throws(SyntaxErrorInfo) -> SelectionSet {
        let start = token.start
        try enterNesting()
        try expectToken(.braceL)
        let mark = scratch.selections.count
        repeat {
            if peek(.spread) {
                scratch.selections.push(try parseFragment())
            } else {
                try parseField()
            }
        } while !(try expectOptionalToken(.braceR))
        depth -= 1
        return SelectionSet(selections: scratch.selections.pop(from: mark), loc: loc(start))
    }

    /// The part of a field before its selection set. A tuple, not a struct: it is
    /// destructured into separately owned values, so building the `Field` moves them
    /// (taking them out of a struct, or completing a returned `Field` in place, left a
    /// copy and a destroy of each part in optimized builds).
    typealias FieldHead = (alias: Name?, name: Name, arguments: [Argument], directives: [Directive])

    /// Parses a field and pushes it as a selection. The head is parsed in its own
    /// function so this recursive frame stays small.
    mutating func parseField() throws(SyntaxErrorInfo) {
        let start = token.start
        let head = try parseFieldHead()
        let selectionSet = peek(.braceL) ? try parseSelectionSet() : nil
        pushField(head, selectionSet, start: start)
    }

    /// Builds the field and pushes it; a separate function so the `Field` and `Selection`
    /// temporaries of debug builds (which do not inline) are not in the recursive frame.
    mutating func pushField(_ head: consuming FieldHead, _ selectionSet: consuming SelectionSet?, start: Int) {
        let (alias, name, arguments, directives) = head
        scratch.selections.push(.field(Field(alias: alias, name: name, arguments: arguments,
                                             directives: directives, selectionSet: selectionSet,
                                             loc: loc(start))))
    }

    @inline(never)
    mutating func parseFieldHead() throws(SyntaxErrorInfo) -> FieldHead {
        let nameOrAlias = try parseName()
        if try expectOptionalToken(.colon) {
            let name = try parseName()
            return (nameOrAlias, name, try parseArguments(isConst: false), try parseDirectives(isConst: false))
        }
        return (nil, nameOrAlias, try parseArguments(isConst: false), try parseDirectives(isConst: false))
    }

    mutating func parseArguments(isConst: Bool) throws(SyntaxErrorInfo) -> [Argument] {
        guard try expectOptionalToken(.parenL) else { return [] }
        let mark = scratch.arguments.count
        repeat {
            let start = token.start
            let name = try parseName()
            try expectToken(.colon)
            let value = try parseValueLiteral(isConst: isConst)
            scratch.arguments.push(Argument(name: name, value: value, loc: loc(start)))
        } while !(try expectOptionalToken(.parenR))
        return scratch.arguments.pop(from: mark)
    }

    /// `...Name` or `... on Type { }` / `... { }`.
    mutating func parseFragment() throws(SyntaxErrorInfo) -> Selection {
        let start = token.start
        try expectToken(.spread)
        let hasTypeCondition = try expectOptionalKeyword("on")
        if !hasTypeCondition && peek(.name) { return try parseFragmentSpread(start: start) }
        let typeCondition = hasTypeCondition ? try parseNamedType() : nil
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return .inlineFragment(InlineFragment(typeCondition: typeCondition, directives: directives,
                                              selectionSet: selectionSet, loc: loc(start)))
    }

    @inline(never)
    mutating func parseFragmentSpread(start: Int) throws(SyntaxErrorInfo) -> Selection {
        let name = try parseFragmentName()
        let directives = try parseDirectives(isConst: false)
        return .fragmentSpread(FragmentSpread(name: name, directives: directives, loc: loc(start)))
    }

    mutating func parseFragmentDefinition() throws(SyntaxErrorInfo) -> FragmentDefinition {
        let start = token.start
        try expectKeyword("fragment")
        let name = try parseFragmentName()
        try expectKeyword("on")
        let typeCondition = try parseNamedType()
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return FragmentDefinition(name: name, typeCondition: typeCondition, directives: directives,
                                  selectionSet: selectionSet, loc: loc(start))
    }

    mutating func parseFragmentName() throws(SyntaxErrorInfo) -> Name {
        // `lexer.token`, not `token`: reading our own computed property while calling a
        // lexer method made the optimizer copy the whole lexer.
        if lexer.isName(lexer.token, "on") { throw unexpected() }
        return try parseName()
    }

    // MARK: - Values

    /// Values recurse through this small dispatcher and `parseList` / `parseObject`; the
    /// leaf cases live in a separate function so the recursive frames stay small (debug
    /// builds give every temporary of a function its own stack slot).
    mutating func parseValueLiteral(isConst: Bool) throws(SyntaxErrorInfo) -> Value {
        switch token.kind {
        case .bracketL: return try parseList(isConst: isConst)
        case .braceL: return try parseObject(isConst: isConst)
        default: return try parseLeafValue(isConst: isConst)
        }
    }

    mutating func parseList(isConst: Bool) throws(SyntaxErrorInfo) -> Value {
        let start = token.start
        try enterNesting()
        try advanceLexer()
        let mark = scratch.values.count
        while !(try expectOptionalToken(.bracketR)) {
            scratch.values.push(try parseValueLiteral(isConst: isConst))
        }
        depth -= 1
        return .list(ListValue(values: scratch.values.pop(from: mark), loc: loc(start)))
    }

    mutating func parseObject(isConst: Bool) throws(SyntaxErrorInfo) -> Value {
        let start = token.start
        try enterNesting()
        try advanceLexer()
        let mark = scratch.objectFields.count
        while !(try expectOptionalToken(.braceR)) {
            try parseObjectField(isConst: isConst)
        }
        depth -= 1
        return .object(ObjectValue(fields: scratch.objectFields.pop(from: mark), loc: loc(start)))
    }

    mutating func parseObjectField(isConst: Bool) throws(SyntaxErrorInfo) {
        let start = token.start
        let name = try parseName()
        try expectToken(.colon)
        let value = try parseValueLiteral(isConst: isConst)
        scratch.objectFields.push(ObjectField(name: name, value: value, loc: loc(start)))
    }

    @inline(never)
    mutating func parseLeafValue(isConst: Bool) throws(SyntaxErrorInfo) -> Value {
        let t = token
        switch t.kind {
        case .int:
            try advanceLexer()
            return .int(IntValue(value: lexer.asciiText(t.start, t.end), loc: loc(t.start)))
        case .float:
            try advanceLexer()
            return .float(FloatValue(value: lexer.asciiText(t.start, t.end), loc: loc(t.start)))
        case .string, .blockString:
            return .string(try parseStringLiteral())
        case .name:
            try advanceLexer()
            if lexer.isName(t, "true") { return .boolean(BooleanValue(value: true, loc: loc(t.start))) }
            if lexer.isName(t, "false") { return .boolean(BooleanValue(value: false, loc: loc(t.start))) }
            if lexer.isName(t, "null") { return .null(NullValue(loc: loc(t.start))) }
            return .enumValue(EnumValue(value: lexer.asciiText(t.start, t.end), loc: loc(t.start)))
        case .dollar:
            if isConst {
                try expectToken(.dollar)
                if token.kind == .name {
                    let varName = lexer.text(token.start, token.end)
                    throw SyntaxErrorInfo(position: t.start, description:
                        "Unexpected variable \"$\(varName)\" in constant value.")
                }
                throw unexpected(t)
            }
            return .variable(try parseVariable())
        default:
            throw unexpected()
        }
    }

    mutating func parseStringLiteral() throws(SyntaxErrorInfo) -> StringValue {
        let t = token
        let value = lexer.tokenValue ?? ""
        try advanceLexer()
        return StringValue(value: value, block: t.kind == .blockString, loc: loc(t.start))
    }

    mutating func parseDirectives(isConst: Bool) throws(SyntaxErrorInfo) -> [Directive] {
        guard peek(.at) else { return [] }
        let mark = scratch.directives.count
        repeat {
            let start = token.start
            try expectToken(.at)
            let name = try parseName()
            let arguments = try parseArguments(isConst: isConst)
            scratch.directives.push(Directive(name: name, arguments: arguments, loc: loc(start)))
        } while peek(.at)
        return scratch.directives.pop(from: mark)
    }

    // MARK: - Types

    mutating func parseTypeReference() throws(SyntaxErrorInfo) -> TypeReference {
        let start = token.start
        let type = peek(.bracketL) ? try parseListType() : .named(try parseNamedType())
        if try expectOptionalToken(.bang) {
            return .nonNull(NonNullType(type: type, loc: loc(start)))
        }
        return type
    }

    mutating func parseListType() throws(SyntaxErrorInfo) -> TypeReference {
        let start = token.start
        try enterNesting()
        try advanceLexer()
        let inner = try parseTypeReference()
        try expectToken(.bracketR)
        depth -= 1
        return .list(ListType(type: inner, loc: loc(start)))
    }

    mutating func parseNamedType() throws(SyntaxErrorInfo) -> NamedType {
        let start = token.start
        let name = try parseName()
        return NamedType(name: name, loc: loc(start))
    }
}
