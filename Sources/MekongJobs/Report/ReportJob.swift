public import MekongChecks
public import MekongExchange
public import MekongGlossary
public import MekongSegmentation
public import MekongTerminology
public import MekongText

/// `mekong report`: everything an editor needs to read a batch with its problems marked, as one
/// value that ``ReportPage`` renders as a self-contained HTML page.
///
/// For each article: its segments (with their kind), the findings of `mekong check` (the same
/// ones, found by ``CheckJob``) and every glossary name, placed in the text as scalar ranges.
/// For each XLIFF file: its segments, source and target, with the findings on the target. For
/// the batch: the names written several ways across articles and the articles mixing styles.
public struct ReportJob: Sendable {
    /// The language, or `nil` to guess it per file (XLIFF: the target language).
    public var language: Language?
    /// For French text: the one style Vietnamese names must be in (see ``CheckJob/style``).
    public var style: NameStyle?
    /// Which placement of Vietnamese tone marks in oa/oe/uy is right.
    public var toneStyle: ToneStyle
    /// Whether the first bad input ends the run (it throws) instead of being recorded as a failure.
    public var failFast: Bool

    /// Makes a job with `mekong check`'s defaults.
    public init(
        language: Language? = nil, style: NameStyle? = nil, toneStyle: ToneStyle = .majority, failFast: Bool = false
    ) {
        self.language = language
        self.style = style
        self.toneStyle = toneStyle
        self.failFast = failFast
    }

    /// A finding and where it goes in its text.
    public struct PlacedFinding: Sendable {
        /// The finding, exactly as `mekong check` reports it.
        public var diagnostic: Diagnostic
        /// Its range in the text, in Unicode scalars from the text's start (the article file
        /// without its BOM, or the XLIFF target), or `nil` when it has no place in the text.
        public var range: Range<Int>?
    }

    /// A glossary name found in a text.
    public struct PlacedName: Sendable, Hashable {
        /// The concept's id.
        public var concept: String
        /// Its range, in Unicode scalars from the text's start.
        public var range: Range<Int>
        /// The text as written.
        public var text: String
    }

    /// One paragraph of an article: its segments, in order.
    public struct Paragraph: Sendable {
        /// The 1-based paragraph number (as in segment ids).
        public var number: Int
        /// The segments.
        public var segments: [Segment]
        /// The line the paragraph starts on (1-based).
        public var line: Int
        /// The scalar range from its first segment's start to its last one's end.
        public var range: Range<Int> { (segments.first?.start ?? 0)..<(segments.last?.end ?? 0) }
    }

    /// An article read as a text file.
    public struct Article: Sendable {
        /// The path as given (or `<stdin>`).
        public var file: String
        /// The article name (file name without extension).
        public var name: String
        /// The language it was segmented and checked as.
        public var language: Language
        /// The date from its header line, if any.
        public var date: String?
        /// The whole text, without a BOM (the offsets count its scalars).
        public var text: [Unicode.Scalar]
        /// Paragraphs in order.
        public var paragraphs: [Paragraph]
        /// Findings, in `mekong check`'s order.
        public var findings: [PlacedFinding]
        /// Names found, in text order.
        public var names: [PlacedName]
        /// Words in the segments for translation (split at spaces and line breaks, as `prepare` counts).
        public var words: Int
        /// The number of segments.
        public var segmentCount: Int { paragraphs.reduce(0) { $0 + $1.segments.count } }
    }

    /// One segment of an XLIFF file.
    public struct Row: Sendable {
        /// The segment as read.
        public var segment: XLIFFReader.Segment
        /// Whether the target is missing, empty or the source again (not translated).
        public var untranslated: Bool
        /// Findings on the target (columns count scalars of the target).
        public var findings: [PlacedFinding]
        /// Names in the source.
        public var sourceNames: [PlacedName]
        /// Names in the target.
        public var targetNames: [PlacedName]
    }

    /// A translation read from an XLIFF file (1.2 or 2.x).
    public struct Bitext: Sendable {
        /// The path as given.
        public var file: String
        /// The source and target languages the file names.
        public var sourceLanguage: String?, targetLanguage: String?
        /// One row per segment, in file order.
        public var rows: [Row]
        /// Findings that belong to no segment (e.g. "names not checked" for another language).
        public var unplaced: [PlacedFinding]
        /// Words in the sources of segments for translation.
        public var words: Int
    }

