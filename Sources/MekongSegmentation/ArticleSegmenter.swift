import Foundation
public import MekongText

/// Reads articles line by line and emits their segments, tagged with their kind.
///
/// Streaming: only the current paragraph, and a hash and id per distinct segment of the
/// current article (to mark repetitions), are in memory.
///
/// Article structure (the default): an optional header line ` date YYYY-MM[-DD] Title`, or a
/// first one-line paragraph as the title; paragraphs separated by blank lines; related links
/// (`>>`), captions, credits, and everything after "Voir plus" as teasers. Nothing is dropped:
/// a line repeated right after itself at the end of a paragraph is a caption the page prints
/// twice (alt text and figure caption; both copies come out as captions, in one paragraph);
/// any segment whose text came earlier in the article is marked with ``Segment/repeatOf``
/// (a paragraph the author wrote twice stays body text, for translation). In plain mode every
/// paragraph is body and repetitions are not looked for.
///
/// One segmenter may segment several articles at once, on several threads.
public final class ArticleSegmenter: @unchecked Sendable {
    /// Article structure (titles, captions, credits…) or plain paragraphs.
    public enum Mode: Sendable { case article, plain }

    /// Article structure or plain paragraphs.
    public let mode: Mode
    /// The language, or `nil` to guess it per article from its first 2 KB (see ``Language/guess(_:)``).
    public let language: Language?
    private let makeSegmenter: (Language) throws -> SentenceSegmenter
    private var segmenters: [Language: SentenceSegmenter] = [:]
    private let rules: SRXDocument?
    /// What a user's rules file does not do as the user may expect, as values: Okapi extensions
    /// that are ignored (when the segmenter is made) and a language the file has no rules for
    /// (when the first text in that language comes). The CLI prints them to standard error.
    public private(set) var warnings: [Diagnostic] = []
    /// Called with each warning as it is found (in addition to ``warnings``).
    public var onWarning: ((Diagnostic) -> Void)?

    /// - Parameters:
    ///   - rules: an SRX document to use instead of the built-in rules. It runs with standard
    ///     SRX semantics (the file is in charge), unless `withAbbreviations` is set.
    ///   - withAbbreviations: with `rules`, also apply Mekong's abbreviation lists and
    ///     initials handling ("M.", "TP.", "J. Dupont", "ດຣ.") before the file's rules, as the
    ///     built-in rules do. No effect without `rules`.
    public init(
        mode: Mode = .article, language: Language? = nil, rules: SRXDocument? = nil, withAbbreviations: Bool = false
    ) {
        self.mode = mode
        self.language = language
        self.rules = rules
        if let rules {
            makeSegmenter = { language in
                try SentenceSegmenter(
                    rules: rules.rules(for: language.tag), language: language.tag,
                    abbreviations: withAbbreviations ? try BuiltinRules.abbreviations(for: language) : nil)
            }
            let file = rules.name.isEmpty ? "rules" : rules.name
            warnings = rules.ignoredExtensions.map { Diagnostic.warning("rules", $0, file: file) }
        } else {
            makeSegmenter = { try BuiltinRules.segmenter(for: $0) }
        }
    }

    /// Guards ``segmenters`` and ``warnings`` (and calls to ``onWarning``), for threads.
    private let lock = NSLock()

    /// The segmenter used for a language (built once, then reused).
    public func segmenter(for language: Language) throws -> SentenceSegmenter {
        lock.lock()
        defer { lock.unlock() }
        if let s = segmenters[language] { return s }
        let s = try makeSegmenter(language)
        segmenters[language] = s
        if let rules {
            checkCoverage(rules, language, s)
            let file = rules.name.isEmpty ? "rules" : rules.name
            s.onGiveUp = { [weak self] rule, before in
                self?.reportGiveUp(rule, before: before, file: file)
            }
        }
        return s
    }

    /// A rule side the pattern engine gave up on (see ``SentenceSegmenter/onGiveUp``).
    private func reportGiveUp(_ rule: SRXRule, before: Bool, file: String) {
        let side = before ? "beforebreak" : "afterbreak"
        var pattern = before ? rule.before : rule.after
        if pattern.count > 80 { pattern = pattern.prefix(80) + "…" }
        let message =
            "\(side) '\(pattern)' backtracks too much on this text (over \(PatternMatcher.stepLimit) steps at one position, or \(SentenceSegmenter.backtrackBudget(1) - SentenceSegmenter.backtrackBudget(0)) per byte of a paragraph): where it gave up it was taken as not matching, so some \(rule.isBreak ? "breaks" : "exceptions") may be missing (adjacent unbounded repeats such as `\\D+.*` are the usual cause)"
        let location = rule.location
        lock.lock()
        defer { lock.unlock() }
        let ruleFile = location.file.isEmpty ? file : location.file
        report(Diagnostic.warning("rules", message, file: ruleFile, line: location.line))
    }

