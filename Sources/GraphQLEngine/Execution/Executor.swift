// The spec's ExecuteSelectionSet / ExecuteField, breadth first: every field of a level is
// started (synchronous resolvers inline, asynchronous ones as child tasks), then the
// level's DataLoaders are dispatched together (by the BatchScope, once nothing can
// progress), then the objects the level produced are executed as the next level.
// Completion (CompleteValue) is in CompleteValue.swift; error order in FieldErrors.swift.

import Foundation

/// One object to execute: its node in the result, its plan and its value.
struct ObjectWork {
    let node: Int32
    let plan: SelectionPlan
    let value: Any
}

/// An async resolver call waiting to be started with the rest of its level.
struct AsyncCall {
    let node: Int32
    let offset: Int32
    let field: PlannedField
    let parent: Any
    let arguments: InputFields
    let resolve: AsyncFieldResolve
}

/// Carries values the executor hands to its own child tasks and back: the values never
/// escape the request and only one task touches them at a time.
struct Handoff<T>: @unchecked Sendable {
    let value: T
}

/// The execution of one operation (one request, or one subscription event).
final class Executor {
    let shared: RequestShared
    let executable: ExecutableSchema
    let tree = ResultTree()
    let valueKinds = ValueKindCache()
    // Unchecked exclusivity: only this executor's task touches its state, and the dynamic
    // checks cost several percent of an execution.
    @exclusivity(unchecked) var errors = FieldErrors()
    /// Objects produced by the current level, executed as the next one.
    @exclusivity(unchecked) var nextLevel: [ObjectWork] = []
    /// Async resolver calls of the current level.
    @exclusivity(unchecked) var asyncCalls: [AsyncCall] = []
    /// Child plans that depend on variables: computed per request, never shared.
    @exclusivity(unchecked) var requestPlans: [ChildPlanKey: Result<SelectionPlan, GraphQLError>] = [:]
    @exclusivity(unchecked) private var lastChild: (field: ObjectIdentifier, type: ObjectIdentifier, plan: SelectionPlan)? = nil
    let unmanagedShared: Unmanaged<RequestShared>
    let unmanagedTree: Unmanaged<ResultTree>

    init(shared: RequestShared) {
        self.shared = shared
        self.executable = shared.prepared.executable
        unmanagedShared = .passUnretained(shared)
        unmanagedTree = .passUnretained(tree)
    }

    /// Executes `plan` on `rootValue` as the root object; `serially` for mutations (each root
    /// field, with everything below it, completes before the next starts).
    func executeRoot(_ plan: SelectionPlan, rootValue: Any, serially: Bool) async {
        let root = tree.addObject(plan, parent: -1, offset: 0)
        let work = ObjectWork(node: root, plan: plan, value: rootValue)
        if serially {
            for i in plan.fields.indices {
                executeField(work, i)
                await runLevels()
            }
        } else {
            executeFields(work)
            await runLevels()
        }
        withExtendedLifetime(shared) {}
    }

    /// Runs the started level's async calls, then every following level, until no work is left.
    private func runLevels() async {
        while true {
            if !asyncCalls.isEmpty { await runAsyncCalls() }
            if nextLevel.isEmpty { return }
            let level = nextLevel
            nextLevel = []
            nextLevel.reserveCapacity(level.count)
            // Borrow each work item in place rather than copying its value out.
            level.withUnsafeBufferPointer { works in
                for i in works.indices { executeFields(works[i]) }
            }
        }
    }

    /// ExecuteFields: every field of one object.
    func executeFields(_ work: ObjectWork) {
        for (i, field) in work.plan.fields.enumerated() { executeField(work, field, i) }
    }

    /// ExecuteField for field `index` of `work`'s plan.
    func executeField(_ work: ObjectWork, _ index: Int) {
        executeField(work, work.plan.fields[index], index)
    }

