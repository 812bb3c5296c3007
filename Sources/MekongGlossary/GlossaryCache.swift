import Foundation
public import MekongText

/// A compiled copy of a large glossary, so that a command does not parse the TSV files and
/// build the name matcher and the search index again every time it starts (100,000 concepts:
/// about a second of work, most of it making strings: folding, NFC checks, splitting).
///
/// The cache is one file, outside the glossary folder (it is not content: users never see,
/// edit or commit it), holding the concepts, the ``NameMatcher``'s tables and the
/// ``GlossaryIndex``'s, and the fingerprints of the TSV files it was made from. It is used only
/// when every TSV file has exactly the bytes it was made from, and the program that made it is
/// the one reading it (``identity``); anything else — an edited file, a new or removed type
/// file, another Mekong build, a damaged or truncated cache — and the glossary is read from the
/// TSV files as without a cache, and the cache replaced. The TSV files stay the only truth: a
/// cache can be deleted at any time.
public struct GlossaryCache: Sendable {
    /// The cache file.
    public var file: String
    /// What must be equal for a cache to be used: the program that wrote it (its version and
    /// its executable file), so that a rebuilt Mekong never reads tables another build made.
    public var identity: String
    /// Glossaries with fewer concepts are not cached (reading them is quicker than the cache).
    public var minimumConcepts: Int

    /// A cache in `file`.
    public init(file: String, identity: String = GlossaryCache.processIdentity, minimumConcepts: Int = 1_000) {
        self.file = file
        self.identity = identity
        self.minimumConcepts = minimumConcepts
    }

