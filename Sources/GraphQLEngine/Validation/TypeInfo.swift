// graphql-js `utilities/TypeInfo` (16.11): the types in scope at each node of a walk
// over a document. The validator's walker calls `enter` before and `leave` after the
// rules at every node of the kinds below; rules read it through `ValidationContext`.

/// Tracks, during a walk, the type of the current field, its parent composite type, the
/// input type of the current argument or input value, and the field, directive,
/// argument and enum value definitions in scope, exactly as graphql-js's `TypeInfo`.
///
/// A class because the walker updates it while the rules' context reads it. Its state is
/// `@exclusivity(unchecked)`: a walk is single-threaded and `enter`/`leave` never run
/// while a rule reads, so the dynamic exclusivity checks (a large share of a walk's time
/// otherwise) could never fire.
public final class TypeInfo {
    /// The schema the names resolve against.
    public let schema: GraphQLSchema
    @exclusivity(unchecked) private var typeStack: [GraphQLType?] = []
    @exclusivity(unchecked) private var parentTypeStack: [GraphQLNamedType?] = []
    @exclusivity(unchecked) private var inputTypeStack: [GraphQLType?] = []
    @exclusivity(unchecked) private var fieldDefStack: [GraphQLField?] = []
    /// The argument or input field whose default value is in scope (nil: none, as for list items).
    @exclusivity(unchecked) private var defaultValueStack: [GraphQLInputValue?] = []

    /// The directive being visited (nil outside directives and for unknown ones).
    @exclusivity(unchecked) public private(set) var directive: GraphQLDirective?
    /// The definition of the argument being visited, if known.
    @exclusivity(unchecked) public private(set) var argument: GraphQLArgument?
    /// The definition of the enum value being visited, if known.
    @exclusivity(unchecked) public private(set) var enumValue: GraphQLEnumValue?

    /// Creates an empty tracker for walks over documents against `schema`.
    public init(schema: GraphQLSchema) {
        self.schema = schema
        typeStack.reserveCapacity(16)
        parentTypeStack.reserveCapacity(16)
        fieldDefStack.reserveCapacity(16)
    }

    /// The output type of the current field, operation or fragment (graphql-js `getType`).
    public var type: GraphQLType? { typeStack.last ?? nil }
    /// The composite type whose selection set is being visited (graphql-js `getParentType`).
    public var parentType: GraphQLNamedType? { parentTypeStack.last ?? nil }
    /// The expected type of the current input value (graphql-js `getInputType`).
    public var inputType: GraphQLType? { inputTypeStack.last ?? nil }
    /// The expected type of the value enclosing the current one (graphql-js `getParentInputType`).
    public var parentInputType: GraphQLType? {
        inputTypeStack.count > 1 ? inputTypeStack[inputTypeStack.count - 2] : nil
    }
    /// The definition of the current field (graphql-js `getFieldDef`).
    public var fieldDef: GraphQLField? { fieldDefStack.last ?? nil }
    /// The default value of the current argument or input field; nil when it has none
    /// (graphql-js `getDefaultValue`, `undefined`).
    public var defaultValue: InputValue? { (defaultValueStack.last ?? nil)?.defaultValue }
    /// Whether the current argument or input field has a default value.
    public var hasDefaultValue: Bool { (defaultValueStack.last ?? nil)?.defaultValue != nil }

    // MARK: enter

    /// Before the children of a `SelectionSet` (graphql-js `TypeInfo.enter`).
    public func enter(_ node: SelectionSet) {
        let named = type?.namedType
        parentTypeStack.append(named?.isCompositeType == true ? named : nil)
    }

    /// Before the children of a `Field` (graphql-js `TypeInfo.enter`).
    public func enter(_ node: Field) {
        var fieldDef: GraphQLField? = nil
        if let parentType { fieldDef = getFieldDef(schema, parentType, node.name.value) }
        fieldDefStack.append(fieldDef)
        // A field's type is always an output type once the schema is valid; graphql-js
        // still checks, and an invalid schema never reaches the validator.
        typeStack.append(fieldDef.flatMap { $0.type.isOutputType ? $0.type : nil })
    }

    /// Before the children of a `Directive` (graphql-js `TypeInfo.enter`).
    public func enter(_ node: Directive) {
        directive = schema.directive(named: node.name.value)
    }

    /// Before the children of a `OperationDefinition` (graphql-js `TypeInfo.enter`).
    public func enter(_ node: OperationDefinition) {
        typeStack.append(schema.rootType(for: node.operation).map { .object($0) })
    }

    /// Before the children of a `InlineFragment` (graphql-js `TypeInfo.enter`).
    public func enter(_ node: InlineFragment) {
        let outputType: GraphQLType?
        if let typeCondition = node.typeCondition {
            outputType = schema.type(named: typeCondition.name.value).map { .named($0) }
        } else {
            outputType = type.map { .named($0.namedType) }
        }
        typeStack.append(outputType?.isOutputType == true ? outputType : nil)
    }

    /// Before the children of a `FragmentDefinition` (graphql-js `TypeInfo.enter`).
    public func enter(_ node: FragmentDefinition) {
        let outputType = schema.type(named: node.typeCondition.name.value)
        typeStack.append(outputType?.isOutputType == true ? outputType.map { .named($0) } : nil)
    }