    /// An input of the report.
    public enum Document: Sendable {
        /// A text article.
        case article(Article)
        /// An XLIFF file.
        case bitext(Bitext)

        /// The path as given.
        public var file: String {
            switch self {
            case .article(let a): return a.file
            case .bitext(let b): return b.file
            }
        }

        /// Every finding, placed or not, in `mekong check`'s order.
        public var findings: [PlacedFinding] {
            switch self {
            case .article(let a): return a.findings
            case .bitext(let b):
                // The checker reports a file's findings in segment order; the rows keep that order.
                return b.rows.flatMap(\.findings) + b.unplaced
            }
        }
    }

    /// What a run found: the documents, the glossary concepts they name, and the batch's consistency.
    public struct Report: Sendable {
        /// The documents read, in input order.
        public var documents: [Document] = []
        /// The glossary concepts named in the documents, by id.
        public var concepts: [String: Concept] = [:]
        /// Glossary names written in more than one way across the articles.
        public var inconsistent: [ConsistencyAnalyzer.KnownName] = []
        /// Articles writing Vietnamese names in more than one style.
        public var styleMix: [ConsistencyAnalyzer.StyleMix] = []
        /// Inputs that could not be read.
        public var failures: [Diagnostic] = []
        /// Findings per severity, over every document.
        public var counts: [Severity: Int] {
            var c: [Severity: Int] = [:]
            for d in documents { for f in d.findings { c[f.diagnostic.severity, default: 0] += 1 } }
            return c
        }
        /// Exit status, as `mekong check`: bad input 2, errors 1, else 0.
        public var outcome: Outcome { .of(failures: failures, found: (counts[.error] ?? 0) > 0) }
    }

    /// Reads, segments and checks every input.
    /// - Throws: only with ``failFast``: what the first bad input throws.
    public func run(_ inputs: [Input], glossary: Glossary) throws -> Report {
        let matcher = NameMatcher(glossary)
        let checker = CheckJob(language: language, style: style, toneStyle: toneStyle)
        let consistency = ConsistencyAnalyzer(glossary: glossary)
        var report = Report()
        var used = Set<String>()
        report.failures = try forEachInput(inputs, failFast: failFast) { input in
            let document: Document
            if case .file(let path) = input, CheckJob.isXLIFF(path) {
                document = .bitext(try bitext(path, checker, matcher))
            } else {
                let a = try article(input, checker, matcher)
                for (n, line) in a.lines { consistency.add(line: line, number: n, file: input.description) }
                document = .article(a.article)
            }
            report.documents.append(document)
            switch document {
            case .article(let a): used.formUnion(a.names.map(\.concept))
            case .bitext(let b):
                for r in b.rows { used.formUnion((r.sourceNames + r.targetNames).map(\.concept)) }
            }
        }
        for c in glossary.concepts where used.contains(c.id) { report.concepts[c.id] = c }
        let r = consistency.report()
        report.inconsistent = r.known
        report.styleMix = r.styleMix
        return report
    }

    // MARK: Implementation Details

