// graphql-js `parser.ts`, type-system part: SDL definitions and extensions.

/// graphql-js `DirectiveLocation` names, the only names allowed after `on` in a directive definition.
let directiveLocationNames: Set<String> = [
    "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD",
    "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION",
    "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT",
    "INPUT_FIELD_DEFINITION",
]

extension Parser {
    @inline(__always) func peekDescription() -> Bool { peek(.string) || peek(.blockString) }

    mutating func parseDescription() throws(SyntaxErrorInfo) -> StringValue? {
        peekDescription() ? try parseStringLiteral() : nil
    }

    mutating func parseSchemaDefinition() throws(SyntaxErrorInfo) -> SchemaDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("schema")
        let directives = try parseDirectives(isConst: true)
        try expectToken(.braceL)
        var operationTypes: [OperationTypeDefinition] = []
        repeat {
            operationTypes.append(try parseOperationTypeDefinition())
        } while !(try expectOptionalToken(.braceR))
        return SchemaDefinition(description: description, directives: directives,
                                operationTypes: operationTypes, loc: loc(start))
    }

    mutating func parseOperationTypeDefinition() throws(SyntaxErrorInfo) -> OperationTypeDefinition {
        let start = token.start
        let operation = try parseOperationType()
        try expectToken(.colon)
        let type = try parseNamedType()
        return OperationTypeDefinition(operation: operation, type: type, loc: loc(start))
    }

    mutating func parseOptionalOperationTypes() throws(SyntaxErrorInfo) -> [OperationTypeDefinition] {
        guard try expectOptionalToken(.braceL) else { return [] }
        var nodes: [OperationTypeDefinition] = []
        repeat {
            nodes.append(try parseOperationTypeDefinition())
        } while !(try expectOptionalToken(.braceR))
        return nodes
    }

    mutating func parseScalarTypeDefinition() throws(SyntaxErrorInfo) -> ScalarTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("scalar")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        return ScalarTypeDefinition(description: description, name: name, directives: directives, loc: loc(start))
    }

    mutating func parseObjectTypeDefinition() throws(SyntaxErrorInfo) -> ObjectTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("type")
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseFieldsDefinition()
        return ObjectTypeDefinition(description: description, name: name, interfaces: interfaces,
                                    directives: directives, fields: fields, loc: loc(start))
    }

    mutating func parseImplementsInterfaces() throws(SyntaxErrorInfo) -> [NamedType] {
        guard try expectOptionalKeyword("implements") else { return [] }
        return try parseDelimitedNamedTypes(.amp)
    }

    /// graphql-js `delimitedMany(kind, parseNamedType)`.
    mutating func parseDelimitedNamedTypes(_ delimiter: TokenKind) throws(SyntaxErrorInfo) -> [NamedType] {
        _ = try expectOptionalToken(delimiter)
        var nodes: [NamedType] = []
        repeat {
            nodes.append(try parseNamedType())
        } while try expectOptionalToken(delimiter)
        return nodes
    }

    mutating func parseFieldsDefinition() throws(SyntaxErrorInfo) -> [FieldDefinition] {
        guard try expectOptionalToken(.braceL) else { return [] }
        var nodes: [FieldDefinition] = []
        repeat {
            nodes.append(try parseFieldDefinition())
        } while !(try expectOptionalToken(.braceR))
        return nodes
    }

    mutating func parseFieldDefinition() throws(SyntaxErrorInfo) -> FieldDefinition {
        let start = token.start
        let description = try parseDescription()
        let name = try parseName()
        let arguments = try parseArgumentDefs()
        try expectToken(.colon)
        let type = try parseTypeReference()
        let directives = try parseDirectives(isConst: true)
        return FieldDefinition(description: description, name: name, arguments: arguments, type: type,
                               directives: directives, loc: loc(start))
    }

    mutating func parseArgumentDefs() throws(SyntaxErrorInfo) -> [InputValueDefinition] {
        guard try expectOptionalToken(.parenL) else { return [] }
        var nodes: [InputValueDefinition] = []
        repeat {
            nodes.append(try parseInputValueDef())
        } while !(try expectOptionalToken(.parenR))
        return nodes
    }

    mutating func parseInputValueDef() throws(SyntaxErrorInfo) -> InputValueDefinition {
        let start = token.start
        let description = try parseDescription()
        let name = try parseName()
        try expectToken(.colon)
        let type = try parseTypeReference()
        var defaultValue: Value? = nil
        if try expectOptionalToken(.equals) { defaultValue = try parseValueLiteral(isConst: true) }
        let directives = try parseDirectives(isConst: true)
        return InputValueDefinition(description: description, name: name, type: type,
                                    defaultValue: defaultValue, directives: directives, loc: loc(start))
    }

    mutating func parseInterfaceTypeDefinition() throws(SyntaxErrorInfo) -> InterfaceTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("interface")
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseFieldsDefinition()
        return InterfaceTypeDefinition(description: description, name: name, interfaces: interfaces,
                                       directives: directives, fields: fields, loc: loc(start))
    }

    mutating func parseUnionTypeDefinition() throws(SyntaxErrorInfo) -> UnionTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("union")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let types = try parseUnionMemberTypes()
        return UnionTypeDefinition(description: description, name: name, directives: directives,
                                   types: types, loc: loc(start))
    }

    mutating func parseUnionMemberTypes() throws(SyntaxErrorInfo) -> [NamedType] {
        guard try expectOptionalToken(.equals) else { return [] }
        return try parseDelimitedNamedTypes(.pipe)
    }

    mutating func parseEnumTypeDefinition() throws(SyntaxErrorInfo) -> EnumTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("enum")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let values = try parseEnumValuesDefinition()
        return EnumTypeDefinition(description: description, name: name, directives: directives,
                                  values: values, loc: loc(start))
    }

    mutating func parseEnumValuesDefinition() throws(SyntaxErrorInfo) -> [EnumValueDefinition] {
        guard try expectOptionalToken(.braceL) else { return [] }
        var nodes: [EnumValueDefinition] = []
        repeat {
            let start = token.start
            let description = try parseDescription()
            let t = token
            if lexer.isName(t, "true") || lexer.isName(t, "false") || lexer.isName(t, "null") {
                throw SyntaxErrorInfo(position: t.start, description:
                    "\(tokenDesc(t)) is reserved and cannot be used for an enum value.")
            }
            let name = try parseName()
            let directives = try parseDirectives(isConst: true)
            nodes.append(EnumValueDefinition(description: description, name: name, directives: directives, loc: loc(start)))
        } while !(try expectOptionalToken(.braceR))
        return nodes
    }

    mutating func parseInputObjectTypeDefinition() throws(SyntaxErrorInfo) -> InputObjectTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("input")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseInputFieldsDefinition()
        return InputObjectTypeDefinition(description: description, name: name, directives: directives,
                                         fields: fields, loc: loc(start))
    }

    mutating func parseInputFieldsDefinition() throws(SyntaxErrorInfo) -> [InputValueDefinition] {
        guard try expectOptionalToken(.braceL) else { return [] }
        var nodes: [InputValueDefinition] = []
        repeat {
            nodes.append(try parseInputValueDef())
        } while !(try expectOptionalToken(.braceR))
        return nodes
    }

    mutating func parseTypeSystemExtension() throws(SyntaxErrorInfo) -> Definition {
        let keyword = try lexer.lookahead()
        if keyword.kind == .name {
            if lexer.isName(keyword, "schema") { return .schemaExtension(try parseSchemaExtension()) }
            if lexer.isName(keyword, "scalar") { return .scalarTypeExtension(try parseScalarTypeExtension()) }
            if lexer.isName(keyword, "type") { return .objectTypeExtension(try parseObjectTypeExtension()) }
            if lexer.isName(keyword, "interface") { return .interfaceTypeExtension(try parseInterfaceTypeExtension()) }
            if lexer.isName(keyword, "union") { return .unionTypeExtension(try parseUnionTypeExtension()) }
            if lexer.isName(keyword, "enum") { return .enumTypeExtension(try parseEnumTypeExtension()) }
            if lexer.isName(keyword, "input") { return .inputObjectTypeExtension(try parseInputObjectTypeExtension()) }
        }
        throw unexpected(keyword)
    }

    mutating func parseSchemaExtension() throws(SyntaxErrorInfo) -> SchemaExtension {
        let start = token.start
        try expectKeyword("extend")
        try expectKeyword("schema")
        let directives = try parseDirectives(isConst: true)
        let operationTypes = try parseOptionalOperationTypes()
        if directives.isEmpty && operationTypes.isEmpty { throw unexpected() }
        return SchemaExtension(directives: directives, operationTypes: operationTypes, loc: loc(start))
    }

    mutating func parseScalarTypeExtension() throws(SyntaxErrorInfo) -> ScalarTypeExtension {
        let start = token.start
        try expectKeyword("extend")
        try expectKeyword("scalar")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        if directives.isEmpty { throw unexpected() }
        return ScalarTypeExtension(name: name, directives: directives, loc: loc(start))
    }

    mutating func parseObjectTypeExtension() throws(SyntaxErrorInfo) -> ObjectTypeExtension {
        let start = token.start
        try expectKeyword("extend")
        try expectKeyword("type")
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseFieldsDefinition()
        if interfaces.isEmpty && directives.isEmpty && fields.isEmpty { throw unexpected() }
        return ObjectTypeExtension(name: name, interfaces: interfaces, directives: directives,
                                   fields: fields, loc: loc(start))
    }

    mutating func parseInterfaceTypeExtension() throws(SyntaxErrorInfo) -> InterfaceTypeExtension {
        let start = token.start
        try expectKeyword("extend")
        try expectKeyword("interface")
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseFieldsDefinition()
        if interfaces.isEmpty && directives.isEmpty && fields.isEmpty { throw unexpected() }
        return InterfaceTypeExtension(name: name, interfaces: interfaces, directives: directives,
                                      fields: fields, loc: loc(start))
    }

    mutating func parseUnionTypeExtension() throws(SyntaxErrorInfo) -> UnionTypeExtension {
        let start = token.start
        try expectKeyword("extend")
        try expectKeyword("union")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let types = try parseUnionMemberTypes()
        if directives.isEmpty && types.isEmpty { throw unexpected() }
        return UnionTypeExtension(name: name, directives: directives, types: types, loc: loc(start))
    }

    mutating func parseEnumTypeExtension() throws(SyntaxErrorInfo) -> EnumTypeExtension {
        let start = token.start
        try expectKeyword("extend")
        try expectKeyword("enum")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let values = try parseEnumValuesDefinition()
        if directives.isEmpty && values.isEmpty { throw unexpected() }
        return EnumTypeExtension(name: name, directives: directives, values: values, loc: loc(start))
    }

    mutating func parseInputObjectTypeExtension() throws(SyntaxErrorInfo) -> InputObjectTypeExtension {
        let start = token.start
        try expectKeyword("extend")
        try expectKeyword("input")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseInputFieldsDefinition()
        if directives.isEmpty && fields.isEmpty { throw unexpected() }
        return InputObjectTypeExtension(name: name, directives: directives, fields: fields, loc: loc(start))
    }

    mutating func parseDirectiveDefinition() throws(SyntaxErrorInfo) -> DirectiveDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("directive")
        try expectToken(.at)
        let name = try parseName()
        let arguments = try parseArgumentDefs()
        let repeatable = try expectOptionalKeyword("repeatable")
        try expectKeyword("on")
        _ = try expectOptionalToken(.pipe)
        var locations: [Name] = []
        repeat {
            let t = token
            let location = try parseName()
            guard directiveLocationNames.contains(location.value) else { throw unexpected(t) }
            locations.append(location)
        } while try expectOptionalToken(.pipe)
        return DirectiveDefinition(description: description, name: name, arguments: arguments,
                                   repeatable: repeatable, locations: locations, loc: loc(start))
    }
}