    /// The cache of the glossary in `directory`, as the environment says: in
    /// `$MEKONG_CACHE_DIR`, else `$XDG_CACHE_HOME/mekong`, else `$HOME/.cache/mekong`; none when
    /// `MEKONG_CACHE=off` or none of these is set. The file name is made from the folder's
    /// absolute path (`glossary-<hash>.cache`), so two glossaries never share one.
    public static func forGlossary(in directory: String, environment: [String: String]) -> GlossaryCache? {
        if environment["MEKONG_CACHE"] == "off" { return nil }
        func given(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let folder: String
        if let dir = given("MEKONG_CACHE_DIR") {
            folder = dir
        } else if let xdg = given("XDG_CACHE_HOME") {
            folder = (xdg as NSString).appendingPathComponent("mekong")
        } else if let home = given("HOME") {
            folder = (home as NSString).appendingPathComponent(".cache/mekong")
        } else {
            return nil
        }
        let absolute = FileSystem.realPath(directory) ?? directory
        let (a, b) = ContentHash.of(Array(absolute.utf8))
        let name = "glossary-" + String(a, radix: 16) + String(b >> 32, radix: 16) + ".cache"
        return GlossaryCache(file: (folder as NSString).appendingPathComponent(name))
    }

    /// This program: Mekong's version and the size, modification time and inode of the running
    /// executable (any rebuild changes them).
    public static let processIdentity: String = {
        var id = "\(MekongInfo.version) format \(format)"
        if let exe = FileSystem.realPath("/proc/self/exe") ?? CommandLine.arguments.first.flatMap(FileSystem.realPath),
            let st = FileSystem.status(exe)
        {
            id += " \(exe) \(st.size) \(st.mtime) \(st.inode)"
        }
        return id
    }()

    /// The layout's version: changes whenever what is written changes.
    static let format: UInt32 = 1
    static let magic: [UInt8] = Array("MEKONG-GLOSSARY-CACHE\n".utf8)

    /// The TSV files a cache was made from: file name, length and content hash.
    struct Source {
        var name: String
        var length: UInt64
        var hash: (UInt64, UInt64)
    }

    /// The glossary in the cache, if the cache is there, whole, and made by this program from
    /// exactly `sources`; else `nil`.
    func read(sources: [Source]) -> Glossary? {
        guard let bytes = try? TextFile.bytes(at: file) else { return nil }
        return bytes.withUnsafeBytes { raw -> Glossary? in
            var r = ByteReader(raw)
            guard let m = r.slice(), Array(m) == Self.magic, r.uint32() == Self.format, r.string() == identity,
                let n = r.count(atMost: 64), n == sources.count
            else { return nil }
            for s in sources {
                guard r.string() == s.name, r.uint64() == s.length, let a = r.uint64(), let b = r.uint64(),
                    (a, b) == s.hash
                else { return nil }
            }
            guard let length = r.uint64(), let a = r.uint64(), let b = r.uint64(),
                UInt64(raw.count - r.offset) == length
            else { return nil }
            let payloadStart = r.offset
            let payload = UnsafeRawBufferPointer(rebasing: raw[payloadStart...])
            guard ContentHash.of(payload) == (a, b) else { return nil }
            var p = ByteReader(payload)
            guard let matcherAt = p.uint64().map(Int.init), let indexAt = p.uint64().map(Int.init),
                matcherAt <= payload.count, indexAt <= payload.count,
                var glossary = CompiledGlossary.decodeConcepts(&p)
            else { return nil }
            // The file's bytes as read (no copy of the payload): offsets count from the file's start.
            glossary.compiled = CompiledGlossary(
                bytes: bytes, matcherAt: payloadStart + matcherAt, indexAt: payloadStart + indexAt)
            return glossary
        }
    }

    /// Writes the cache of `glossary` (read from `sources`), building its matcher and index, and
    /// returns the glossary with them attached (so that the run that wrote the cache does not
    /// build them twice). A cache that cannot be written is no error: the glossary is the same.
    func write(_ glossary: Glossary, sources: [Source]) -> Glossary {
        let matcher = NameMatcher(glossary)
        let index = GlossaryIndex(glossary)
        var p = ByteWriter(capacity: 1 << 20)
        p.put(UInt64(0))
        p.put(UInt64(0))
        CompiledGlossary.encodeConcepts(glossary, into: &p)
        let matcherAt = p.bytes.count
        CompiledGlossary.encode(matcher, into: &p)
        let indexAt = p.bytes.count
        CompiledGlossary.encode(index, into: &p)
        p.patch(UInt64(matcherAt), at: 0)
        p.patch(UInt64(indexAt), at: 8)

        var h = ByteWriter(capacity: p.bytes.count + 4096)
        h.put(bytes: Self.magic)
        h.put(Self.format)
        h.put(identity)
        h.put(count: sources.count)
        for s in sources {
            h.put(s.name)
            h.put(s.length)
            h.put(s.hash.0)
            h.put(s.hash.1)
        }
        let (a, b) = ContentHash.of(p.bytes)
        h.put(UInt64(p.bytes.count))
        h.put(a)
        h.put(b)
        let folder = (file as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let w = try AtomicWriter(path: file)
            try w.write(h.bytes)
            try w.write(p.bytes)
            try w.commit()
        } catch {
            // Not writable (a read-only home, a full disk): the next run reads the TSV files again.
        }
        var out = glossary
        out.compiled = CompiledGlossary(matcher: matcher, index: index)
        return out
    }
}

/// The tables of a glossary read from its cache, decoded when first asked for: `check` needs
/// the matcher, `glossary find` the index, neither both.
final class CompiledGlossary: @unchecked Sendable {
    /// The cache file's bytes; the tables start at these offsets in it.
    private let bytes: [UInt8]
    private let matcherAt: Int
    private let indexAt: Int
    private let lock = NSLock()
    /// A table: not decoded yet, or decoded (`nil` when it could not be).
    private enum Lazy<T> {
        case pending
        case done(T?)
    }
    private var decodedMatcher = Lazy<NameMatcher>.pending
    private var decodedIndex = Lazy<GlossaryIndex>.pending

    init(bytes: [UInt8], matcherAt: Int, indexAt: Int) {
        self.bytes = bytes
        self.matcherAt = matcherAt
        self.indexAt = indexAt
    }

    init(matcher: NameMatcher, index: GlossaryIndex) {
        bytes = []
        matcherAt = 0
        indexAt = 0
        decodedMatcher = .done(matcher)
        decodedIndex = .done(index)
    }

    /// The table in `slot`, decoded from `offset` with `glossary` (without this box) on first use.
    private func once<T>(
        _ slot: inout Lazy<T>, at offset: Int, _ glossary: Glossary,
        _ decode: (inout ByteReader, Glossary) -> T?
    ) -> T? {
        lock.lock()
        defer { lock.unlock() }
        if case .done(let value) = slot { return value }
        var plain = glossary
        plain.compiled = nil
        let value = bytes.withUnsafeBytes { raw -> T? in
            var r = ByteReader(raw, offset: offset)
            return decode(&r, plain)
        }
        slot = .done(value)
        return value
    }

