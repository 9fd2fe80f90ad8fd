// The spec's CompleteValue: turns a resolved value into response slots. Leaves are
// serialized in place (with fast paths for the built-in scalars), lists get a node with
// one slot per item, objects get a node and are queued for the next level.

extension Executor {
    /// Completes `value` for slot `offset` of `node`; on error, records it and
    /// propagates null.
    func complete(_ value: Any?, _ plan: CompletionPlan, _ field: PlannedField, node: Int32, offset: Int32) {
        let slot = Int(tree.nodes[Int(node)].start) + Int(offset)
        if let value, case .leaf(let leaf) = plan.kind, let fast = fastLeaf(value, leaf) {
            tree.slots[slot] = fast
            return
        }
        guard let value, !valueKinds.isNull(value) else {
            if plan.nonNull {
                fieldError(
                    GraphQLError(
                        message: "Cannot return null for non-nullable field \(field.parentType.name).\(field.definition.name)."),
                    field, node: node, offset: offset)
            }
            return
        }
        do throws(GraphQLError) {
            switch plan.kind {
            case .leaf(let leaf):
                tree.slots[slot] = try completeLeaf(value, leaf)
            case .list(let itemPlan):
                try completeList(value, itemPlan, field, node: node, offset: offset, slot: slot)
            case .object(let type):
                try completeObject(value, type, field, node: node, offset: offset, slot: slot)
            case .abstract(let abstractType):
                let type = try resolveRuntimeType(value, abstractType, field, node: node, offset: offset)
                try completeObject(value, type, field, node: node, offset: offset, slot: slot)
            }
        } catch {
            fieldError(error, field, node: node, offset: offset)
        }
    }

    /// The slot of a leaf value of the type's plain Swift representation (no null check,
    /// no serializer call); nil when the value needs the general path.
    @inline(__always)
    private func fastLeaf(_ value: Any, _ leaf: LeafKind) -> ResultSlot? {
        switch leaf {
        case .string, .id:
            if let s = value as? String { return .string(s) }
        case .int:
            if let i = value as? Int, i >= GRAPHQL_MIN_INT, i <= GRAPHQL_MAX_INT { return .int(i) }
        case .float:
            if let d = value as? Double, d.isFinite { return .double(d) }
        case .boolean:
            if let b = value as? Bool { return .bool(b) }
        case .enumeration(let serializer):
            if let s = value as? String, serializer.plainNames.contains(s) { return .string(s) }
        case .custom(let scalar):
            // The default serialize is the identity on these.
            guard scalar.hasDefaultSerialize else { break }
            if let s = value as? String { return .string(s) }
            if let i = value as? Int { return .int(i) }
            if let d = value as? Double, d.isFinite { return .double(d) }
            if let b = value as? Bool { return .bool(b) }
        case .invalidOutput:
            break
        }
        return nil
    }

    /// CompleteValue for leaves: the scalar's or enum's serialization.
    private func completeLeaf(_ value: Any, _ leaf: LeafKind) throws(GraphQLError) -> ResultSlot {
        switch leaf {
        case .string: return slot(try GraphQLString.serialize(value))
        case .int: return slot(try GraphQLInt.serialize(value))
        case .float: return slot(try GraphQLFloat.serialize(value))
        case .boolean: return slot(try GraphQLBoolean.serialize(value))
        case .id: return slot(try GraphQLID.serialize(value))
        case .enumeration(let serializer): return slot(try serializer.type.serialize(value))
        case .custom(let scalar):
            return slot(try scalar.serialize(value))
        case .invalidOutput(let name):
            throw GraphQLError(message: "Cannot complete value of unexpected output type: \"\(name)\".")
        }
    }

    private func slot(_ value: InputValue) -> ResultSlot {
        switch value {
        case .null: .null
        case .boolean(let b): .bool(b)
        case .int(let i): .int(i)
        case .float(let d): .double(d)
        case .string(let s), .enumValue(let s): .string(s)
        case .list, .object: .value(value)
        }
    }

    /// CompleteValue for lists: a list node, each item completed into its slot.
    private func completeList(
        _ value: Any, _ itemPlan: CompletionPlan, _ field: PlannedField, node: Int32, offset: Int32, slot: Int
    ) throws(GraphQLError) {
        guard let items = valueKinds.items(value) else {
            throw GraphQLError(
                message: "Expected Iterable, but did not find one for field \"\(field.parentType.name).\(field.definition.name)\".")
        }
        let list = tree.addList(count: items.count, itemsNonNull: itemPlan.nonNull, parent: node, offset: offset)
        tree.slots[slot] = .list(list)
        for (i, item) in items.enumerated() {
            complete(item, itemPlan, field, node: list, offset: Int32(i))
        }
    }

