/// UTF-8 bytes as a dictionary key, hashed once with FNV-1a: much cheaper than a `String` key,
/// which Swift normalises before hashing.
@frozen
public struct HashedBytes: Hashable, Sendable {
    public let bytes: [UInt8]
    public let hash: UInt64

    @inlinable
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        hash = Folding.wordHash(bytes)
    }

    @inlinable
    public func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    @inlinable
    public static func == (a: HashedBytes, b: HashedBytes) -> Bool { a.hash == b.hash && a.bytes == b.bytes }
}