    /// The matcher's tables for `glossary` (the glossary this box belongs to; the matcher's own
    /// `glossary` is it without this box), or `nil` when they cannot be decoded (then the caller
    /// builds them).
    func matcher(_ glossary: Glossary) -> NameMatcher? {
        once(&decodedMatcher, at: matcherAt, glossary, Self.decodeMatcher)
    }

    /// The index's tables (its `glossary` is the concepts without this box), or `nil` when
    /// they cannot be decoded (then the caller builds them).
    func index(_ glossary: Glossary) -> GlossaryIndex? {
        once(&decodedIndex, at: indexAt, glossary, Self.decodeIndex)
    }

    // MARK: Concepts

    static func encodeConcepts(_ glossary: Glossary, into w: inout ByteWriter) {
        w.put(count: glossary.concepts.count)
        for c in glossary.concepts {
            w.put(c.id)
            w.put(UInt8(ConceptType.allCases.firstIndex(of: c.type)!))
            w.put(UInt8(c.status == .approved ? 1 : 0))
            w.put(c.note)
            w.put(count: c.sources.count)
            for s in c.sources { w.put(s) }
            w.put(UInt8(c.terms.count))
            for lang in TermLanguage.allCases {
                guard let t = c.terms[lang] else { continue }
                w.put(UInt8(TermLanguage.allCases.firstIndex(of: lang)!))
                w.put(UInt8(t.preferred == nil ? 0 : 1))
                if let p = t.preferred { w.put(p) }
                w.put(count: t.admitted.count)
                for a in t.admitted { w.put(a) }
                w.put(count: t.forbidden.count)
                for f in t.forbidden { w.put(f) }
            }
        }
    }

    static func decodeConcepts(_ r: inout ByteReader) -> Glossary? {
        let types = ConceptType.allCases
        let languages = TermLanguage.allCases
        guard let n = r.count(atMost: 100_000_000) else { return nil }
        var concepts: [Concept] = []
        concepts.reserveCapacity(min(n, 1 << 20))
        func strings(_ r: inout ByteReader) -> [String]? {
            guard let k = r.count(atMost: 1 << 16) else { return nil }
            if k == 0 { return [] }
            var out: [String] = []
            out.reserveCapacity(k)
            for _ in 0..<k {
                guard let s = r.string() else { return nil }
                out.append(s)
            }
            return out
        }
        for _ in 0..<n {
            guard let id = r.string(), let t = r.byte().map(Int.init), t < types.count, let status = r.byte(),
                status <= 1, let note = r.string(), let sources = strings(&r), let nt = r.byte(), nt <= 4
            else { return nil }
            var terms: [TermLanguage: Terms] = [:]
            terms.reserveCapacity(Int(nt))
            for _ in 0..<nt {
                guard let l = r.byte().map(Int.init), l < languages.count, let hasPreferred = r.byte() else {
                    return nil
                }
                var preferred: String?
                if hasPreferred == 1 {
                    guard let p = r.string() else { return nil }
                    preferred = p
                }
                guard let admitted = strings(&r), let forbidden = strings(&r) else { return nil }
                terms[languages[l]] = Terms(preferred: preferred, admitted: admitted, forbidden: forbidden)
            }
            concepts.append(
                Concept(
                    id: id, type: types[t], status: status == 1 ? .approved : .proposed, terms: terms, note: note,
                    sources: sources))
        }
        // Written sorted; Glossary(concepts:) checks it (and sorts a damaged cache's).
        return Glossary(concepts: concepts)
    }

    // MARK: The name matcher

    /// Where a form's text is in its concept: the language, and the k-th of `Terms.all`.
    private static func formPosition(_ form: NameMatcher.Form, in c: Concept) -> Int {
        c.terms[form.language]?.all.firstIndex(of: form.text) ?? 0
    }

