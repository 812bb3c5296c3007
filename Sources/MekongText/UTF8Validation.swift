/// Fast validation of UTF-8 bytes, reporting where the first bad sequence starts.
public enum UTF8Validation {
    /// Returns the offset of the first byte that does not start a valid UTF-8 sequence, or `nil`
    /// when every byte is valid. Overlong forms, surrogates and code points above U+10FFFF are
    /// invalid, as in RFC 3629. A sequence cut off by the end of the buffer is invalid.
    ///
    /// - Complexity: O(*n*); ASCII runs are checked eight bytes at a time.
    public static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        scalarCountOrFirstInvalidOffset(in: bytes).firstInvalid
    }

    /// The validation and, in the same pass, the scalars counted up to the end or the first
    /// invalid byte (valid text's ``scalarCount(_:)``); `firstInvalid` is ``firstInvalidOffset(in:)``.
    public static func scalarCountOrFirstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> (
        scalars: Int, firstInvalid: Int?
    ) {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return (0, nil) }
        var scalars = 0
        var i = 0
        while i < n {
            // ASCII fast path, a word at a time.
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
                scalars += 8
            }
            if i >= n { break }
            let b0 = base[i]
            scalars += 1
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lo: UInt8 = 0x80
            var hi: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                hi = 0x9F
            case 0xF0:
                length = 4
                lo = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                hi = 0x8F
            default: return (scalars, i)
            }
            if i + length > n { return (scalars, i) }
            let b1 = base[i + 1]
            if b1 < lo || b1 > hi { return (scalars, i) }
            var j = 2
            while j < length {
                if base[i + j] & 0xC0 != 0x80 { return (scalars, i) }
                j += 1
            }
            i += length
        }
        return (scalars, nil)
    }

    /// Counts the Unicode scalars in valid UTF-8 bytes (every byte that is not a continuation byte).
    /// Eight bytes at a time: a continuation byte is 10xxxxxx, bit 7 set and bit 6 clear.
    @inlinable
    public static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let n = bytes.count
        var continuations = 0
        var i = 0
        while i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            continuations += (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i += 8
        }
        while i < n {
            if base[i] & 0xC0 == 0x80 { continuations += 1 }
            i += 1
        }
        return n - continuations
    }

    /// Counts the Unicode scalars in valid UTF-8 bytes.
    @inlinable
    public static func scalarCount<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        if let n = bytes.withContiguousStorageIfAvailable({ scalarCount($0) }) { return n }
        var count = 0
        for b in bytes where b & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The 1-based line and column (in scalars) of byte `offset`, counting lines by `\n` and
    /// not counting a leading byte-order mark.
    public static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let before = bytes[..<offset]
        let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        var lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        if lineStart == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]), offset >= 3 { lineStart = 3 }
        return (line, scalarCount(bytes[lineStart..<offset]) + 1)
    }
}
