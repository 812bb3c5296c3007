/// An open-addressing table keyed by 64-bit hashes, which are used as they are: no second
/// hashing (Swift's `Dictionary` runs SipHash on every lookup, one per word of the text here).
@frozen
public struct HashTable<Value>: @unchecked Sendable {
    /// A key and its value side by side, so that a probe touches one cache line, not two.
    @frozen @usableFromInline
    struct Slot {
        @usableFromInline var key: UInt64
        @usableFromInline var value: Value?
        @inlinable init(key: UInt64, value: Value?) {
            self.key = key
            self.value = value
        }
    }
    @usableFromInline var slots: [Slot]
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
        slots = [Slot](repeating: Slot(key: 0, value: nil), count: size)
        mask = size - 1
    }

    @inlinable @inline(__always)
    func slot(_ key: UInt64) -> Int { Self.slot(key, mask) }

    @inlinable @inline(__always)
    static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key ^ (key >> 29)) &* 0xBF58_476D_1CE4_E5B9 >> 1) & mask
    }

    /// The value stored under `key` (already a good 64-bit hash), or `nil`.
    @inlinable
    public subscript(key: UInt64) -> Value? {
        get {
            slots.withUnsafeBufferPointer { s in
                var i = slot(key)
                while let v = s[i].value {
                    if s[i].key == key { return v }
                    i = (i + 1) & mask
                }
                return nil
            }
        }
        set {
            if stored * 2 >= slots.count { grow() }
            var i = slot(key)
            while slots[i].value != nil, slots[i].key != key { i = (i + 1) & mask }
            if slots[i].value == nil { stored += 1 }
            slots[i] = Slot(key: key, value: newValue)
        }
    }

    /// The value under `key`, or `value` when there is none (for `table[k, default: x] += …`).
    @inlinable
    public subscript(key: UInt64, default value: @autoclosure () -> Value) -> Value {
        get { self[key] ?? value() }
        set { self[key] = newValue }
    }

    /// One probe for a read-modify-write: changes the value under `key` with `update`, or stores
    /// `insert()` when there is none; returns the value stored.
    @inlinable @discardableResult
    public mutating func upsert(_ key: UInt64, insert: () -> Value, update: (inout Value) -> Void) -> Value {
        if stored * 2 >= slots.count { grow() }
        let mask = self.mask
        var i = slot(key)
        let (v, inserted) = slots.withUnsafeMutableBufferPointer { s in
            while s[i].value != nil, s[i].key != key { i = (i + 1) & mask }
            if var v = s[i].value {
                update(&v)
                s[i].value = v
                return (v, false)
            }
            let v = insert()
            s[i] = Slot(key: key, value: v)
            return (v, true)
        }
        if inserted { stored += 1 }  // outside the closure: `slots` is not borrowed any more
        return v
    }

    /// Calls `body` with every key and value, in slot order (for writing a table to a cache).
    public func forEachEntry(_ body: (UInt64, Value) throws -> Void) rethrows {
        for s in slots { if let v = s.value { try body(s.key, v) } }
    }

    /// Doubles the slots. Inlinable, so that it is specialised for `Value` where the table is
    /// used: unspecialised, every slot it moved looked up generic metadata at run time (a tenth
    /// of `import` reading a memory of 100,000 units).
    @inlinable
    mutating func grow() {
        let size = slots.count * 2
        let newMask = size - 1
        var bigger = [Slot](repeating: Slot(key: 0, value: nil), count: size)
        bigger.withUnsafeMutableBufferPointer { b in
            slots.withUnsafeBufferPointer { old in
                for s in old where s.value != nil {
                    var i = Self.slot(s.key, newMask)
                    while b[i].value != nil { i = (i + 1) & newMask }
                    b[i] = s
                }
            }
        }
        slots = bigger
        mask = newMask
    }
}
