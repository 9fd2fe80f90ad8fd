/// A growable stack the parser builds node lists on. Items are moved (not copied) in and
/// out, and each finished list becomes an exactly-sized Array with one allocation, which
/// avoids the repeated reallocations of appending to small arrays.
///
/// A class so the storage can be freed in `deinit` when parsing aborts with an error.
/// Not shared across threads: each parse creates its own.
final class ScratchStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        self.base = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always) func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    private func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Moves the items pushed since `start` (a previous `count`) into a new array.
    @inline(__always) func pop(from start: Int) -> [Element] {
        let n = count - start
        if n <= 0 { return [] }
        let source = base + start
        count = start
        return Array(unsafeUninitializedCapacity: n) { buffer, initialized in
            if let target = buffer.baseAddress { target.moveInitialize(from: source, count: n) }
            initialized = n
        }
    }
}

/// The parser's scratch stacks for its hottest node lists.
final class ParserScratch {
    let definitions = ScratchStack<Definition>(capacity: 16)
    let selections = ScratchStack<Selection>()
    let arguments = ScratchStack<Argument>()
    let directives = ScratchStack<Directive>(capacity: 16)
    let values = ScratchStack<Value>()
    let objectFields = ScratchStack<ObjectField>()
    let variableDefinitions = ScratchStack<VariableDefinition>(capacity: 16)
}