    /// ExecuteField: resolves one field (or queues its async resolver) and completes the value.
    func executeField(_ work: ObjectWork, _ field: PlannedField, _ index: Int) {
        let offset = Int32(index)
        let resolver: FieldResolver
        switch field.action {
        case .typename:
            tree.slots[Int(tree.nodes[Int(work.node)].start) + index] = .string(work.plan.objectType.name)
            return
        case .resolve(let r):
            resolver = r
        }
        let arguments: InputFields
        switch field.arguments {
        case .none: arguments = emptyArguments
        case .constant(.success(let a)): arguments = a
        case .constant(.failure(let error)):
            return fieldError(error, field, node: work.node, offset: offset)
        case .perRequest:
            do {
                arguments = try getArgumentValues(
                    field.definition.args, field.fieldNodes[0].arguments,
                    nodePosition: NodePosition(offset: field.fieldNodes[0].loc.start, source: field.source),
                    variableValues: shared.variables)
            } catch {
                return fieldError(error, field, node: work.node, offset: offset)
            }
        }
        switch resolver {
        case .sync(let resolve):
            let info = ResolveInfo(
                request: unmanagedShared, field: .passUnretained(field),
                location: .live(unmanagedTree, node: work.node, offset: offset))
            let value: Any?
            do {
                value = try resolve(work.value, arguments, shared.context, info)
            } catch {
                return fieldError(error, field, node: work.node, offset: offset)
            }
            complete(value, field.completion, field, node: work.node, offset: offset)
        case .async(let resolve):
            asyncCalls.append(AsyncCall(
                node: work.node, offset: offset, field: field, parent: work.value, arguments: arguments,
                resolve: resolve))
        }
    }

    /// Starts the level's async resolvers together, each counted as running in the batch
    /// scope until it returns, and completes their values as they arrive.
    private func runAsyncCalls() async {
        let calls = asyncCalls
        asyncCalls = []
        let scope = shared.scope
        let context = shared.context
        scope.beginRunning(calls.count)
        await withTaskGroup(of: (Int, Handoff<Result<Any?, any Error>>).self) { group in
            for (i, call) in calls.enumerated() {
                let info = ResolveInfo(
                    request: unmanagedShared, field: .passUnretained(call.field),
                    location: .materialized(tree.path(node: call.node, offset: call.offset)))
                let input = Handoff(value: (call.parent, call.arguments))
                let resolve = call.resolve
                group.addTask {
                    let result: Result<Any?, any Error>
                    do {
                        result = .success(try await resolve(input.value.0, input.value.1, context, info))
                    } catch {
                        result = .failure(error)
                    }
                    scope.endRunning()
                    return (i, Handoff(value: result))
                }
            }
            for await (i, result) in group {
                let call = calls[i]
                switch result.value {
                case .success(let value):
                    complete(value, call.field.completion, call.field, node: call.node, offset: call.offset)
                case .failure(let error):
                    fieldError(error, call.field, node: call.node, offset: call.offset)
                }
            }
        }
    }

    /// The plan of `field`'s sub-selection for the runtime object type `type`.
    func childPlan(_ field: PlannedField, _ type: GraphQLObjectType) -> Result<SelectionPlan, GraphQLError> {
        let fieldID = ObjectIdentifier(field)
        let typeID = ObjectIdentifier(type)
        if let last = lastChild, last.field == fieldID, last.type == typeID { return .success(last.plan) }
        let result: Result<SelectionPlan, GraphQLError>
        if let shared = field.childPlans.get(type) {
            result = shared
        } else if let own = requestPlans[ChildPlanKey(field: fieldID, type: typeID)] {
            result = own
        } else {
            var planner = FieldPlanner(
                executable: executable, fragments: shared.prepared.fragments, variables: shared.variables,
                source: field.source)
            let sets = field.fieldNodes.compactMap(\.selectionSet)
            result = Result { () throws(GraphQLError) -> SelectionPlan in try planner.plan(type, selectionSets: sets) }
            if planner.usesVariables {
                requestPlans[ChildPlanKey(field: fieldID, type: typeID)] = result
            } else {
                field.childPlans.set(type, result)
            }
        }
        if case .success(let plan) = result { lastChild = (fieldID, typeID, plan) }
        return result
    }
}

/// A (planned field, runtime type) pair.
struct ChildPlanKey: Hashable {
    let field: ObjectIdentifier
    let type: ObjectIdentifier
}

let emptyArguments = InputFields()
