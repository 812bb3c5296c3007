extension Folding {
    /// FNV-1a, the one byte hash of the project (folded words, glossary keys, repeated lines,
    /// abbreviation lookups).
    public static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One step of FNV-1a: the hash `h` with the byte `b` mixed in. Start from ``hashSeed``.
    /// - Complexity: O(1); inlined, as it runs once per byte hashed.
    @inlinable @inline(__always)
    public static func hash(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }

    /// Combines word hashes into the hash of a word sequence (order matters).
    @inlinable @inline(__always)
    public static func combine(_ sequence: UInt64, _ word: UInt64) -> UInt64 {
        (sequence &* 0x9E37_79B9_7F4A_7C15) ^ (word &+ 0x632B_E59B_D9B4_E019)
    }

    /// The hash of a folded word given as bytes (as ``keyBytes(_:)`` produces them).
    @inlinable
    public static func wordHash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = hash(h, b) }
        return h
    }

    /// ``wordHash(_:)`` of what was hashed into `h` followed by `bytes`: a file hashed a chunk
    /// at a time has the hash of its bytes read at once.
    public static func wordHash(_ bytes: UnsafeRawBufferPointer, continuing h: UInt64) -> UInt64 {
        var h = h
        for b in bytes { h = hash(h, b) }
        return h
    }

    /// Calls `body` for every word of valid UTF-8 text with the word's byte range and the hash
    /// of its folded form, folding exactly as ``key(_:)`` does, without building any string.
    /// Words are runs of letters, digits and combining marks; Lao script is not split into
    /// words here (Lao has no spaces between words) and counts as a separator.
    ///
    /// - Complexity: O(*n*), one pass over the bytes.
    public static func forEachWord(in buf: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, UInt64) -> Void) {
        let n = buf.count
        var i = 0
        var start = -1
        var h = hashSeed
        foldIndex.withUnsafeBufferPointer { index in
            foldBytes.withUnsafeBufferPointer { folds in
                @inline(__always) func endWord(at end: Int) {
                    if start >= 0 { body(start..<end, h) }
                    start = -1
                    h = hashSeed
                }
                while i < n {
                    let b = buf[i]
                    if b < 0x80 {
                        switch b {
                        case 0x41...0x5A:
                            if start < 0 { start = i }
                            h = hash(h, b + 0x20)
                        case 0x61...0x7A, 0x30...0x39:
                            if start < 0 { start = i }
                            h = hash(h, b)
                        default:
                            endWord(at: i)
                        }
                        i += 1
                        continue
                    }
                    let (v, len) = decodeScalar(buf, at: i)
                    let scalarStart = i
                    i += len
                    if v >= 0x0300 && v <= 0x036F {  // combining diacritic: inside the word
                        if start < 0 { start = scalarStart }
                        continue
                    }
                    if v < latinLimit {
                        let entry = index[Int(v)]
                        if entry != 0 {
                            if start < 0 { start = scalarStart }
                            let offset = Int(entry >> 8)
                            let count = Int(entry & 0xFF)
                            for k in offset..<(offset + count) { h = hash(h, folds[k]) }
                            continue
                        }
                    }
                    if v >= 0x0E80 && v <= 0x0EFF {
                        endWord(at: scalarStart)
                        continue
                    }
                    switch kind(of: v) {
                    case .upper(let lower):
                        if start < 0 { start = scalarStart }
                        for c in lower.utf8 { h = hash(h, c) }
                    case .letter:
                        if start < 0 { start = scalarStart }
                        for k in scalarStart..<min(i, n) { h = hash(h, buf[k]) }
                    case .separator, .other:
                        endWord(at: scalarStart)
                    }
                }
                endWord(at: n)
            }
        }
    }
}

extension Folding {
    /// The ASCII base letter of a Latin letter with or without diacritics ("ờ" → "o", "Ý" → "y"),
    /// or `nil`.
    public static func baseLetter(_ v: UInt32) -> UInt8? {
        if v < 0x80 {
            let b = UInt8(v) | 0x20
            return (0x61...0x7A).contains(b) ? b : nil
        }
        guard v < latinLimit else { return nil }
        let entry = foldIndex[Int(v)]
        guard entry != 0, entry & 0xFF == 1 else { return nil }
        return foldBytes[Int(entry >> 8)]
    }
}
