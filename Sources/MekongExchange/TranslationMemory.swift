import Foundation
import MekongText

/// A TMX memory on disk, updated without losing anything: the existing file is kept byte for
/// byte (header, notes, props, inline codes, other languages, attributes) and new units are
/// spliced in before its `</body>`, streaming, so a memory of any size is updated in constant
/// memory beyond one hash per unit.
public enum TranslationMemory {
    /// The pairs a memory holds for one language pair, as hashes: source text → target text.
    /// Languages match by their primary subtag (`fr-FR` is `fr`).
    public struct Pairs: Sendable {
        /// Hash of a source text → hashes of the target texts it has.
        public private(set) var targets: [UInt64: [UInt64]] = [:]
        /// Units read.
        public private(set) var units = 0

        /// An empty set.
        public init() {}

        /// Whether the memory has `target` for `source`.
        public func contains(_ source: String, _ target: String) -> Bool {
            targets[Self.hash(source)]?.contains(Self.hash(target)) ?? false
        }

        /// Whether the memory has some translation of `source`.
        public func hasSource(_ source: String) -> Bool { targets[Self.hash(source)] != nil }

        /// Records a pair.
        public mutating func insert(_ source: String, _ target: String) {
            let t = Self.hash(target)
            if targets[Self.hash(source), default: []].contains(t) == false {
                targets[Self.hash(source), default: []].append(t)
            }
        }

        mutating func countUnit() { units += 1 }

        static func hash(_ s: String) -> UInt64 { Folding.wordHash(s.utf8) }
    }

    /// Reads the pairs of `source` → `target` language a memory holds.
    /// - Throws: ``Diagnostic`` for a file that is not a readable TMX.
    public static func pairs(in path: String, source: String, target: String) throws -> Pairs {
        var pairs = Pairs()
        let s = LanguageTag(source)?.primary
        let t = LanguageTag(target)?.primary
        try TMXReader.read(path: path) { unit in
            pairs.countUnit()
            let sources = unit.variants.filter { LanguageTag($0.language)?.primary == s }
            let targets = unit.variants.filter { LanguageTag($0.language)?.primary == t }
            for a in sources { for b in targets { pairs.insert(a.text, b.text) } }
        }
        return pairs
    }

    /// Writes `units` into the memory at `path`: spliced before the existing file's last
    /// `</body>` (every byte of it kept), or as a new TMX when there is no file yet.
    /// - Throws: ``Diagnostic`` when the file has no `</body>` (not a TMX Mekong can update
    ///   without loss: it is left as it is) or cannot be written.
    public static func add(_ units: [TMXWriter.Unit], to path: String, sourceLanguage: String) throws {
        guard FileSystem.exists(path) else {
            let w = try AtomicWriter(path: path)
            try TMXWriter.write(units, sourceLanguage: sourceLanguage, to: w)
            try w.commit()
            return
        }
        guard !units.isEmpty else { return }
        let fingerprint = FileFingerprint(path: path)
        let fd = try TextFile.open(path)
        defer { close(fd) }
        let size = Int(lseek(fd, 0, SEEK_END))
        guard let bodyEnd = try lastBodyEnd(fd, size: size) else {
            throw Diagnostic.error("not-tmx", "no </body> in this memory: it was left as it is", file: path)
        }
        let w = try AtomicWriter(path: path, unchangedSince: fingerprint)
        try copy(fd, from: 0, to: bodyEnd, into: w)
        try w.write(try TMXWriter.unitBytes(units))
        try copy(fd, from: bodyEnd, to: size, into: w)
        try w.commit()
    }

    /// The offset of the last `</body>` in the file (searched in its last 64 KB).
    private static func lastBodyEnd(_ fd: Int32, size: Int) throws -> Int? {
        let tail = Swift.min(size, 1 << 16)
        var buffer = [UInt8](repeating: 0, count: tail)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, tail, off_t(size - tail)) }
        guard n == tail, let r = buffer.lastRange(of: Array("</body>".utf8)) else { return nil }
        return size - tail + r.lowerBound
    }

    private static func copy(_ fd: Int32, from start: Int, to end: Int, into w: AtomicWriter) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var at = start
        while at < end {
            let want = Swift.min(buffer.count, end - at)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, want, off_t(at)) }
            guard n > 0 else { throw Diagnostic.error("cannot-read", "cannot read the memory", file: w.path) }
            try buffer.withUnsafeBytes { try w.write(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            at += n
        }
    }
}