    private static func formText(_ c: Concept, _ language: TermLanguage, _ k: Int) -> String? {
        guard let t = c.terms[language] else { return nil }
        var k = k
        if let p = t.preferred {
            if k == 0 { return p }
            k -= 1
        }
        if k < t.admitted.count { return t.admitted[k] }
        k -= t.admitted.count
        return k < t.forbidden.count ? t.forbidden[k] : nil
    }

    static func encode(_ m: NameMatcher, into w: inout ByteWriter) {
        let languages = TermLanguage.allCases
        let types = ConceptType.allCases
        w.put(count: m.forms.count)
        for f in m.forms {
            w.put(count: f.concept)
            w.put(UInt8(languages.firstIndex(of: f.language)!))
            w.put(UInt8(types.firstIndex(of: f.type)!))
            let sameComparable = f.comparable == f.text
            w.put(UInt8((f.forbidden ? 1 : 0) | (f.frenchOnly ? 2 : 0) | (sameComparable ? 4 : 0)))
            w.put(count: formPosition(f, in: m.glossary.concepts[f.concept]))
            w.put(f.capitals)
            w.put(f.acronyms)
            w.put(bytes: f.key)
            if !sameComparable { w.put(f.comparable) }
        }
        w.put(count: m.nodes.count)
        m.nodes.forEachEntry { key, node in
            w.put(key)
            w.put(UInt32(bitPattern: node.first))
            w.put(UInt32(bitPattern: node.count))
            w.put(UInt8(node.isPrefix ? 1 : 0))
        }
        w.put(count: m.terminalList.count)
        for t in m.terminalList { w.put(UInt32(bitPattern: t)) }
        w.put(count: m.maxWords)
        w.put(count: m.laoByFirst.count)
        for (first, list) in m.laoByFirst.sorted(by: { $0.key < $1.key }) {
            w.put(first)
            w.put(count: list.count)
            for f in list { w.put(UInt32(bitPattern: f)) }
        }
        let lao = m.laoToneless.indices.filter { !m.laoToneless[$0].isEmpty }
        w.put(count: lao.count)
        for k in lao {
            w.put(count: k)
            w.put(bytes: m.laoToneless[k])
        }
    }

    static func decodeMatcher(_ r: inout ByteReader, _ glossary: Glossary) -> NameMatcher? {
        let languages = TermLanguage.allCases
        let types = ConceptType.allCases
        let concepts = glossary.concepts
        guard let n = r.count(atMost: 1 << 30) else { return nil }
        var forms: [NameMatcher.Form] = []
        forms.reserveCapacity(min(n, 1 << 22))
        for _ in 0..<n {
            guard let ci = r.count(atMost: concepts.count - 1), let l = r.byte().map(Int.init), l < languages.count,
                let t = r.byte().map(Int.init), t < types.count, let flags = r.byte(),
                let position = r.count(atMost: 1 << 16), let capitals = r.uint64(), let acronyms = r.uint64(),
                let key = r.bytes(), let text = formText(concepts[ci], languages[l], position)
            else { return nil }
            var comparable = text
            if flags & 4 == 0 {
                guard let c = r.string() else { return nil }
                comparable = c
            }
            forms.append(
                NameMatcher.Form(
                    concept: ci, language: languages[l], text: text, forbidden: flags & 1 != 0, key: key,
                    comparable: comparable, type: types[t], capitals: capitals, acronyms: acronyms,
                    frenchOnly: flags & 2 != 0))
        }
        guard let nodeCount = r.count(atMost: 1 << 30) else { return nil }
        var nodes = HashTable<NameMatcher.Node>(capacity: nodeCount)
        var nodeList: [NameMatcher.Node] = []
        nodeList.reserveCapacity(nodeCount)
        for _ in 0..<nodeCount {
            guard let key = r.uint64(), let first = r.uint32(), let count = r.uint32(), let prefix = r.byte() else {
                return nil
            }
            let node = NameMatcher.Node(
                first: Int32(bitPattern: first), count: Int32(bitPattern: count), isPrefix: prefix == 1)
            nodes[key] = node
            nodeList.append(node)
        }
        guard let terminalCount = r.count(atMost: 1 << 30) else { return nil }
        var terminalList = [Int32](repeating: 0, count: terminalCount)
        for k in 0..<terminalCount {
            guard let f = r.uint32(), Int(f) < forms.count else { return nil }
            terminalList[k] = Int32(f)
        }
        // Every node's forms are inside the terminal list (a lookup indexes it without checking).
        for node in nodeList
        where node.first < 0 || node.count < 0 || Int(node.first) + Int(node.count) > terminalCount {
            return nil
        }
        guard let maxWords = r.count(atMost: 1 << 16), let laoKeys = r.count(atMost: 1 << 24) else { return nil }
        var laoByFirst: [UInt32: [Int32]] = [:]
        for _ in 0..<laoKeys {
            guard let first = r.uint32(), let k = r.count(atMost: forms.count) else { return nil }
            var list: [Int32] = []
            list.reserveCapacity(k)
            for _ in 0..<k {
                guard let f = r.uint32(), Int(f) < forms.count else { return nil }
                list.append(Int32(f))
            }
            laoByFirst[first] = list
        }
        var laoToneless = [[UInt8]](repeating: [], count: forms.count)
        guard let laoCount = r.count(atMost: forms.count) else { return nil }
        for _ in 0..<laoCount {
            guard let k = r.count(atMost: forms.count - 1), let b = r.bytes() else { return nil }
            laoToneless[k] = b
        }
        let m = NameMatcher(unbuilt: glossary)
        m.forms = forms
        m.nodes = nodes
        m.terminalList = terminalList
        m.maxWords = maxWords
        m.laoByFirst = laoByFirst
        m.laoToneless = laoToneless
        return m
    }

