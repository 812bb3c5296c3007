import Foundation
import MekongText

/// Glossary exchange as CSV (RFC 4180: a header row, fields quoted with `"` when they hold a
/// comma, quote or line break, `""` for a quote, CRLF line ends on output) and as a single TSV
/// file with a `type` column.
///
/// Columns: `id`, `type`, `status`, `fr`, `vi`, `lo`, `lo-Latn`, `note`, `source`, in any order;
/// only `type` and `fr` are required. Form cells use the ``Terms/init(cell:)`` syntax.
public enum CSVFormat {
    /// Every column a file may have, in the order ``csv(_:)`` writes them.
    public static let columns = ["id", "type", "status", "fr", "vi", "lo", "lo-Latn", "note", "source"]

    /// A row read from a file: the concept and whether its id came from the file.
    public struct Row: Sendable {
        /// The 1-based line where the row starts (the header is line 1; a quoted field may span lines).
        public var line: Int
        /// The concept the row describes, in NFC; its id is empty when the row gives none.
        public var concept: Concept
        /// Whether the row gave an id; if not, ``CSVFormat/merge(_:into:)`` matches it by its French
        /// form or gives it a new id.
        public var hasID: Bool

        /// The fields the file gives a value for: a column it lacks, or an empty cell, is
        /// not given, and an import leaves that field of an existing concept as it is.
        public var given: Set<Field>
        /// The fields the file has a column for (an empty cell there clears the field with
        /// `clearEmpty`).
        public var columns: Set<Field>

        /// A row as ``CSVFormat/read(_:file:separator:)`` makes it.
        /// - Parameters:
        ///   - given: the fields the row sets (default: every field the concept has).
        ///   - columns: the file's columns (default: `given`).
        public init(line: Int, concept: Concept, hasID: Bool, given: Set<Field>? = nil, columns: Set<Field>? = nil) {
            self.line = line
            self.concept = concept
            self.hasID = hasID
            self.given = given ?? Field.present(in: concept)
            self.columns = columns ?? self.given
        }
    }

    /// The fields of a concept a row may set.
    public enum Field: String, CaseIterable, Hashable, Sendable, Comparable {
        /// The concept type.
        case type
        /// proposed or approved.
        case status
        /// The French forms.
        case fr
        /// The Vietnamese forms.
        case vi
        /// The Lao forms.
        case lo
        /// The romanised Lao forms.
        case loLatn = "lo-Latn"
        /// The note.
        case note
        /// The sources.
        case source

        /// Column order, as the file format lists them.
        public static func < (a: Field, b: Field) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

        /// The field of a glossary language.
        init(_ language: TermLanguage) {
            switch language {
            case .fr: self = .fr
            case .vi: self = .vi
            case .lo: self = .lo
            case .loLatn: self = .loLatn
            }
        }

        /// The fields a concept has a value for (its type and status always).
        static func present(in c: Concept) -> Set<Field> {
            var out: Set<Field> = [.type, .status]
            for (lang, t) in c.terms where !t.isEmpty { out.insert(Field(lang)) }
            if !c.note.isEmpty { out.insert(.note) }
            if !c.sources.isEmpty { out.insert(.source) }
            return out
        }

        /// The field's value in a concept, as the file's cell would write it.
        func value(in c: Concept) -> String {
            switch self {
            case .type: return c.type.rawValue
            case .status: return c.status.rawValue
            case .fr: return c.terms[.fr]?.cell ?? ""
            case .vi: return c.terms[.vi]?.cell ?? ""
            case .lo: return c.terms[.lo]?.cell ?? ""
            case .loLatn: return c.terms[.loLatn]?.cell ?? ""
            case .note: return c.note
            case .source: return c.sources.joined(separator: " | ")
            }
        }

        /// Sets the field of `c` to the value it has in `from`.
        func copy(from: Concept, to c: inout Concept) {
            switch self {
            case .type: c.type = from.type
            case .status: c.status = from.status
            case .fr: c.terms[.fr] = from.terms[.fr]
            case .vi: c.terms[.vi] = from.terms[.vi]
            case .lo: c.terms[.lo] = from.terms[.lo]
            case .loLatn: c.terms[.loLatn] = from.terms[.loLatn]
            case .note: c.note = from.note
            case .source: c.sources = from.sources
            }
        }
    }

