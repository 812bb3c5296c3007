import Foundation
public import MekongText

/// The glossary on disk: one TSV file per concept type in a directory (`person.tsv`,
/// `place.tsv`, …), one concept per line, sorted by id, with a header row:
///
/// ```
/// id	status	fr	vi	lo	lo-Latn	note	source
/// luang-prabang	approved	Luang Prabang	Luang Prabang	ຫຼວງພະບາງ	Louangphabang		seeds/000_ac40248b14b1adc8.txt:3
/// ```
///
/// A cell of forms uses the ``Terms/init(cell:)`` syntax (`preferred | admitted | !forbidden`);
/// `source` lists places separated by ` | `. Cells cannot hold tabs or line breaks. Files are
/// written in NFC, sorted, so an edit changes only its own lines; each write goes to a temporary
/// file that is synced and renamed, under an exclusive lock on `.mekong.lock` in the directory,
/// so concurrent writers queue and a crash leaves the previous file intact.
public struct GlossaryStore: Sendable {
    /// The header row of every TSV file, in order (the type is the file's name, not a column).
    public static let columns = ["id", "status", "fr", "vi", "lo", "lo-Latn", "note", "source"]
    static let languageColumns: [(Int, TermLanguage)] = [(2, .fr), (3, .vi), (4, .lo), (5, .loLatn)]

    /// The directory holding the TSV files, as given (it may not exist: see ``exists``).
    public let directory: String

    /// A store in `directory`. Nothing is read or checked here.
    public init(directory: String) {
        self.directory = directory
    }

    /// The file holding the concepts of `type`: `<directory>/<type>.tsv`, e.g. `person.tsv`.
    public func path(for type: ConceptType) -> String {
        (directory as NSString).appendingPathComponent("\(type.rawValue).tsv")
    }

    /// The error for a glossary folder that does not exist.
    var missingFolder: Diagnostic {
        .error(
            "no-such-folder",
            "no glossary here: the folder does not exist (give --glossary DIR or set MEKONG_GLOSSARY)",
            file: directory)
    }

    /// Whether the directory exists.
    public var exists: Bool { FileSystem.isDirectory(directory) }

    /// Loads every `<type>.tsv` file (a missing file is no concept of that type).
    /// - Throws: ``Diagnostic`` `no-such-folder` when the directory does not exist (a typo in
    ///   `--glossary` must not look like an empty glossary); ``Diagnostics`` listing every bad
    ///   row (file, line, column, message).
    public func load() throws -> Glossary {
        try loadWithFingerprints().0
    }

    /// Loads the glossary and the fingerprint of each file read, so that ``save(_:unchangedSince:)``
    /// can refuse to replace a file another program changed meanwhile.
    public func loadWithFingerprints() throws -> (Glossary, [String: FileFingerprint]) {
        guard exists else { throw missingFolder }
        return try assemble(readFiles())
    }

    /// Loads the glossary as ``load()`` does, through `cache` when it is given: when the cache
    /// was made from exactly these files by this program, the concepts and the tables of
    /// ``NameMatcher`` and ``GlossaryIndex`` come from it, not from parsing and indexing the files
    /// again; otherwise the files are read and, for a glossary of at least
    /// ``GlossaryCache/minimumConcepts`` concepts, the cache is written for the next run.
    /// - Throws: as ``load()`` (a bad row is reported the same with or without a cache: a cache
    ///   is only ever made from files that load without error).
    public func load(cache: GlossaryCache?) throws -> Glossary {
        guard let cache else { return try load() }
        guard exists else { throw missingFolder }
        let files = readFiles()
        var sources: [GlossaryCache.Source] = []
        for f in files {
            guard case .success(let (bytes, _)) = f.read else { return try assemble(files).0 }
            sources.append(
                GlossaryCache.Source(
                    name: f.type.rawValue + ".tsv", length: UInt64(bytes.count), hash: ContentHash.of(bytes)))
        }
        if let cached = cache.read(sources: sources) { return cached }
        let glossary = try assemble(files).0
        guard glossary.concepts.count >= cache.minimumConcepts else { return glossary }
        return cache.write(glossary, sources: sources)
    }

    /// One type's file as read: its bytes and fingerprint, or why it could not be read.
    private typealias FileRead = (type: ConceptType, read: Result<([UInt8], FileFingerprint), Error>)