    // MARK: The search index

    static func encode(_ index: GlossaryIndex, into w: inout ByteWriter) {
        w.put(count: index.formKeys.count)
        for k in index.formKeys { w.put(bytes: k) }
        for p in [index.exact, index.toneless, index.byWord] {
            w.put(count: p.head.count)
            p.head.forEachEntry { key, v in
                w.put(key)
                w.put(UInt32(bitPattern: v))
            }
            w.put(count: p.form.count)
            for f in p.form { w.put(UInt32(bitPattern: f)) }
            for f in p.next { w.put(UInt32(bitPattern: f)) }
        }
    }

    static func decodeIndex(_ r: inout ByteReader, _ glossary: Glossary) -> GlossaryIndex? {
        var index = GlossaryIndex(unbuilt: glossary)
        // The forms in the order GlossaryIndex.init adds them: concept, language, Terms.all.
        for (ci, c) in glossary.concepts.enumerated() {
            for lang in TermLanguage.allCases {
                guard let terms = c.terms[lang] else { continue }
                for form in terms.all {
                    index.forms.append(form)
                    index.formConcept.append(Int32(ci))
                    index.formLanguage.append(lang)
                }
            }
        }
        guard let n = r.count(atMost: 1 << 30), n == index.forms.count else { return nil }
        index.formKeys.reserveCapacity(n)
        for _ in 0..<n {
            guard let k = r.bytes() else { return nil }
            index.formKeys.append(k)
        }
        var postings: [GlossaryIndex.Postings] = []
        for _ in 0..<3 {
            guard let heads = r.count(atMost: 1 << 30) else { return nil }
            var p = GlossaryIndex.Postings(capacity: heads)
            var headList: [Int32] = []
            for _ in 0..<heads {
                guard let key = r.uint64(), let v = r.uint32() else { return nil }
                p.head[key] = Int32(bitPattern: v)
                headList.append(Int32(bitPattern: v))
            }
            guard let count = r.count(atMost: 1 << 30) else { return nil }
            p.form = [Int32](repeating: 0, count: count)
            p.next = [Int32](repeating: 0, count: count)
            for k in 0..<count {
                guard let f = r.uint32(), Int(f) < n else { return nil }
                p.form[k] = Int32(f)
            }
            for k in 0..<count {
                // A link goes back (to an earlier posting) or ends: no cycle, no index out of range.
                guard let v = r.uint32().map({ Int32(bitPattern: $0) }), v >= -1, Int(v) < k else { return nil }
                p.next[k] = v
            }
            guard headList.allSatisfy({ $0 >= -1 && Int($0) < count }) else { return nil }
            postings.append(p)
        }
        index.exact = postings[0]
        index.toneless = postings[1]
        index.byWord = postings[2]
        return index
    }
}
