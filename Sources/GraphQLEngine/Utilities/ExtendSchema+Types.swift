// graphql-js `extendSchemaImpl`'s `extendNamedType` and `buildType`: a named type
// rebuilt with its extensions, or built from its definition. Whatever refers to other
// types (fields, interfaces, members) is filled in once every type exists.

extension SchemaExtender {
    private func extensions<E>(_ name: String, _ pick: (Definition) -> E?) -> [SourcedNode<E>] {
        (typeExtensions[name] ?? []).compactMap(pick).map { SourcedNode($0, source: source) }
    }

    // MARK: Existing types

    func extendNamedType(_ type: GraphQLNamedType) throws -> GraphQLNamedType {
        if type.isIntrospectionType || type.isSpecifiedScalarType { return type }
        switch type {
        case .scalar(let t):
            let exts = extensions(t.name) { if case .scalarTypeExtension(let e) = $0 { e } else { nil } }
            var url = t.specifiedByURL
            for ext in exts { url = try specifiedByURL(ext.node.directives) ?? url }
            return .scalar(t.extended(specifiedByURL: url, extensionASTNodes: exts))
        case .object(let t):
            let exts = extensions(t.name) { if case .objectTypeExtension(let e) = $0 { e } else { nil } }
            let new = GraphQLObjectType(
                name: t.name, description: t.description, astNode: t.astNode,
                extensionASTNodes: t.extensionASTNodes + exts)
            pending.append { [unowned self] in
                new.define(
                    fields: t.fields.map(self.extendField) + (try self.buildFields(exts.flatMap(\.node.fields))),
                    declaredInterfaces: t.declaredInterfaces.map(self.replaceNamedType)
                        + (try exts.flatMap(\.node.interfaces).map(self.namedType)))
            }
            return .object(new)
        case .interface(let t):
            let exts = extensions(t.name) { if case .interfaceTypeExtension(let e) = $0 { e } else { nil } }
            let new = GraphQLInterfaceType(
                name: t.name, description: t.description, astNode: t.astNode,
                extensionASTNodes: t.extensionASTNodes + exts)
            pending.append { [unowned self] in
                new.define(
                    fields: t.fields.map(self.extendField) + (try self.buildFields(exts.flatMap(\.node.fields))),
                    declaredInterfaces: t.declaredInterfaces.map(self.replaceNamedType)
                        + (try exts.flatMap(\.node.interfaces).map(self.namedType)))
            }
            return .interface(new)
        case .union(let t):
            let exts = extensions(t.name) { if case .unionTypeExtension(let e) = $0 { e } else { nil } }
            let new = GraphQLUnionType(
                name: t.name, description: t.description, astNode: t.astNode,
                extensionASTNodes: t.extensionASTNodes + exts)
            pending.append { [unowned self] in
                new.define(
                    types: t.types.map(self.replaceNamedType) + (try exts.flatMap(\.node.types).map(self.namedType)))
            }
            return .union(new)
        case .enum(let t):
            let exts = extensions(t.name) { if case .enumTypeExtension(let e) = $0 { e } else { nil } }
            return .enum(
                GraphQLEnumType(
                    name: t.name, description: t.description,
                    values: t.values + (try buildEnumValues(exts.flatMap(\.node.values))),
                    astNode: t.astNode, extensionASTNodes: t.extensionASTNodes + exts))
        case .inputObject(let t):
            let exts = extensions(t.name) { if case .inputObjectTypeExtension(let e) = $0 { e } else { nil } }
            let new = GraphQLInputObjectType(
                name: t.name, description: t.description, isOneOf: t.isOneOf, astNode: t.astNode,
                extensionASTNodes: t.extensionASTNodes + exts)
            pending.append { [unowned self] in
                new.define(
                    fields: t.fields.map { $0.with(type: self.replaceType($0.type)) }
                        + (try self.buildInputValues(exts.flatMap(\.node.fields))))
            }
            return .inputObject(new)
        }
    }

    // MARK: New types

    func buildType(_ definition: Definition) throws -> GraphQLNamedType? {
        switch definition {
        case .scalarType(let node):
            let exts = extensions(node.name.value) { if case .scalarTypeExtension(let e) = $0 { e } else { nil } }
            let implementation = scalarImplementations[node.name.value]
            return .scalar(
                GraphQLScalarType(
                    name: node.name.value, description: node.description?.value,
                    specifiedByURL: try specifiedByURL(node.directives), serialize: implementation?.serialize,
                    parseValue: implementation?.parseValue, parseLiteral: implementation?.parseLiteral,
                    astNode: sourced(node), extensionASTNodes: exts))
        case .objectType(let node):
            let exts = extensions(node.name.value) { if case .objectTypeExtension(let e) = $0 { e } else { nil } }
            let type = GraphQLObjectType(
                name: node.name.value, description: node.description?.value, astNode: sourced(node),
                extensionASTNodes: exts)
            pending.append { [unowned self] in
                type.define(
                    fields: try self.buildFields(node.fields + exts.flatMap(\.node.fields)),
                    declaredInterfaces: try (node.interfaces + exts.flatMap(\.node.interfaces)).map(self.namedType))
            }
            return .object(type)
        case .interfaceType(let node):
            let exts = extensions(node.name.value) { if case .interfaceTypeExtension(let e) = $0 { e } else { nil } }
            let type = GraphQLInterfaceType(
                name: node.name.value, description: node.description?.value, astNode: sourced(node),
                extensionASTNodes: exts)
            pending.append { [unowned self] in
                type.define(
                    fields: try self.buildFields(node.fields + exts.flatMap(\.node.fields)),
                    declaredInterfaces: try (node.interfaces + exts.flatMap(\.node.interfaces)).map(self.namedType))
            }
            return .interface(type)
        case .unionType(let node):
            let exts = extensions(node.name.value) { if case .unionTypeExtension(let e) = $0 { e } else { nil } }
            let type = GraphQLUnionType(
                name: node.name.value, description: node.description?.value, astNode: sourced(node),
                extensionASTNodes: exts)
            pending.append { [unowned self] in
                type.define(types: try (node.types + exts.flatMap(\.node.types)).map(self.namedType))
            }
            return .union(type)
        case .enumType(let node):
            let exts = extensions(node.name.value) { if case .enumTypeExtension(let e) = $0 { e } else { nil } }
            return .enum(
                GraphQLEnumType(
                    name: node.name.value, description: node.description?.value,
                    values: try buildEnumValues(node.values + exts.flatMap(\.node.values)),
                    astNode: sourced(node), extensionASTNodes: exts))
        case .inputObjectType(let node):
            let exts = extensions(node.name.value) {
                if case .inputObjectTypeExtension(let e) = $0 { e } else { nil }
            }
            let type = GraphQLInputObjectType(
                name: node.name.value, description: node.description?.value,
                isOneOf: try isOneOf(node.directives), astNode: sourced(node), extensionASTNodes: exts)
            pending.append { [unowned self] in
                type.define(fields: try self.buildInputValues(node.fields + exts.flatMap(\.node.fields)))
            }
            return .inputObject(type)
        default:
            return nil
        }
    }
}
