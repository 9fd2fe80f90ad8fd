/// A growable stack the parser builds node lists on. Items are moved (not copied) in and
/// out, and each finished list becomes an exactly-sized Array with one allocation, which
/// avoids the repeated reallocations of appending to small arrays.
///
/// A non-copyable struct that owns its buffer (allocated on first push): it lives inside
/// `Parser`; its `deinit` releases the buffer even when parsing aborts with an error.
struct ScratchStack<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>?
    private var capacity = 0
    private(set) var count = 0

    init() {}

    deinit {
        if let base {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }

    @inline(__always) mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        // `grow` guarantees a buffer with room for one more element.
        guard let base else { return }
        (base + count).initialize(to: element)
        count += 1
    }

    private mutating func grow() {
        let newCapacity = max(16, capacity * 2)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        if let base {
            newBase.moveInitialize(from: base, count: count)
            base.deallocate()
        }
        base = newBase
        capacity = newCapacity
    }

    /// Moves the items pushed since `start` (a previous `count`) into a new array.
    @inline(__always) mutating func pop(from start: Int) -> [Element] {
        let n = count - start
        guard n > 0, let base else { return [] }
        let source = base + start
        count = start
        // Not `Array(unsafeUninitializedCapacity:)`: that runs unspecialized in the
        // runtime with a generic-metadata lookup per call (measured ~20% of parse time).
        // Short lists (most of them) as array literals: these are allocated directly at
        // their size and filled, without `reserveCapacity`'s general path and a
        // uniqueness and capacity check per `append` (measured ~5% of parse time).
        if n == 1 { return [source.move()] }
        if n == 2 { return [source.move(), (source + 1).move()] }
        if n == 3 { return [source.move(), (source + 1).move(), (source + 2).move()] }
        if n == 4 { return [source.move(), (source + 1).move(), (source + 2).move(), (source + 3).move()] }
        var result = [Element]()
        result.reserveCapacity(n)
        for i in 0..<n { result.append((source + i).move()) }
        return result
    }
}

/// The parser's scratch stacks for its hottest node lists, stored inline in the parser
/// (a struct, so accesses need no dynamic exclusivity checks); each stack allocates only
/// when first used.
struct ParserScratch: ~Copyable {
    var definitions = ScratchStack<Definition>()
    var selections = ScratchStack<Selection>()
    var arguments = ScratchStack<Argument>()
    var directives = ScratchStack<Directive>()
    var values = ScratchStack<Value>()
    var objectFields = ScratchStack<ObjectField>()
    var variableDefinitions = ScratchStack<VariableDefinition>()
}
