/// A little-endian byte encoding for Mekong's own cache files (never for files users exchange):
/// fixed-width integers, and byte strings prefixed with their length.
public struct ByteWriter: Sendable {
    /// What has been written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer, with room for about `capacity` bytes.
    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// Appends one byte.
    public mutating func put(_ v: UInt8) { bytes.append(v) }

    /// Appends 4 bytes, little-endian.
    public mutating func put(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends 8 bytes, little-endian.
    public mutating func put(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a non-negative `Int` as 4 bytes (lengths, counts and indexes in a cache are below 2³²).
    public mutating func put(count v: Int) {
        precondition(v >= 0 && v <= Int(UInt32.max), "ByteWriter: \(v) does not fit a cache's 32-bit count")
        put(UInt32(v))
    }

    /// Appends a length and the bytes.
    public mutating func put(bytes v: some Collection<UInt8>) {
        put(count: v.count)
        bytes.append(contentsOf: v)
    }

    /// Appends a string's length and UTF-8 bytes.
    public mutating func put(_ s: String) {
        var s = s
        s.withUTF8 { put(bytes: $0) }
    }

    /// Overwrites 8 bytes at `offset` (a value known only once what follows is written).
    public mutating func patch(_ v: UInt64, at offset: Int) {
        withUnsafeBytes(of: v.littleEndian) { raw in
            for k in 0..<8 { bytes[offset + k] = raw[k] }
        }
    }
}

/// Reads what ``ByteWriter`` wrote. Every read checks the bounds: a truncated or damaged file
/// makes a read return `nil`, never a crash.
public struct ByteReader {
    private let base: UnsafeRawBufferPointer
    /// The offset of the next read.
    public private(set) var offset: Int

    /// A reader over `bytes`, which must outlive it, from `offset`.
    public init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        base = bytes
        self.offset = offset
    }

    /// The next byte.
    public mutating func byte() -> UInt8? {
        guard offset < base.count else { return nil }
        defer { offset += 1 }
        return base[offset]
    }

    /// The next 4 bytes as a little-endian value.
    public mutating func uint32() -> UInt32? {
        guard base.count - offset >= 4 else { return nil }
        defer { offset += 4 }
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    /// The next 8 bytes as a little-endian value.
    public mutating func uint64() -> UInt64? {
        guard base.count - offset >= 8 else { return nil }
        defer { offset += 8 }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// A count written by ``ByteWriter/put(count:)``, at most `limit` (a damaged count must not
    /// make the caller reserve gigabytes).
    public mutating func count(atMost limit: Int) -> Int? {
        guard let v = uint32(), Int(v) <= limit else { return nil }
        return Int(v)
    }

    /// The next length-prefixed bytes, without copying (valid while the buffer is).
    public mutating func slice() -> UnsafeRawBufferPointer? {
        guard let n = uint32().map(Int.init), base.count - offset >= n else { return nil }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: base[offset..<offset + n])
    }

    /// The next length-prefixed bytes, copied.
    public mutating func bytes() -> [UInt8]? { slice().map { Array($0) } }

    /// The next length-prefixed string (bytes that are not UTF-8 are repaired, as
    /// `String(decoding:as:)` does: a damaged cache gives wrong text, never a crash; the cache's
    /// checksum is what catches damage).
    public mutating func string() -> String? {
        guard let s = slice() else { return nil }
        return String(decoding: s, as: UTF8.self)
    }
}

/// A 128-bit fingerprint of bytes, for telling whether a file is the one a cache was made from
/// (not a cryptographic hash: it guards against change and damage, not against an adversary,
/// who could edit the glossary itself). About 8 bytes a step in two independent lanes.
public enum ContentHash {
    /// The fingerprint of `bytes` as two 64-bit halves.
    public static func of(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(bytes.count)
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            let w = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            a = (a ^ w) &* 0xFF51_AFD7_ED55_8CCD
            a ^= a >> 32
            b = (b &+ w) &* 0xC4CE_B9FE_1A85_EC53
            b ^= b >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        a = (a ^ tail) &* 0xFF51_AFD7_ED55_8CCD
        b = (b &+ tail ^ 0xA5) &* 0xC4CE_B9FE_1A85_EC53
        a ^= a >> 33
        b ^= b >> 31
        return (a, b)
    }

    /// The same for an array.
    public static func of(_ bytes: [UInt8]) -> (UInt64, UInt64) { bytes.withUnsafeBytes { of($0) } }
}
