import Foundation
public import MekongText
import MekongXML

/// A TMX memory on disk, updated without losing anything: the existing file is kept byte for
/// byte (header, notes, props, inline codes, other languages, attributes) and new units are
/// spliced in before its `</body>`, streaming, so a memory of any size is updated in constant
/// memory beyond one hash per unit.
public enum TranslationMemory {
    /// The pairs a memory holds for one language pair, as hashes: source text → target text.
    /// Languages match by their primary subtag (`fr-FR` is `fr`).
    public struct Pairs: Sendable {
        /// Units read.
        public private(set) var units = 0
        /// The memory's status when it was read (see ``FileFingerprint/init(statusOf:)``), for
        /// ``TranslationMemory/add(_:to:sourceLanguage:unchangedSince:)`` to refuse to replace
        /// a memory another program changed since; `nil` for a set not read from a file.
        public internal(set) var fingerprint: FileFingerprint?
        /// Two tables of 64-bit hashes, used as they are (no second hashing: `Set`'s SipHash
        /// was a sixth of adding a few units to a million): the sources, and each pair under
        /// the mix of its hashes with the target's hash as its value, so that a pair is only
        /// taken as known when both its source and target hashes agree.
        private var sources = HashTable<Bool>(capacity: 1_024)
        private var pairs = HashTable<UInt64>(capacity: 1_024)

        @inline(__always)
        private static func pairKey(_ source: UInt64, _ target: UInt64) -> UInt64 {
            (source &* 0x9E37_79B9_7F4A_7C15) ^ target
        }

        /// An empty set.
        public init() {}

        /// Whether the memory has `target` for `source`.
        public func contains(_ source: String, _ target: String) -> Bool {
            contains(Key(source, target))
        }

        /// Whether the memory has some translation of `source`.
        public func hasSource(_ source: String) -> Bool { sources[Self.hash(source)] != nil }

        /// Records a pair.
        public mutating func insert(_ source: String, _ target: String) {
            insert(hashes: Self.hash(source), Self.hash(target))
        }

        /// A source and target text as the sets know them, hashed once for the three questions
        /// an import asks about one pair.
        public struct Key: Sendable {
            fileprivate var source: UInt64
            fileprivate var target: UInt64
            /// The key of a pair.
            public init(_ source: String, _ target: String) {
                self.source = Pairs.hash(source)
                self.target = Pairs.hash(target)
            }
        }

        /// ``contains(_:_:)`` for a key.
        public func contains(_ key: Key) -> Bool { pairs[Self.pairKey(key.source, key.target)] == key.target }

        /// ``hasSource(_:)`` for a key's source.
        public func hasSource(_ key: Key) -> Bool { sources[key.source] != nil }

        /// ``insert(_:_:)`` for a key.
        public mutating func insert(_ key: Key) { insert(hashes: key.source, key.target) }

        mutating func insert(hashes source: UInt64, _ target: UInt64) {
            sources[source] = true
            pairs[Self.pairKey(source, target)] = target
        }

        mutating func countUnit() { units += 1 }

        static func hash(_ s: String) -> UInt64 {
            var s = s
            return s.withUTF8 { Folding.wordHash(UnsafeRawBufferPointer($0), continuing: 0xcbf2_9ce4_8422_2325) }
        }
    }

