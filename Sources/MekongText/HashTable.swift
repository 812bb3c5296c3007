/// An open-addressing table keyed by 64-bit hashes, which are used as they are: no second
/// hashing (Swift's `Dictionary` runs SipHash on every lookup, one per word of the text here).
@frozen
public struct HashTable<Value>: @unchecked Sendable {
    @usableFromInline var keys: [UInt64]
    @usableFromInline var values: [Value?]
    @usableFromInline var mask: Int
    @usableFromInline var stored = 0
    /// The number of keys stored.
    public var count: Int { stored }

    /// An empty table sized for about `capacity` keys.
    @inlinable
    public init(capacity: Int = 16) {
        stored = 0
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
    }

    @inlinable @inline(__always)
    func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key ^ (key >> 29)) &* 0xBF58_476D_1CE4_E5B9 >> 1) & mask
    }

    /// The value stored under `key` (already a good 64-bit hash), or `nil`.
    @inlinable
    public subscript(key: UInt64) -> Value? {
        get {
            var i = slot(key)
            while let v = values[i] {
                if keys[i] == key { return v }
                i = (i + 1) & mask
            }
            return nil
        }
        set {
            if stored * 2 >= keys.count { grow() }
            var i = slot(key)
            while values[i] != nil, keys[i] != key { i = (i + 1) & mask }
            if values[i] == nil { stored += 1 }
            keys[i] = key
            values[i] = newValue
        }
    }

    /// The value under `key`, or `value` when there is none (for `table[k, default: x] += …`).
    @inlinable
    public subscript(key: UInt64, default value: @autoclosure () -> Value) -> Value {
        get { self[key] ?? value() }
        set { self[key] = newValue }
    }

    @usableFromInline
    mutating func grow() {
        var bigger = HashTable(capacity: keys.count)
        for (k, v) in zip(keys, values) { if let v { bigger[k] = v } }
        self = bigger
    }
}
