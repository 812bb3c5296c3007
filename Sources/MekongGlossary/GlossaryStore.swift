import Foundation
import MekongText

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
    public static let columns = ["id", "status", "fr", "vi", "lo", "lo-Latn", "note", "source"]
    static let languageColumns: [(Int, TermLanguage)] = [(2, .fr), (3, .vi), (4, .lo), (5, .loLatn)]

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public func path(for type: ConceptType) -> String {
        (directory as NSString).appendingPathComponent("\(type.rawValue).tsv")
    }

    /// Loads every `<type>.tsv` file; a missing directory or file is an empty glossary.
    /// - Throws: ``GlossaryErrors`` listing every bad row (file, line, column, message).
    public func load() throws -> Glossary {
        var concepts: [Concept] = []
        var errors: [GlossaryError] = []
        var seen: [String: String] = [:]
        for type in ConceptType.allCases {
            let path = path(for: type)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard let data = FileManager.default.contents(atPath: path) else {
                errors.append(GlossaryError(file: path, message: "cannot read file"))
                continue
            }
            let (rows, rowErrors) = Self.parse(data: data, type: type, file: path)
            errors += rowErrors
            for (line, c) in rows {
                if let other = seen[c.id] {
                    errors.append(GlossaryError(file: path, line: line, column: 1, message: "id '\(c.id)' is already used in \(other)"))
                    continue
                }
                seen[c.id] = "\(path):\(line)"
                concepts.append(c)
            }
        }
        if !errors.isEmpty { throw GlossaryErrors(errors: errors) }
        return Glossary(concepts: concepts)
    }

    /// Parses one TSV file's bytes.
    static func parse(data: Data, type: ConceptType, file: String) -> ([(Int, Concept)], [GlossaryError]) {
        var rows: [(Int, Concept)] = []
        var errors: [GlossaryError] = []
        let bytes = [UInt8](data)
        if let bad = bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidOffset(in: $0) }) {
            let before = bytes[..<bad]
            let line = before.filter { $0 == 0x0A }.count + 1
            let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
            let column = UTF8Validation.scalarCount(bytes[lineStart..<bad]) + 1
            return ([], [GlossaryError(file: file, line: line, column: column, message: "invalid UTF-8")])
        }
        // Split on bytes: a line feed or a tab byte never occurs inside a multi-byte sequence.
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { $0.last == 0x0D ? $0.dropLast() : $0 }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { return ([], []) }
        var headerText = String(decoding: header, as: UTF8.self)
        if headerText.hasPrefix("\u{FEFF}") { headerText.removeFirst() }
        if headerText.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) != columns {
            return ([], [GlossaryError(file: file, line: 1, column: 1, message: "header must be: \(columns.joined(separator: "<TAB>"))")])
        }
        for (k, rawBytes) in lines.enumerated().dropFirst() {
            let lineNumber = k + 1
            if rawBytes.isEmpty || rawBytes.first == UInt8(ascii: "#") { continue }
            let fields = rawBytes.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == columns.count else {
                errors.append(GlossaryError(file: file, line: lineNumber, column: 1,
                                            message: "expected \(columns.count) tab-separated fields, found \(fields.count)"))
                continue
            }
            // Column (in scalars) where a field starts: counted only when reporting an error.
            func column(_ field: Int) -> Int { fields[..<field].reduce(1) { $0 + $1.unicodeScalars.count + 1 } }
            func fail(_ field: Int, _ message: String) {
                errors.append(GlossaryError(file: file, line: lineNumber, column: column(field), message: message))
            }
            var rowOK = true
            if !Concept.isValidID(fields[0]) {
                fail(0, "bad id '\(fields[0])': use lower-case letters, digits and hyphens, starting with a letter"); rowOK = false
            }
            guard let status = ConceptStatus(rawValue: fields[1]) else {
                fail(1, "bad status '\(fields[1])': expected proposed or approved"); continue
            }
            for (i, f) in fields.enumerated() where f.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
                let bad = f.unicodeScalars.firstIndex(where: { $0.value < 0x20 || $0.value == 0x7F })!
                let offset = f.unicodeScalars.distance(from: f.unicodeScalars.startIndex, to: bad)
                errors.append(GlossaryError(file: file, line: lineNumber, column: column(i) + offset, message: "control character in \(columns[i])"))
                rowOK = false
            }
            var terms: [TermLanguage: Terms] = [:]
            for (i, lang) in languageColumns {
                let t = Terms(cell: fields[i])
                if !t.isEmpty { terms[lang] = t }
            }
            if terms[.fr]?.preferred == nil && terms[.fr]?.admitted.isEmpty != false {
                fail(2, "missing French form"); rowOK = false
            }
            guard rowOK else { continue }
            let sources = fields[7].isEmpty ? [] : fields[7].split(separator: "|").map { String($0.trimmedSpaces) }.filter { !$0.isEmpty }
            rows.append((lineNumber, Concept(id: fields[0], type: type, status: status, terms: terms, note: fields[6], sources: sources)))
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
            for (i, f) in fields.enumerated() where f.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw GlossaryError(file: c.id, message: "\(columns[i]) of '\(c.id)' contains a tab, line break or control character")
            }
            for (_, lang) in languageColumns {
                if c.terms[lang]?.all.contains(where: { $0.utf8.contains(UInt8(ascii: "|")) || $0.utf8.first == UInt8(ascii: "!") }) == true {
                    throw GlossaryError(file: c.id, message: "a \(lang.tag) form of '\(c.id)' contains '|' or starts with '!'")
                }
            }
            out += fields.joined(separator: "\t") + "\n"
        }
        return out
    }

    /// Writes the files of the types whose content changed; others are not touched.
    public func save(_ glossary: Glossary) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for type in ConceptType.allCases {
            let subset = glossary.concepts.filter { $0.type == type }
            let path = path(for: type)
            let exists = FileManager.default.fileExists(atPath: path)
            if subset.isEmpty && !exists { continue }
            let text = try Self.serialize(subset)
            if exists, let current = FileManager.default.contents(atPath: path), current == Data(text.utf8) { continue }
            try AtomicFile.write(Data(text.utf8), to: path)
        }
    }

    /// Runs `body` with the directory's lock held: load, change, save.
    public func update<T>(_ body: (inout Glossary) throws -> T) throws -> T {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try FileLock.withExclusiveLock(path: (directory as NSString).appendingPathComponent(".mekong.lock")) {
            var glossary = try load()
            let result = try body(&glossary)
            try save(glossary)
            return result
        }
    }
}