    /// The bytes of every `<type>.tsv` file there is, in type order.
    private func readFiles() -> [FileRead] {
        ConceptType.allCases.filter { FileSystem.exists(path(for: $0)) }.map { type in
            (type, Result { try TextFile.bytesAndFingerprint(at: path(for: type)) })
        }
    }

    /// The glossary of the files read, and their fingerprints.
    private func assemble(_ files: [FileRead]) throws -> (Glossary, [String: FileFingerprint]) {
        // One file a thread (the files are independent; a machine with two cores reads a large
        // glossary's persons and places at once), then merged in type order, as before.
        let types = files.map(\.type)
        typealias Parsed = (rows: [(Int, Concept)], errors: [Diagnostic], fingerprint: FileFingerprint?)
        var parsed = [Parsed](repeating: ([], [], nil), count: types.count)
        parsed.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: types.count) { k in
                let path = path(for: types[k])
                switch files[k].read {
                case .success(let (bytes, fingerprint)):
                    let (rows, errors) = Self.parse(bytes: bytes, type: types[k], file: path)
                    out[k] = (rows, errors, fingerprint)
                case .failure(let error):
                    out[k] = ([], error.diagnostics(file: path), nil)
                }
            }
        }
        var concepts: [Concept] = []
        concepts.reserveCapacity(parsed.reduce(0) { $0 + $1.rows.count })
        var errors: [Diagnostic] = []
        var seen: [String: (file: Int, line: Int)] = [:]
        seen.reserveCapacity(concepts.capacity)
        var fingerprints: [String: FileFingerprint] = [:]
        for (k, p) in parsed.enumerated() {
            let path = path(for: types[k])
            if let f = p.fingerprint { fingerprints[path] = f }
            errors += p.errors
            for (line, c) in p.rows {
                if let other = seen[c.id] {
                    errors.append(
                        .error(
                            "duplicate-id",
                            "id '\(c.id)' is already used in \(self.path(for: types[other.file])):\(other.line)",
                            file: path, line: line, column: 1))
                    continue
                }
                seen[c.id] = (k, line)
                concepts.append(c)
            }
        }
        if !errors.isEmpty { throw Diagnostics(errors) }
        return (Glossary(concepts: concepts), fingerprints)
    }

    /// Parses one TSV file's bytes.
    static func parse(bytes: [UInt8], type: ConceptType, file: String) -> ([(Int, Concept)], [Diagnostic]) {
        var rows: [(Int, Concept)] = []
        var errors: [Diagnostic] = []
        do { try TextFile.validate(bytes, file: file) } catch { return ([], error.diagnostics(file: file)) }
        // Split on bytes: a line feed or a tab byte never occurs inside a multi-byte sequence.
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            $0.last == 0x0D ? $0.dropLast() : $0
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { return ([], []) }
        var headerText = String(decoding: header, as: UTF8.self)
        if headerText.hasPrefix("\u{FEFF}") { headerText.removeFirst() }
        if headerText.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) != columns {
            return (
                [],
                [
                    .error(
                        "bad-header", "header must be: \(columns.joined(separator: "<TAB>"))", file: file, line: 1,
                        column: 1)
                ]
            )
        }
        for (k, rawBytes) in lines.enumerated().dropFirst() {
            let lineNumber = k + 1
            if rawBytes.isEmpty || rawBytes.first == UInt8(ascii: "#") { continue }
            let fields = rawBytes.split(separator: 0x09, omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
            guard fields.count == columns.count else {
                errors.append(
                    .error(
                        "bad-row", "expected \(columns.count) tab-separated fields, found \(fields.count)",
                        file: file, line: lineNumber, column: 1))
                continue
            }
            // Column (in scalars) where a field starts: counted only when reporting an error.
            func column(_ field: Int) -> Int { fields[..<field].reduce(1) { $0 + $1.unicodeScalars.count + 1 } }
            func fail(_ field: Int, _ message: String) {
                errors.append(.error("bad-row", message, file: file, line: lineNumber, column: column(field)))
            }
            var rowOK = true
            if !Concept.isValidID(fields[0]) {
                fail(0, "bad id '\(fields[0])': use lower-case letters, digits and hyphens, starting with a letter")
                rowOK = false
            }
            guard let status = ConceptStatus(rawValue: fields[1]) else {
                fail(1, "bad status '\(fields[1])': expected proposed or approved")
                continue
            }
            for (i, f) in fields.enumerated() where f.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
                let bad = f.unicodeScalars.firstIndex(where: { $0.value < 0x20 || $0.value == 0x7F })!
                let offset = f.unicodeScalars.distance(from: f.unicodeScalars.startIndex, to: bad)
                errors.append(
                    .error(
                        "bad-row", "control character in \(columns[i])", file: file, line: lineNumber,
                        column: column(i) + offset))
                rowOK = false
            }
            var terms: [TermLanguage: Terms] = [:]
            for (i, lang) in languageColumns {
                let t = Terms(cell: fields[i])
                // "!!x" would be a forbidden form "!x", which no cell can write back: refused
                // here as saving refuses it, so that a glossary that loads always saves.
                if t.forbidden.contains(where: { $0.utf8.first == UInt8(ascii: "!") }) {
                    fail(i, "a \(lang.tag) form starts with '!' after the forbidden mark ('!!')")
                    rowOK = false
                }
                if !t.isEmpty { terms[lang] = t }
            }
            if terms[.fr]?.preferred == nil && terms[.fr]?.admitted.isEmpty != false {
                fail(2, "missing French form")
                rowOK = false
            }
            guard rowOK else { continue }
            let sources =
                fields[7].isEmpty
                ? [] : fields[7].split(separator: "|").map { String($0.trimmedSpaces) }.filter { !$0.isEmpty }
            rows.append(
                (
                    lineNumber,
                    Concept(id: fields[0], type: type, status: status, terms: terms, note: fields[6], sources: sources)
                ))
        }
        return (rows, errors)
    }

    /// The TSV text of the concepts of one type (header included), sorted by id, in NFC.
    public static func serialize(_ concepts: [Concept]) throws -> String {
        var out = columns.joined(separator: "\t") + "\n"
        for c in concepts.map({ $0.normalized() }).sorted(by: { $0.id < $1.id }) {
            var fields = [c.id, c.status.rawValue]
            for (_, lang) in languageColumns { fields.append(c.terms[lang]?.cell ?? "") }
            fields.append(c.note)
            fields.append(c.sources.joined(separator: " | "))
            for (i, f) in fields.enumerated()
            where f.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw Diagnostic.error(
                    "bad-value", "\(columns[i]) of '\(c.id)' contains a tab, line break or control character",
                    file: c.id)
            }
            for (_, lang) in languageColumns {
                if c.terms[lang]?.all.contains(where: {
                    $0.utf8.contains(UInt8(ascii: "|")) || $0.utf8.first == UInt8(ascii: "!")
                }) == true {
                    throw Diagnostic.error(
                        "bad-value", "a \(lang.tag) form of '\(c.id)' contains '|' or starts with '!'", file: c.id)
                }
            }
            out += fields.joined(separator: "\t") + "\n"
        }
        return out
    }

    /// Writes the files of the types whose content changed; others are not touched.
    /// - Parameter unchangedSince: fingerprints taken when the glossary was read: a file whose
    ///   fingerprint differs now (an editor saved it meanwhile) is not replaced, and the save
    ///   throws ``Diagnostic`` `changed-on-disk` naming it.
    public func save(_ glossary: Glossary, unchangedSince: [String: FileFingerprint]? = nil) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for type in ConceptType.allCases {
            let subset = glossary.concepts.filter { $0.type == type }
            let path = path(for: type)
            let exists = FileSystem.exists(path)
            if subset.isEmpty && !exists { continue }
            let bytes = Array(try Self.serialize(subset).utf8)
            if exists, let current = try? TextFile.bytes(at: path), current == bytes { continue }
            try AtomicWriter.write(bytes, to: path, unchangedSince: unchangedSince?[path])
        }
    }

    /// Runs `body` with the directory's lock held: load, change, save (creating the directory
    /// when `creating` is set; otherwise a missing directory is an error).
    public func update<T>(creating: Bool = false, _ body: (inout Glossary) throws -> T) throws -> T {
        if creating {
            do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw Diagnostic.error("cannot-write", "cannot create the glossary folder", file: directory)
            }
        }
        guard exists else { throw missingFolder }
        return try FileLock.withExclusiveLock(path: (directory as NSString).appendingPathComponent(".mekong.lock")) {
            var (glossary, fingerprints) = try loadWithFingerprints()
            let result = try body(&glossary)
            try save(glossary, unchangedSince: fingerprints)
            return result
        }
    }
}
