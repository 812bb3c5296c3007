/// UTF-8 bytes as a dictionary key, hashed once with FNV-1a: much cheaper than a `String` key,
/// which Swift normalises before hashing.
@frozen
public struct HashedBytes: Hashable, Sendable {
    /// The bytes, as given.
    public let bytes: [UInt8]
    /// ``Folding/wordHash(_:)`` (FNV-1a) of ``bytes``, computed once by ``init(_:)``.
    public let hash: UInt64

    /// Wraps `bytes` and hashes them.
    /// - Complexity: O(n) in the number of bytes, once; using the key afterwards hashes in O(1).
    @inlinable
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        hash = Folding.wordHash(bytes)
    }

    /// Feeds only the precomputed ``hash`` to `hasher`: O(1) whatever the length of the bytes.
    @inlinable
    public func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    /// Whether both hold the same bytes (the hashes are compared first, the bytes only if they are equal).
    @inlinable
    public static func == (a: HashedBytes, b: HashedBytes) -> Bool { a.hash == b.hash && a.bytes == b.bytes }
}