    /// Two plain sentences per language: a file whose rules do not split them splits nothing.
    static let probes: [Language: String] = [
        .french: "Il est venu hier. Elle est partie ce matin.",
        .vietnamese: "Ông ấy đã đến hôm qua. Bà ấy đi sáng nay.",
        .lao: "ລາວມາຮອດມື້ວານນີ້. ນາງໄປແລ້ວ.",
    ]

    private func checkCoverage(_ rules: SRXDocument, _ language: Language, _ segmenter: SentenceSegmenter) {
        guard !rules.hasSpecificRules(for: language.tag) else { return }
        let file = rules.name.isEmpty ? "rules" : rules.name
        let name = [Language.french: "French", .vietnamese: "Vietnamese", .lao: "Lao"][language] ?? language.tag
        let names = rules.ruleNames(for: language.tag)
        let splits = Self.probes[language].map { segmenter.sentences(in: $0).count > 1 } ?? false
        let what: String
        if names.isEmpty {
            what = "no language map matches '\(language.tag)', so no rule applies; \(name) text will come out unsplit"
        } else if splits {
            what = "only the rules for every language apply (\(names.joined(separator: ", ")))"
        } else {
            what =
                "only the rules for every language apply (\(names.joined(separator: ", "))) and they do not split two plain sentences; \(name) text will come out unsplit"
        }
        report(Diagnostic.warning("rules", "no rules for \(name) (\(language.tag)): \(what)", file: file))
    }

    private func report(_ warning: Diagnostic) {
        warnings.append(warning)
        onWarning?(warning)
    }