    /// Reads CSV (`separator` ",") or TSV (`"\t"`, no quoting) text.
    /// - Throws: ``Diagnostics`` with every bad row; nothing is returned from a file with errors.
    public static func read(_ text: String, file: String, separator: Character = ",") throws -> [Row] {
        var errors: [Diagnostic] = []
        var records = try records(in: text, file: file, separator: separator)
        guard !records.isEmpty else { return [] }
        let header = records.removeFirst()
        var index: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() {
            let n = name.trimmingCharacters(in: .whitespaces)
            guard columns.contains(n) else {
                errors.append(
                    .error(
                        "bad-row", "unknown column '\(n)' (expected: \(columns.joined(separator: ", ")))", file: file,
                        line: header.line, column: header.columns[i]))
                continue
            }
            if index[n] != nil {
                errors.append(
                    .error(
                        "bad-row", "column '\(n)' appears twice", file: file, line: header.line,
                        column: header.columns[i]))
            }
            index[n] = i
        }
        for required in ["type", "fr"] where index[required] == nil {
            errors.append(
                .error("bad-row", "missing required column '\(required)'", file: file, line: header.line, column: 1))
        }
        if !errors.isEmpty { throw Diagnostics(errors) }

        let fileColumns = Set(Field.allCases.filter { index[$0.rawValue] != nil })
        var rows: [Row] = []
        var idLines: [String: Int] = [:]  // id → the line that first gave it
        for r in records {
            let trimmed = r.fields.map(trimmedWhitespace)
            if trimmed.allSatisfy({ $0.isEmpty }) { continue }
            guard r.fields.count == header.fields.count else {
                errors.append(
                    .error(
                        "bad-row", "expected \(header.fields.count) fields, found \(r.fields.count)", file: file,
                        line: r.line, column: 1))
                continue
            }
            func field(_ name: String) -> (String, Int)? {
                guard let i = index[name] else { return nil }
                return (trimmed[i], r.columns[i])
            }
            var ok = true
            let (typeText, typeColumn) = field("type")!
            let type = ConceptType(rawValue: typeText.lowercased())
            if type == nil {
                errors.append(
                    .error(
                        "bad-row",
                        "bad type '\(typeText)': expected \(ConceptType.allCases.map(\.rawValue).joined(separator: ", "))",
                        file: file, line: r.line, column: typeColumn))
                ok = false
            }
            var status = ConceptStatus.proposed
            if let (s, col) = field("status"), !s.isEmpty {
                if let parsed = ConceptStatus(rawValue: s.lowercased()) {
                    status = parsed
                } else {
                    errors.append(
                        .error(
                            "bad-row", "bad status '\(s)': expected proposed or approved", file: file, line: r.line,
                            column: col))
                    ok = false
                }
            }
            var id = ""
            if let (s, col) = field("id"), !s.isEmpty {
                if let first = idLines[s] {
                    // Two rows for one concept: which one the user meant is theirs to say, not last-wins.
                    errors.append(
                        .error(
                            "bad-row", "id '\(s)' is on line \(first) too: one row per concept", file: file,
                            line: r.line, column: col))
                    ok = false
                } else if Concept.isValidID(s) {
                    idLines[s] = r.line
                    id = s
                } else {
                    errors.append(
                        .error(
                            "bad-row",
                            "bad id '\(s)': use lower-case letters, digits and hyphens, starting with a letter",
                            file: file, line: r.line, column: col))
                    ok = false
                }
            }
            var terms: [TermLanguage: Terms] = [:]
            for lang in TermLanguage.allCases {
                guard let (cell, col) = field(lang.tag) else { continue }
                if cell.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" }) {
                    errors.append(
                        .error(
                            "bad-row", "line break or control character in \(lang.tag)", file: file, line: r.line,
                            column: col))
                    ok = false
                }
                let t = Terms(cell: cell)
                if !t.isEmpty { terms[lang] = t }
            }
            if terms[.fr]?.preferred == nil {
                errors.append(
                    .error("bad-row", "missing French form", file: file, line: r.line, column: field("fr")!.1))
                ok = false
            }
            let note = field("note")?.0 ?? ""
            if note.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                errors.append(
                    .error(
                        "bad-row", "line break or control character in note", file: file, line: r.line,
                        column: field("note")!.1))
                ok = false
            }
            let sources = (field("source")?.0 ?? "").split(separator: "|").map {
                trimmedWhitespace(String($0))
            }.filter { !$0.isEmpty }
            guard ok, let type else { continue }
            var given: Set<Field> = []
            for f in Field.allCases where f != .type {
                if let (cell, _) = field(f.rawValue), !cell.isEmpty { given.insert(f) }
            }
            given.insert(.type)
            rows.append(
                Row(
                    line: r.line,
                    concept: Concept(id: id, type: type, status: status, terms: terms, note: note, sources: sources)
                        .normalized(),
                    hasID: !id.isEmpty, given: given, columns: fileColumns))
        }
        if !errors.isEmpty { throw Diagnostics(errors) }
        return rows
    }

    /// `text.trimmingCharacters(in: .whitespaces)` (general category Zs and tab), on scalars
    /// without going through `NSString` (which took a third of an import of 100,000 concepts).
    static func trimmedWhitespace(_ text: String) -> String {
        func isWhitespace(_ c: Unicode.Scalar) -> Bool {
            if c.value < 0x80 { return c == " " || c == "\t" }
            return c.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isWhitespace(first) || isWhitespace(last) else {
            return text
        }
        var lo = scalars.startIndex
        var hi = scalars.endIndex
        while lo < hi, isWhitespace(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo, isWhitespace(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
        return String(scalars[lo..<hi])
    }

    /// What an import did.
    public struct ImportReport: Sendable, Equatable, Encodable {
        /// Ids of the concepts added, in row order.
        public var added: [String] = []
        /// Ids of existing concepts that a row changed, in row order.
        public var changed: [String] = []
        /// Ids of existing concepts that a row matched without changing them, in row order.
        public var kept: [String] = []
        /// For each changed concept, its changed fields: `lo: ຫຼວງພະບາງ → (empty)`.
        public var changes: [String: [String]] = [:]
        /// An empty report.
        public init() {}
    }

    /// Merges rows into the glossary: by id, or by the folded preferred French form when a row
    /// has no id; a row that matches nothing is added with a new id.
    ///
    /// A concept some row of the file names by its id belongs to that row: a row without an id
    /// is never matched to it by its French form, and a new id is never one the file names. So
    /// merging the same file twice changes nothing the second time (a homonym without an id next
    /// to a row with an id stays a concept of its own).
    ///
    /// An existing concept is merged field by field: a field the row does not give (a column the
    /// file lacks, an empty cell) is left as it is, unless `clearEmpty` (then an empty cell of a
    /// column the file has clears the field); a status is never lowered (approved stays
    /// approved). Every changed field is listed in the report.
    /// - Complexity: O(*n* log *n*) in the number of concepts and rows (the concepts are kept by
    ///   id while merging and sorted once at the end).
    public static func merge(_ rows: [Row], into glossary: inout Glossary, clearEmpty: Bool = false) -> ImportReport {
        var working = WorkingSet(glossary)
        defer { glossary = working.glossary }
        var report = ImportReport()
        // Folded French form → id, for rows without an id; made (folding is not cheap) only
        // when such a row comes: until then the forms to add to it are kept in order.
        var byFrenchMap: [String: String]?
        var pendingFrench: [(form: String, id: String)] = []
        let initial = glossary.concepts
        var claimed = Set<String>()
        for row in rows where row.hasID { claimed.insert(row.concept.id) }
        func byFrench() -> [String: String] {
            if let map = byFrenchMap { return map }
            var map: [String: String] = [:]
            for c in initial where !claimed.contains(c.id) {
                if let fr = c.preferred(.fr) { map[Folding.key(fr)] = c.id }
            }
            for (form, id) in pendingFrench { map[Folding.key(form)] = id }
            pendingFrench = []
            byFrenchMap = map
            return map
        }
        for row in rows {
            var concept = row.concept
            let existingID = row.hasID ? concept.id : byFrench()[Folding.key(concept.preferred(.fr) ?? "")]
            if let id = existingID, let old = working[id] {
                var merged = old
                var changes: [String] = []
                for f in Field.allCases {
                    let inFile = row.columns.contains(f)
                    guard row.given.contains(f) || (clearEmpty && inFile && f != .type && f != .status) else {
                        continue
                    }
                    if f == .status, old.status == .approved, row.concept.status == .proposed { continue }
                    let before = f.value(in: merged)
                    f.copy(from: row.concept, to: &merged)
                    let after = f.value(in: merged)
                    if before != after {
                        changes.append(
                            "\(f.rawValue): \(before.isEmpty ? "(empty)" : before) → \(after.isEmpty ? "(empty)" : after)"
                        )
                    }
                }
                merged = merged.normalized()
                concept = merged
                if changes.isEmpty {
                    report.kept.append(id)
                } else {
                    report.changed.append(id)
                    report.changes[id] = changes
                }
                working.upsert(merged)
            } else {
                if !row.hasID {
                    concept.id = working.newID(for: concept.preferred(.fr) ?? "concept", avoiding: claimed)
                }
                working.upsert(concept)
                report.added.append(concept.id)
            }
            if !claimed.contains(concept.id), let fr = concept.preferred(.fr) {
                if byFrenchMap != nil {
                    byFrenchMap![Folding.key(fr)] = concept.id
                } else {
                    pendingFrench.append((fr, concept.id))
                }
            }
        }
        return report
    }

    /// The glossary being merged into, keyed by id: ``Glossary/upsert(_:)`` inserts into a sorted
    /// array, which made an import of 100,000 new concepts quadratic (31 s). Same results: a
    /// concept is stored normalised, ids stay unique, and the concepts come out sorted by id.
    private struct WorkingSet {
        private var byID: [String: Concept] = [:]
        /// Only when the glossary holds a duplicate id (which a loaded one never does): merge
        /// into it directly, as before.
        private var direct: Glossary?
        private var changed = false
        private let original: Glossary

        init(_ glossary: Glossary) {
            original = glossary
            byID.reserveCapacity(glossary.concepts.count)
            for c in glossary.concepts where byID.updateValue(c, forKey: c.id) != nil {
                direct = glossary
                break
            }
        }

        subscript(id: String) -> Concept? { direct.map { $0[id] } ?? byID[id] }

        mutating func upsert(_ concept: Concept) {
            changed = true
            if direct != nil { direct!.upsert(concept) } else { byID[concept.id] = concept.normalized() }
        }

        func newID(for name: String, avoiding reserved: Set<String>) -> String {
            if let direct { return direct.newID(for: name, avoiding: reserved) }
            return Glossary.newID(for: name) { byID[$0] != nil || reserved.contains($0) }
        }

        var glossary: Glossary {
            if let direct { return direct }
            return changed ? Glossary(concepts: Array(byID.values)) : original
        }
    }

    /// The separator of a CSV file, from its header line: the one of `,`, `;` and tab that
    /// splits it into the most known column names (Excel writes `;` where the decimal comma is
    /// used, with a BOM and CRLF line ends). `,` when none does better.
    public static func detectSeparator(_ text: String) -> Character {
        var header = Substring(text)
        if header.first == "\u{FEFF}" { header = header.dropFirst() }
        if let nl = header.firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) { header = header[..<nl] }
        var best: (Character, Int) = (",", 0)
        for sep in [",", ";", "\t"] as [Character] {
            let known = header.split(separator: sep, omittingEmptySubsequences: false)
                .map {
                    $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                }
                .filter { columns.contains($0) }.count
            if known > best.1 { best = (sep, known) }
        }
        return best.0
    }

    /// The glossary as CSV text (RFC 4180, CRLF).
    public static func csv(_ glossary: Glossary) -> String {
        var out = columns.joined(separator: ",") + "\r\n"
        for c in glossary.concepts {
            out += fields(c).map(quote).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// The glossary as one TSV file with a `type` column (LF).
    public static func tsv(_ glossary: Glossary) -> String {
        var out = columns.joined(separator: "\t") + "\n"
        for c in glossary.concepts { out += fields(c).joined(separator: "\t") + "\n" }
        return out
    }

    static func fields(_ c: Concept) -> [String] {
        [c.id, c.type.rawValue, c.status.rawValue] + TermLanguage.allCases.map { c.terms[$0]?.cell ?? "" }
            + [c.note, c.sources.joined(separator: " | ")]
    }

    /// One field quoted as RFC 4180 says (only when it holds a comma, quote or line break).
    ///
    /// On UTF-8 bytes, not `Character`s: a quote followed by a combining mark (`"ີ`) is one
    /// grapheme cluster, which neither `contains` nor `replacingOccurrences` saw as a quote, so
    /// it was written undoubled and the export did not read back (found by the `csv` target).
    public static func quote(_ field: String) -> String {
        let special: (UInt8) -> Bool = { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard field.utf8.contains(where: special) else { return field }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(field.utf8.count + 8)
        for b in field.utf8 {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    struct Record {
        var line: Int
        var fields: [String]
        var columns: [Int]
    }

    /// Splits text into records (RFC 4180 quoting for CSV; none for TSV).
    /// - Throws: for a separator that is not one ASCII character (the command line allows only , ; and tab).
    static func records(in text: String, file: String, separator: Character) throws -> [Record] {
        guard let sep = separator.asciiValue, separator.unicodeScalars.count == 1 else {
            throw Diagnostics([.error("bad-separator", "the separator must be one ASCII character", file: file)])
        }
        var text = text
        return try text.withUTF8 { try byteRecords(in: $0, file: file, separator: sep) }
    }

    /// ``records(in:file:separator:)`` on UTF-8 bytes: every byte that matters (quote, separator,
    /// CR, LF) is ASCII and never inside a multi-byte scalar; lines and columns count scalars.
    private static func byteRecords(in b: UnsafeBufferPointer<UInt8>, file: String, separator sep: UInt8) throws
        -> [Record]
    {
        let quote = UInt8(ascii: "\"")
        let lf: UInt8 = 0x0A
        let cr: UInt8 = 0x0D
        var records: [Record] = []
        var fields: [String] = []
        var columns: [Int] = []
        var field: [UInt8] = []
        var line = 1
        var column = 1
        var recordLine = 1
        var fieldColumn = 1
        var inQuotes = false
        var quotedField = false
        let n = b.count
        var i = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            columns.append(fieldColumn)
            field.removeAll(keepingCapacity: true)
            quotedField = false
        }
        func endRecord() {
            endField()
            records.append(Record(line: recordLine, fields: fields, columns: columns))
            fields = []
            columns = []
        }
        while i < n {
            let c = b[i]
            if c >= 0x80 {
                // One scalar of several bytes: text, wherever it is.
                let length = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
                if !inQuotes, quotedField {
                    throw Diagnostics([
                        .error("bad-row", "text after a closing quote", file: file, line: line, column: column)
                    ])
                }
                field.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<Swift.min(i + length, n)]))
                i += length
                column += 1
                continue
            }
            if inQuotes {
                if c == quote {
                    if i + 1 < n, b[i + 1] == quote {
                        field.append(quote)
                        i += 2
                        column += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    field.append(c)
                    if c == lf {
                        line += 1
                        column = 0
                    }
                }
                i += 1
                column += 1
                continue
            }
            if c == quote, sep != 0x09, field.isEmpty, !quotedField {
                inQuotes = true
                quotedField = true
            } else if c == sep {
                endField()
                fieldColumn = column + 1
            } else if c == cr, i + 1 < n, b[i + 1] == lf {
                // the LF ends the record
            } else if c == lf {
                endRecord()
                line += 1
                column = 0
                recordLine = line
                fieldColumn = 1
            } else {
                if quotedField {
                    throw Diagnostics([
                        .error("bad-row", "text after a closing quote", file: file, line: line, column: column)
                    ])
                }
                field.append(c)
            }
            i += 1
            column += 1
        }
        if inQuotes {
            throw Diagnostics([
                .error("bad-row", "unterminated quoted field", file: file, line: recordLine, column: fieldColumn)
            ])
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