    /// Reads the pairs of `source` → `target` language a memory holds.
    ///
    /// The same units, variants and texts as ``TMXReader/read(path:each:)`` (the native codes
    /// of `<bpt>`, `<ept>`, `<ph>`, `<it>` and `<ut>` left out), hashed as they are read:
    /// no string is made per unit.
    /// - Throws: ``Diagnostic`` for a file that is not a readable TMX.
    public static func pairs(in path: String, source: String, target: String) throws -> Pairs {
        var pairs = Pairs()
        pairs.fingerprint = FileFingerprint(statusOf: path)
        let s = LanguageTag(source)?.primary
        let t = LanguageTag(target)?.primary
        try Schemas.sniff(path)
        let reader = try XMLStreamReader(path: path)
        // Per distinct xml:lang value: is it the source language, the target language?
        var sides: [String: (source: Bool, target: Bool)] = [:]
        var inUnit = false
        var lang: (source: Bool, target: Bool)?
        var seg: [UInt8] = []
        var inSeg = false
        var depth = 0
        var codeDepth = 0
        var sourceHashes: [UInt64] = []
        var targetHashes: [UInt64] = []
        while let node = try reader.nextNode() {
            switch node {
            case .startElement:
                if inSeg {
                    depth += 1
                    if codeDepth > 0 || ["bpt", "ept", "ph", "it", "ut"].contains(where: { reader.nodeName(is: $0) }) {
                        codeDepth += 1
                    }
                    continue
                }
                if reader.nodeName(is: "tu") {
                    inUnit = true
                    sourceHashes.removeAll(keepingCapacity: true)
                    targetHashes.removeAll(keepingCapacity: true)
                } else if reader.nodeName(is: "tuv") {
                    lang = reader.attribute("xml:lang", "lang").map { value in
                        if let known = sides[value] { return known }
                        let primary = LanguageTag(value)?.primary
                        let side = (source: primary == s, target: primary == t)
                        sides[value] = side
                        return side
                    }
                } else if reader.nodeName(is: "seg") {
                    inSeg = true
                    seg.removeAll(keepingCapacity: true)
                    depth = 0
                }
            case .text:
                if inSeg, codeDepth == 0 { reader.withText { seg.append(contentsOf: $0) } }
            case .endElement:
                if inSeg, depth > 0 {
                    depth -= 1
                    if codeDepth > 0 { codeDepth -= 1 }
                    continue
                }
                if reader.nodeName(is: "seg") {
                    if inUnit, let side = lang {
                        let h = Folding.wordHash(seg)
                        if side.source { sourceHashes.append(h) }
                        if side.target { targetHashes.append(h) }
                    }
                    inSeg = false
                } else if reader.nodeName(is: "tu") {
                    if inUnit {
                        pairs.countUnit()
                        for a in sourceHashes { for b in targetHashes { pairs.insert(hashes: a, b) } }
                    }
                    inUnit = false
                }
            }
        }
        return pairs
    }

    /// Writes `units` into the memory at `path`: spliced before the existing file's last
    /// `</body>` (every byte of it kept), or as a new TMX when there is no file yet.
    /// - Parameter unchangedSince: the memory's status when it was read (``Pairs/fingerprint``):
    ///   a memory another program replaced or rewrote since then is not replaced (the file is
    ///   compared by its status, not read again); without it, the status when this call starts.
    /// - Throws: ``Diagnostic`` when the file has no `</body>` (not a TMX Mekong can update
    ///   without loss: it is left as it is), changed since it was read, or cannot be written.
    public static func add(
        _ units: [TMXWriter.Unit], to path: String, sourceLanguage: String, unchangedSince: FileFingerprint? = nil
    ) throws {
        try add(units, count: units.count, to: path, sourceLanguage: sourceLanguage, unchangedSince: unchangedSince)
    }

    /// ``add(_:to:sourceLanguage:unchangedSince:)`` for units kept in a spool: a new memory is
    /// written as they are read back, so a million units never sit in memory.
    public static func add(
        _ units: UnitSpool, to path: String, sourceLanguage: String, unchangedSince: FileFingerprint? = nil
    ) throws {
        try add(units, count: units.count, to: path, sourceLanguage: sourceLanguage, unchangedSince: unchangedSince)
    }

    private static func add(
        _ units: some Sequence<TMXWriter.Unit>, count: Int, to path: String, sourceLanguage: String,
        unchangedSince: FileFingerprint?
    ) throws {
        guard FileSystem.exists(path) else {
            let w = try AtomicWriter(path: path)
            try TMXWriter.write(units, sourceLanguage: sourceLanguage, to: w)
            try w.commit()
            return
        }
        guard count > 0 else { return }
        // The status only: hashing 430 MB before and again after the copy read the memory
        // twice more than the copy itself (a third of `import` of a few units).
        let fingerprint = unchangedSince ?? FileFingerprint(statusOf: path)
        if let fingerprint, !fingerprint.isCurrent(at: path) { throw AtomicWriter.changedOnDisk(path) }
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
