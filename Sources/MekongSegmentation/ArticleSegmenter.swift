public import MekongText

/// Reads articles line by line and emits their segments, tagged with their kind.
///
/// Streaming: only the current paragraph, and a hash per distinct line of the current article
/// (to keep a repeated line once), are in memory.
///
/// Article structure (the default): an optional header line ` date YYYY-MM[-DD] Title`, or a
/// first one-line paragraph as the title; paragraphs separated by blank lines; related links
/// (`>>`), captions, credits, and everything after "Voir plus" as teasers. A line repeated
/// right after itself is a caption shown twice by the page (kept once, as a caption); a line
/// repeated anywhere else in the article is dropped. In plain mode every paragraph is body.
public final class ArticleSegmenter {
    public enum Mode: Sendable { case article, plain }

    public let mode: Mode
    /// The language, or `nil` to guess it per article from its first 2 KB (see ``Language/guess(_:)``).
    public let language: Language?
    private let makeSegmenter: (Language) throws -> SentenceSegmenter
    private var segmenters: [Language: SentenceSegmenter] = [:]

    /// - Parameters:
    ///   - rules: an SRX document to use instead of the built-in rules (no built-in
    ///     abbreviation exceptions then: the file is in charge).
    public init(mode: Mode = .article, language: Language? = nil, rules: SRXDocument? = nil) {
        self.mode = mode
        self.language = language
        if let rules {
            makeSegmenter = { try SentenceSegmenter(rules: rules.rules(for: $0.tag), language: $0.tag) }
        } else {
            makeSegmenter = { try BuiltinRules.segmenter(for: $0) }
        }
    }

    /// The segmenter used for a language (built once, then reused).
    public func segmenter(for language: Language) throws -> SentenceSegmenter {
        if let s = segmenters[language] { return s }
        let s = try makeSegmenter(language)
        segmenters[language] = s
        return s
    }