    /// CompleteValue for objects: a node for the runtime type's plan, executed next level.
    private func completeObject(
        _ value: Any, _ type: GraphQLObjectType, _ field: PlannedField, node: Int32, offset: Int32, slot: Int
    ) throws(GraphQLError) {
        let plan = try childPlan(field, type).get()
        let object = tree.addObject(plan, parent: node, offset: offset)
        tree.slots[slot] = .object(object)
        nextLevel.append(ObjectWork(node: object, plan: plan, value: value))
    }

    /// ResolveAbstractType, with graphql-js's `ensureValidRuntimeType` messages.
    private func resolveRuntimeType(
        _ value: Any, _ abstractType: GraphQLNamedType, _ field: PlannedField, node: Int32, offset: Int32
    ) throws(GraphQLError) -> GraphQLObjectType {
        let info = ResolveInfo(
            request: unmanagedShared, field: .passUnretained(field),
            location: .live(unmanagedTree, node: node, offset: offset))
        let resolved: Any?
        do {
            resolved = try executable.typeResolver(for: abstractType)(value, shared.context, info, abstractType)
        } catch let error as GraphQLError {
            throw error
        } catch {
            var wrapped = GraphQLError(message: errorMessage(error))
            wrapped.originalError = error
            throw wrapped
        }
        let where_ = "for field \"\(field.parentType.name).\(field.definition.name)\""
        guard let resolved, !isNullValue(resolved) else {
            throw GraphQLError(
                message: "Abstract type \"\(abstractType.name)\" must resolve to an Object type at runtime \(where_). Either the \"\(abstractType.name)\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.")
        }
        guard let name = resolved as? String else {
            throw GraphQLError(
                message: "Abstract type \"\(abstractType.name)\" must resolve to an Object type at runtime \(where_) with value \(inspect(any: value)), received \"\(inspect(any: resolved))\".")
        }
        guard let runtimeType = executable.schema.type(named: name) else {
            throw GraphQLError(
                message: "Abstract type \"\(abstractType.name)\" was resolved to a type \"\(name)\" that does not exist inside the schema.")
        }
        guard case .object(let object) = runtimeType else {
            throw GraphQLError(
                message: "Abstract type \"\(abstractType.name)\" was resolved to a non-object type \"\(name)\".")
        }
        guard executable.schema.isSubType(abstractType, runtimeType) else {
            throw GraphQLError(
                message: "Runtime Object type \"\(name)\" is not a possible type for \"\(abstractType.name)\".")
        }
        return object
    }
}

/// Whether a resolved value is null: an `Optional.none` boxed in `Any`, or a JSON null.
@inline(__always)
func isNullValue(_ value: Any) -> Bool {
    if let optional = value as? any OptionalValue { return optional.isNone }
    if let input = value as? InputValue, case .null = input { return true }
    if let json = value as? JSONValue, case .null = json { return true }
    return false
}

/// Optional's view for `isNullValue` (an `Any` holding `String?.none` is not `nil`).
protocol OptionalValue {
    var isNone: Bool { get }
    var wrappedAny: Any? { get }
}

extension Optional: OptionalValue {
    var isNone: Bool {
        if case .none = self { return true }
        if case .some(let wrapped) = self { return isNullValue(wrapped) }
        return false
    }
    var wrappedAny: Any? { self.map { $0 as Any } }
}

/// The items of a list value, or nil when it is not a list (strings and objects are not).
func listItems(_ value: Any) -> [Any]? {
    switch value {
    case let input as InputValue:
        if case .list(let items) = input { return items }
        return nil
    case let json as JSONValue:
        if case .array(let items) = json { return items }
        return nil
    case is String, is Substring:
        return nil
    case let optional as any OptionalValue:
        guard let wrapped = optional.wrappedAny else { return nil }
        return listItems(wrapped)
    case let sequence as any Sequence:
        return openItems(sequence)
    default:
        return nil
    }
}

func openItems<S: Sequence>(_ sequence: S) -> [Any] {
    var items: [Any] = []
    items.reserveCapacity(sequence.underestimatedCount)
    for item in sequence { items.append(item) }
    return items
}

/// The message of an error a resolver threw: a `GraphQLError`'s message, a
/// `LocalizedError`'s description, or the error printed.
func errorMessage(_ error: any Error) -> String {
    if let error = error as? GraphQLError { return error.message }
    return String(describing: error)
}