    /// Segments one article read from `reader`, calling `emit` for each segment in order.
    /// - Throws: ``Diagnostic`` for invalid UTF-8 (with line and column), or what `emit` throws.
    public func segment(_ reader: LineReader, article: String, emit: (Segment) throws -> Void) throws {
        var state = ArticleState(article: article)
        var pending: [[LineReader.Line]] = []
        var pendingBytes = 0
        var block: [LineReader.Line] = []
        var lang = language

        func flushBlock() throws {
            guard !block.isEmpty else { return }
            if lang == nil {
                pending.append(block)
                pendingBytes += block.reduce(0) { $0 + $1.bytes.count }
                block = []
                if pendingBytes >= 2048 { try resolveLanguage() }
                return
            }
            try process(block, &state, try segmenter(for: lang!), lang!, emit)
            block = []
        }
        func resolveLanguage() throws {
            var sample = ""
            for b in pending {
                for line in b {
                    sample += String(decoding: line.bytes, as: UTF8.self)
                    sample += "\n"
                }
            }
            // LanguageGuess directly: Language.guess(_:) rebuilds the string scalar by scalar
            // (a third of `mekong segment` on a folder of articles).
            lang = LanguageGuess(sample).language
            let s = try segmenter(for: lang!)
            for b in pending { try process(b, &state, s, lang!, emit) }
            pending = []
        }

        while let line = try reader.next() {
            if line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                try flushBlock()
            } else {
                block.append(line)
            }
        }
        try flushBlock()
        if lang == nil, !pending.isEmpty { try resolveLanguage() }
    }

    // MARK: Implementation Details

    private struct ArticleState {
        var article: String
        var date: String?
        var paragraph = 0
        var titleSeen = false
        var inTeaser = false
        /// The first segment with each text (64-bit FNV-1a of its bytes) → its id in `ids`
        /// (an open-addressing table keyed by the hash itself: no second hashing).
        var firstIDs = HashTable<Int32>(capacity: 64)
        var ids: [String] = []
    }

    /// One paragraph-to-be: consecutive source lines (the first possibly cut after a header).
    private struct Unit {
        var lines: [LineReader.Line]
        var firstLineStart = 0
        var kind: SegmentKind
        /// Each line is segmented on its own (a caption printed twice).
        var separateLines = false
    }

    private func process(
        _ block: [LineReader.Line], _ state: inout ArticleState, _ segmenter: SentenceSegmenter,
        _ language: Language, _ emit: (Segment) throws -> Void
    ) throws {
        if mode == .plain {
            try emitUnit(Unit(lines: block, kind: .body), &state, segmenter, language, emit)
            return
        }
        var run: [LineReader.Line] = []
        func flushRun() throws {
            guard !run.isEmpty else { return }
            let kind = state.inTeaser ? .teaser : classify(run, state)
            if kind == .title { state.titleSeen = true }
            try emitUnit(Unit(lines: run, kind: kind), &state, segmenter, language, emit)
            run = []
        }
        // A line of only no-break spaces stays in its paragraph (a segment's text is always
        // the source between its offsets), but is never a title, marker, link or caption.
        let lines = block
        var n = 0
        while n < lines.count {
            let line = lines[n]
            defer { n += 1 }
            let trimmed = Self.trimmedRange(line.bytes)
            if trimmed.isEmpty {
                if !run.isEmpty { run.append(line) }
                continue
            }
            if line.number == 1, state.paragraph == 0, let (date, titleStart) = ArticleStructure.header(line.bytes) {
                state.date = date
                state.titleSeen = true
                try emitUnit(
                    Unit(lines: [line], firstLineStart: titleStart, kind: .title), &state, segmenter, language, emit)
                continue
            }
            // Markers are short: only short lines are decoded and compared.
            if !state.inTeaser, trimmed.count <= 64,
                ArticleStructure.isTeaserMarker(Substring(String(decoding: line.bytes[trimmed], as: UTF8.self)))
            {
                try flushRun()
                state.inTeaser = true
                try emitUnit(Unit(lines: [line], kind: .teaser), &state, segmenter, language, emit)
                continue
            }
            if !state.inTeaser, ArticleStructure.isRelated(line.bytes[trimmed]) {
                try flushRun()
                try emitUnit(Unit(lines: [line], kind: .related), &state, segmenter, language, emit)
                continue
            }
            // A line printed twice in a row at the end of a paragraph: the page's alt text and
            // figure caption. A caption, both copies kept (the second is marked a repetition).
            // Alone in its paragraph, the pair is a caption only if it reads like one: two
            // identical lines of running text are text the author repeated.
            if n + 2 == lines.count, line.bytes[trimmed] == lines[n + 1].bytes[Self.trimmedRange(lines[n + 1].bytes)],
                !run.isEmpty || ArticleStructure.isCaption(Array(line.bytes[trimmed]))
            {
                try flushRun()
                try emitUnit(
                    Unit(lines: [line, lines[n + 1]], kind: state.inTeaser ? .teaser : .caption, separateLines: true),
                    &state, segmenter, language, emit)
                n += 1
                continue
            }
            run.append(line)
        }
        try flushRun()
    }

    /// The line without leading and trailing white space (ASCII, NBSP, narrow NBSP).
    static func trimmedRange(_ b: [UInt8]) -> Range<Int> {
        func spaceLength(at i: Int) -> Int {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0B || c == 0x0C { return 1 }
            if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
            if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xAF { return 3 }
            return 0
        }
        var lo = 0
        var hi = b.count
        while lo < hi {
            let n = spaceLength(at: lo)
            if n == 0 { break }
            lo += n
        }
        while hi > lo {
            if [0x20, 0x09, 0x0D, 0x0B, 0x0C].contains(b[hi - 1]) {
                hi -= 1
                continue
            }
            if hi - lo >= 2, b[hi - 2] == 0xC2, b[hi - 1] == 0xA0 {
                hi -= 2
                continue
            }
            if hi - lo >= 3, b[hi - 3] == 0xE2, b[hi - 2] == 0x80, b[hi - 1] == 0xAF {
                hi -= 3
                continue
            }
            break
        }
        return lo..<hi
    }

    private func classify(_ lines: [LineReader.Line], _ state: ArticleState) -> SegmentKind {
        // The unit's trimmed lines joined by spaces, as bytes.
        var bytes: [UInt8] = []
        for line in lines {
            if !bytes.isEmpty { bytes.append(0x20) }
            bytes += line.bytes[Self.trimmedRange(line.bytes)]
        }
        if !state.titleSeen, state.paragraph == 0, lines.count == 1, bytes.count <= 1000 {
            let text = String(decoding: bytes, as: UTF8.self)
            if text.unicodeScalars.count <= 250, text.last != "." { return .title }
        }
        // Credits are short; captions end with a photo credit or carry an image label.
        if bytes.count <= 80, ArticleStructure.isCredit(String(decoding: bytes, as: UTF8.self)[...]) { return .credit }
        if ArticleStructure.isCaption(bytes) { return .caption }
        return .body
    }

    private func emitUnit(
        _ unit: Unit, _ state: inout ArticleState, _ segmenter: SentenceSegmenter,
        _ language: Language, _ emit: (Segment) throws -> Void
    ) throws {
        // The unit's text: its lines joined with "\n"; `starts` maps each line into it.
        var bytes: [UInt8] = []
        var starts: [(unitOffset: Int, line: Int, lineOffset: Int)] = []
        if unit.lines.count == 1, unit.firstLineStart == 0 {
            bytes = unit.lines[0].bytes  // most paragraphs are one line: shared, not copied
            starts.append((0, 0, 0))
        } else {
            for (n, line) in unit.lines.enumerated() {
                if n > 0 { bytes.append(0x0A) }
                let skip = n == 0 ? unit.firstLineStart : 0
                starts.append((bytes.count, n, skip))
                bytes.append(contentsOf: line.bytes[skip...])
            }
        }
        let ranges: [Range<Int>] = bytes.withUnsafeBufferPointer { buf in
            if unit.separateLines {
                var out: [Range<Int>] = []
                for (n, s) in starts.enumerated() {
                    let end = n + 1 < starts.count ? starts[n + 1].unitOffset - 1 : buf.count
                    let sub = UnsafeBufferPointer(rebasing: buf[s.unitOffset..<end])
                    out += segmenter.sentenceRanges(in: sub).map {
                        ($0.lowerBound + s.unitOffset)..<($0.upperBound + s.unitOffset)
                    }
                }
                return out
            }
            guard unit.kind == .caption, let label = Self.imageLabelRange(buf) else {
                return segmenter.sentenceRanges(in: buf)
            }
            // Split around a stray "ảnh 1": before it, the label, after it.
            var out: [Range<Int>] = []
            for piece in [0..<label.lowerBound, label, label.upperBound..<buf.count] where !piece.isEmpty {
                let sub = UnsafeBufferPointer(rebasing: buf[piece])
                out += segmenter.sentenceRanges(in: sub).map {
                    ($0.lowerBound + piece.lowerBound)..<($0.upperBound + piece.lowerBound)
                }
            }
            return out
        }
        guard !ranges.isEmpty else { return }
        state.paragraph += 1
        var offsets = ScalarOffsets(bytes: bytes, starts: starts, lines: unit.lines)
        for (index, r) in ranges.enumerated() {
            // From a contiguous buffer: String's fast validation, not the generic slice path.
            let text = bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self)
            }
            var kind = unit.kind
            if index == ranges.count - 1, index > 0, kind == .body || kind == .title, r.count <= 80,
                ArticleStructure.isCredit(Substring(text))
            {
                kind = .credit
            }
            let start = offsets.offset(of: r.lowerBound)
            let end = offsets.offset(of: r.upperBound)
            var segment = Segment(
                article: state.article, paragraph: state.paragraph, index: index + 1, kind: kind,
                language: language, text: text, start: start, end: end, date: state.date)
            if mode == .article {
                let key = bytes.withUnsafeBytes {
                    Folding.wordHash(UnsafeRawBufferPointer(rebasing: $0[r]), continuing: Folding.hashSeed)
                }
                if let first = state.firstIDs[key] {
                    segment.repeatOf = state.ids[Int(first)]
                } else {
                    state.firstIDs[key] = Int32(state.ids.count)
                    state.ids.append(segment.id)
                }
            }
            try emit(segment)
        }
    }

    /// Maps byte offsets of a unit's text, visited in increasing order, to scalar offsets in
    /// the source file, counting each byte once.
    private struct ScalarOffsets {
        let bytes: [UInt8]
        let starts: [(unitOffset: Int, line: Int, lineOffset: Int)]
        let lines: [LineReader.Line]
        private var line = 0
        private var position = 0  // unit byte offset reached
        private var scalars = 0  // source scalar offset of `position`

        init(bytes: [UInt8], starts: [(unitOffset: Int, line: Int, lineOffset: Int)], lines: [LineReader.Line]) {
            self.bytes = bytes
            self.starts = starts
            self.lines = lines
            enter(0)
        }

        private mutating func enter(_ k: Int) {
            line = k
            position = starts[k].unitOffset
            let l = lines[starts[k].line]
            scalars = l.scalarOffset + UTF8Validation.scalarCount(l.bytes[0..<starts[k].lineOffset])
        }

        mutating func offset(of target: Int) -> Int {
            while line + 1 < starts.count, starts[line + 1].unitOffset <= target { enter(line + 1) }
            scalars += UTF8Validation.scalarCount(bytes[position..<target])
            position = target
            return scalars
        }
    }

    private static func imageLabelRange(_ buf: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let text = String(decoding: buf, as: UTF8.self)
        guard let r = ArticleStructure.imageLabel(in: text[...]) else { return nil }
        let lo = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
        let hi = text.utf8.distance(from: text.startIndex, to: r.upperBound)
        return lo..<hi
    }

}

private extension String {
    func trimmingWhitespace() -> Substring {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