    /// Segments one article read from `reader`, calling `emit` for each segment in order.
    /// - Throws: ``InputError`` for invalid UTF-8 (with line and column), or what `emit` throws.
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
            for b in pending { for line in b { sample += String(decoding: line.bytes, as: UTF8.self); sample += "\n" } }
            lang = Language.guess(sample[...].unicodeScalars)
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
        var seen: Set<Int> = []
    }

    /// One paragraph-to-be: consecutive source lines (the first possibly cut after a header).
    private struct Unit {
        var lines: [LineReader.Line]
        var firstLineStart = 0
        var kind: SegmentKind
    }

    private func process(_ block: [LineReader.Line], _ state: inout ArticleState, _ segmenter: SentenceSegmenter,
                         _ language: Language, _ emit: (Segment) throws -> Void) throws {
        if mode == .plain {
            try emitUnit(Unit(lines: block, kind: .body), &state, segmenter, language, emit)
            return
        }
        var run: [LineReader.Line] = []
        var runTrimmed: [Substring] = []
        func flushRun() throws {
            guard !run.isEmpty else { return }
            let kind = state.inTeaser ? .teaser : classify(run, runTrimmed, state)
            if kind == .title { state.titleSeen = true }
            try emitUnit(Unit(lines: run, kind: kind), &state, segmenter, language, emit)
            run = []; runTrimmed = []
        }
        for line in block {
            let text = String(decoding: line.bytes, as: UTF8.self)
            let trimmed = text.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            if line.number == 1, state.paragraph == 0, let (date, titleStart) = ArticleStructure.header(line.bytes) {
                state.date = date
                state.titleSeen = true
                try emitUnit(Unit(lines: [line], firstLineStart: titleStart, kind: .title), &state, segmenter, language, emit)
                continue
            }
            if !state.inTeaser, ArticleStructure.isTeaserMarker(trimmed) {
                try flushRun()
                state.inTeaser = true
                try emitUnit(Unit(lines: [line], kind: .teaser), &state, segmenter, language, emit)
                continue
            }
            if !state.inTeaser, ArticleStructure.isRelated(trimmed) {
                try flushRun()
                try emitUnit(Unit(lines: [line], kind: .related), &state, segmenter, language, emit)
                continue
            }
            let key = trimmed.hashValue
            if state.seen.contains(key) {
                if let last = runTrimmed.last, last == trimmed {
                    // Shown twice in a row: a caption (alt text and figure caption).
                    let captionLine = run.removeLast()
                    runTrimmed.removeLast()
                    try flushRun()
                    try emitUnit(Unit(lines: [captionLine], kind: state.inTeaser ? .teaser : .caption), &state, segmenter, language, emit)
                }
                continue
            }
            state.seen.insert(key)
            run.append(line)
            runTrimmed.append(trimmed)
        }
        try flushRun()
    }

    private func classify(_ lines: [LineReader.Line], _ trimmed: [Substring], _ state: ArticleState) -> SegmentKind {
        let joined = trimmed.count == 1 ? trimmed[0] : Substring(trimmed.joined(separator: " "))
        if !state.titleSeen, state.paragraph == 0, lines.count == 1,
           joined.unicodeScalars.count <= 250, joined.last != "." {
            return .title
        }
        if ArticleStructure.isCredit(joined) { return .credit }
        if ArticleStructure.isCaption(joined) { return .caption }
        return .body
    }

    private func emitUnit(_ unit: Unit, _ state: inout ArticleState, _ segmenter: SentenceSegmenter,
                          _ language: Language, _ emit: (Segment) throws -> Void) throws {
        // The unit's text: its lines joined with "\n"; `starts` maps each line into it.
        var bytes: [UInt8] = []
        var starts: [(unitOffset: Int, line: Int, lineOffset: Int)] = []
        for (n, line) in unit.lines.enumerated() {
            if n > 0 { bytes.append(0x0A) }
            let skip = n == 0 ? unit.firstLineStart : 0
            starts.append((bytes.count, n, skip))
            bytes.append(contentsOf: line.bytes[skip...])
        }
        let ranges: [Range<Int>] = bytes.withUnsafeBufferPointer { buf in
            guard unit.kind == .caption, let label = Self.imageLabelRange(buf) else {
                return segmenter.sentenceRanges(in: buf)
            }
            // Split around a stray "ảnh 1": before it, the label, after it.
            var out: [Range<Int>] = []
            for piece in [0..<label.lowerBound, label, label.upperBound..<buf.count] where !piece.isEmpty {
                let sub = UnsafeBufferPointer(rebasing: buf[piece])
                out += segmenter.sentenceRanges(in: sub).map { ($0.lowerBound + piece.lowerBound)..<($0.upperBound + piece.lowerBound) }
            }
            return out
        }
        guard !ranges.isEmpty else { return }
        state.paragraph += 1
        for (index, r) in ranges.enumerated() {
            let text = String(decoding: bytes[r], as: UTF8.self)
            var kind = unit.kind
            if index == ranges.count - 1, index > 0, kind == .body || kind == .title, ArticleStructure.isCredit(Substring(text)) {
                kind = .credit
            }
            try emit(Segment(
                article: state.article, paragraph: state.paragraph, index: index + 1, kind: kind, language: language,
                text: text, start: scalarOffset(r.lowerBound, bytes, starts, unit.lines),
                end: scalarOffset(r.upperBound, bytes, starts, unit.lines), date: state.date))
        }
    }

    private static func imageLabelRange(_ buf: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let text = String(decoding: buf, as: UTF8.self)
        guard let r = ArticleStructure.imageLabel(in: text[...]) else { return nil }
        let lo = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
        let hi = text.utf8.distance(from: text.startIndex, to: r.upperBound)
        return lo..<hi
    }

    /// The source scalar offset of byte `offset` of a unit's text.
    private func scalarOffset(_ offset: Int, _ bytes: [UInt8], _ starts: [(unitOffset: Int, line: Int, lineOffset: Int)],
                              _ lines: [LineReader.Line]) -> Int {
        var k = starts.count - 1
        while k > 0 && starts[k].unitOffset > offset { k -= 1 }
        let s = starts[k]
        let within = UTF8Validation.scalarCount(bytes[s.unitOffset..<Swift.min(offset, bytes.count)])
        let skipped = UTF8Validation.scalarCount(lines[s.line].bytes[0..<s.lineOffset])
        return lines[s.line].scalarOffset + skipped + within
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