    private func article(_ input: Input, _ checker: CheckJob, _ matcher: NameMatcher) throws
        -> (article: Article, lines: [(Int, String)])
    {
        let bytes = try InputBytes.read(input)
        let file = input.description
        var lines: [LineReader.Line] = []
        let reader = LineReader(bytes: bytes, name: file)
        while let l = try reader.next() { lines.append(l) }
        let findings = try checker.check(LineReader(bytes: bytes, name: file), file: file, matcher)

        var sample: [LineReader.Line] = []
        var sampled = 0
        for l in lines where sampled < 2048 {
            sample.append(l)
            sampled += l.bytes.count
        }
        let lang = language ?? LanguageGuess(lines: sample).language
        var segments: [Segment] = []
        try ArticleSegmenter(mode: .article, language: lang).segment(
            LineReader(bytes: bytes, name: file), article: input.articleName
        ) { segments.append($0) }

        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let text = Array(String(decoding: body, as: UTF8.self).unicodeScalars)
        let lineStarts = lines.map(\.scalarOffset)
        func lineOf(_ offset: Int) -> Int {
            var lo = 0
            var hi = lineStarts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if lineStarts[mid] <= offset { lo = mid + 1 } else { hi = mid }
            }
            return max(lo, 1)
        }
        var paragraphs: [Paragraph] = []
        for s in segments {
            if paragraphs.last?.number == s.paragraph {
                paragraphs[paragraphs.count - 1].segments.append(s)
            } else {
                paragraphs.append(Paragraph(number: s.paragraph, segments: [s], line: lineOf(s.start)))
            }
        }
        let byNumber = Dictionary(lines.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        let placed = findings.map { f -> PlacedFinding in
            guard let n = f.location?.line, let line = byNumber[n] else {
                return PlacedFinding(diagnostic: f, range: nil)
            }
            return PlacedFinding(diagnostic: f, range: Self.range(of: f, in: line.bytes, lineStart: line.scalarOffset))
        }
        var names: [PlacedName] = []
        for line in lines {
            let matches = line.bytes.withUnsafeBufferPointer { matcher.matches(in: $0) }
            for m in matches {
                guard let form = m.forms.first else { continue }
                let concept = matcher.glossary.concepts[matcher.forms[form].concept].id
                let start = line.scalarOffset + UTF8Validation.scalarCount(line.bytes[..<m.range.lowerBound])
                let length = UTF8Validation.scalarCount(line.bytes[m.range])
                names.append(
                    PlacedName(
                        concept: concept, range: start..<(start + length),
                        text: String(decoding: line.bytes[m.range], as: UTF8.self)))
            }
        }
        let words = segments.filter(\.kind.isTranslatable).reduce(0) {
            $0 + $1.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        }
        let article = Article(
            file: file, name: input.articleName, language: lang, date: segments.first?.date, text: text,
            paragraphs: paragraphs, findings: placed, names: names, words: words)
        return (article, lines.map { ($0.number, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    private func bitext(_ path: String, _ checker: CheckJob, _ matcher: NameMatcher) throws -> Bitext {
        let (source, target, segments) = try XLIFFReader.read(path: path)
        let findings = try checker.check(.file(path), matcher)
        var rows = segments.map { s in
            let untranslated =
                s.target.map { $0.isEmpty || ImportJob.trimmed($0) == ImportJob.trimmed(s.source) } ?? true
            return Row(
                segment: s, untranslated: untranslated, findings: [],
                sourceNames: Self.names(in: s.source, matcher),
                targetNames: s.target.map { Self.names(in: $0, matcher) } ?? [])
        }
        // The checker reads the segments it checks (translated, for translation) and names each
        // finding by the segment's id: the first such row with that id.
        var checked: [String: Int] = [:]
        for (i, r) in rows.enumerated() where r.segment.translate && !r.untranslated && checked[r.segment.id] == nil {
            checked[r.segment.id] = i
        }
        var unplaced: [PlacedFinding] = []
        for f in findings {
            guard let id = f.location?.segment, let i = checked[id], let target = rows[i].segment.target else {
                unplaced.append(PlacedFinding(diagnostic: f, range: nil))
                continue
            }
            let bytes = XLIFFTargets.checkable(target)
            rows[i].findings.append(PlacedFinding(diagnostic: f, range: Self.range(of: f, in: bytes, lineStart: 0)))
        }
        let words = segments.filter(\.translate).reduce(0) {
            $0 + $1.source.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        }
        return Bitext(
            file: path, sourceLanguage: source, targetLanguage: target, rows: rows, unplaced: unplaced, words: words)
    }

    /// Where a finding is in its line: from its column, as long as the bytes it names (or its
    /// found text), clamped to the line.
    static func range(of f: Diagnostic, in line: [UInt8], lineStart: Int) -> Range<Int>? {
        guard let column = f.location?.column else { return nil }
        let lineLength = UTF8Validation.scalarCount(line[...])
        let start = min(column - 1, lineLength)
        var length: Int
        if let r = f.byteRange, !r.isEmpty, r.upperBound <= line.count {
            length = UTF8Validation.scalarCount(line[r])
        } else {
            length = f.found?.unicodeScalars.count ?? 0
        }
        length = max(0, min(length, lineLength - start))
        return (lineStart + start)..<(lineStart + start + length)
    }

    static func names(in text: String, _ matcher: NameMatcher) -> [PlacedName] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { matcher.matches(in: $0) }.compactMap { m in
            guard let form = m.forms.first else { return nil }
            let start = UTF8Validation.scalarCount(bytes[..<m.range.lowerBound])
            let length = UTF8Validation.scalarCount(bytes[m.range])
            return PlacedName(
                concept: matcher.glossary.concepts[matcher.forms[form].concept].id, range: start..<(start + length),
                text: String(decoding: bytes[m.range], as: UTF8.self))
        }
    }
}
