// Building short ASCII names as inline (small) Swift strings without the UTF-8
// validation and allocation checks of `String(decoding:)`; see `smallASCIIStringBits`.

/// The two words of the small (inline) `String` holding the ASCII bytes
/// `bytes[start..<start + n]`, for `n <= 15`; reads 16 bytes, so `start + 16 <= bytes.count`.
///
/// The standard library stores strings of up to 15 UTF-8 bytes inline (`_SmallString`):
/// on 64-bit little-endian platforms the bytes fill the two words in order, and the top
/// byte holds the flags (0xE0: immortal, small, ASCII) and the count. This layout is part
/// of the ABI, and `smallStringLayoutVerified` re-checks it against real strings before
/// it is relied on.
@inline(__always)
func smallASCIIStringBits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ n: Int) -> (UInt64, UInt64) {
    guard let base = bytes.baseAddress else { return (0, 0) }
    let raw = UnsafeRawPointer(base + start)
    var lo = raw.loadUnaligned(as: UInt64.self)
    var hi = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    if n < 8 {
        lo &= (1 &<< UInt64(truncatingIfNeeded: 8 &* n)) &- 1
        hi = 0
    } else {
        hi &= (1 &<< UInt64(truncatingIfNeeded: 8 &* (n &- 8))) &- 1
    }
    return (lo, hi | (UInt64(truncatingIfNeeded: 0xE0 | n) &<< 56))
}

/// Whether `smallASCIIStringBits` produces exactly the bits of real small strings on this
/// platform and runtime (if not, names are built through the public initializer).
let smallStringLayoutVerified: Bool = {
    #if _endian(little) && _pointerBitWidth(_64)
    guard MemoryLayout<String>.size == 16 else { return false }
    for sample in ["a", "_id", "Name_01", "abcdefgh", "durationSecond", "abcdefghijklmno"] {
        // The same text from the same kind of initializer the lexer otherwise uses.
        let n = sample.utf8.count
        let padded = Array(sample.utf8) + Array(repeating: 0x7A, count: 16)
        let reference = padded.withUnsafeBufferPointer { buffer in
            String(unsafeUninitializedCapacity: n) { out in
                _ = out.initialize(from: buffer[0..<n])
                return n
            }
        }
        let expected = unsafeBitCast(reference, to: (UInt64, UInt64).self)
        let built = padded.withUnsafeBufferPointer { smallASCIIStringBits($0, 0, n) }
        guard built == expected, reference == sample else { return false }
    }
    return true
    #else
    return false
    #endif
}()