    /// Before the children of a `VariableDefinition` (graphql-js `TypeInfo.enter`).
    public func enter(_ node: VariableDefinition) {
        let inputType = typeFromAST(schema, node.type)
        inputTypeStack.append(inputType?.isInputType == true ? inputType : nil)
    }

    /// Before the children of a `Argument` (graphql-js `TypeInfo.enter`).
    public func enter(_ node: Argument) {
        var argDef: GraphQLArgument? = nil
        // graphql-js: `getDirective() ?? getFieldDef()`, so the arguments of an unknown
        // directive resolve against the enclosing field's arguments.
        if let directive {
            argDef = directive.argument(named: node.name.value)
        } else if let fieldDef {
            argDef = fieldDef.argument(named: node.name.value)
        }
        argument = argDef
        defaultValueStack.append(argDef)
        inputTypeStack.append(argDef.flatMap { $0.type.isInputType ? $0.type : nil })
    }

    /// Before the children of a `ListValue` (graphql-js `TypeInfo.enter`).
    public func enter(_ node: ListValue) {
        let listType = inputType?.nullableType
        let itemType: GraphQLType?
        if case .list(let item)? = listType { itemType = item } else { itemType = listType }
        // List positions never have a default value.
        defaultValueStack.append(nil)
        inputTypeStack.append(itemType?.isInputType == true ? itemType : nil)
    }

    /// Before the children of a `ObjectField` (graphql-js `TypeInfo.enter`).
    public func enter(_ node: ObjectField) {
        var inputField: GraphQLInputField? = nil
        if case .inputObject(let objectType)? = inputType?.namedType {
            inputField = objectType.field(named: node.name.value)
        }
        defaultValueStack.append(inputField)
        inputTypeStack.append(inputField.flatMap { $0.type.isInputType ? $0.type : nil })
    }

    /// Before the children of a `EnumValue` (graphql-js `TypeInfo.enter`).
    public func enter(_ node: EnumValue) {
        if case .enum(let enumType)? = inputType?.namedType {
            enumValue = enumType.value(named: node.value)
        } else {
            enumValue = nil
        }
    }

    // MARK: leave

    /// After the children of a `SelectionSet` (graphql-js `TypeInfo.leave`).
    public func leave(_ node: SelectionSet) { parentTypeStack.removeLast() }

    /// After the children of a `Field` (graphql-js `TypeInfo.leave`).
    public func leave(_ node: Field) {
        fieldDefStack.removeLast()
        typeStack.removeLast()
    }

    /// After the children of a `Directive` (graphql-js `TypeInfo.leave`).
    public func leave(_ node: Directive) { directive = nil }
    /// After the children of a `OperationDefinition` (graphql-js `TypeInfo.leave`).
    public func leave(_ node: OperationDefinition) { typeStack.removeLast() }
    /// After the children of a `InlineFragment` (graphql-js `TypeInfo.leave`).
    public func leave(_ node: InlineFragment) { typeStack.removeLast() }
    /// After the children of a `FragmentDefinition` (graphql-js `TypeInfo.leave`).
    public func leave(_ node: FragmentDefinition) { typeStack.removeLast() }
    /// After the children of a `VariableDefinition` (graphql-js `TypeInfo.leave`).
    public func leave(_ node: VariableDefinition) { inputTypeStack.removeLast() }

    /// After the children of a `Argument` (graphql-js `TypeInfo.leave`).
    public func leave(_ node: Argument) {
        argument = nil
        defaultValueStack.removeLast()
        inputTypeStack.removeLast()
    }

    /// After the children of a `ListValue` (graphql-js `TypeInfo.leave`).
    public func leave(_ node: ListValue) {
        defaultValueStack.removeLast()
        inputTypeStack.removeLast()
    }

    /// After the children of a `ObjectField` (graphql-js `TypeInfo.leave`).
    public func leave(_ node: ObjectField) {
        defaultValueStack.removeLast()
        inputTypeStack.removeLast()
    }

    /// After the children of a `EnumValue` (graphql-js `TypeInfo.leave`).
    public func leave(_ node: EnumValue) { enumValue = nil }
}

/// graphql-js `getFieldDef` (TypeInfo's): the definition of field `name` on `parentType`,
/// including the meta fields `__schema` and `__type` (on the query root only) and
/// `__typename` (on any composite type).
public func getFieldDef(_ schema: GraphQLSchema, _ parentType: GraphQLNamedType, _ name: String) -> GraphQLField? {
    // Meta field names all start with "__"; checking that first keeps the common case cheap.
    if name.utf8.first == UInt8(ascii: "_") {
        if name == "__schema" || name == "__type" {
            if case .object(let object) = parentType, let queryType = schema.queryType, object === queryType {
                return name == "__schema" ? Introspection.schemaMetaField : Introspection.typeMetaField
            }
        } else if name == "__typename", parentType.isCompositeType {
            return Introspection.typeNameMetaField
        }
    }
    switch parentType {
    case .object(let t): return t.field(named: name)
    case .interface(let t): return t.field(named: name)
    default: return nil
    }
}
