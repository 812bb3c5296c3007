import Foundation
import MekongChecks
public import MekongExchange
public import MekongGlossary
import MekongSegmentation
public import MekongText
import MekongXML

/// `mekong prepare`: hands a batch of articles to translators. For each article and target
/// language an XLIFF file, for each language pair a TMX of the glossary's term pairs, and a
/// summary, all in one output folder.
public struct PrepareJob: Sendable {
    /// The languages to translate into; an article already in one is skipped for it, with a warning.
    public var targets: [Language]
    /// The XLIFF version written.
    public var version: XLIFFWriter.Version
    /// What to leave out of the XLIFF for CAT tools that want less.
    public var options: XLIFFWriter.Options
    /// The articles' language, or `nil` to guess it per article.
    public var language: Language?
    /// The output folder (created if missing; a file there is an error).
    public var outputFolder: String
    /// Whether the first bad input ends the run (it throws) instead of being recorded as a failure.
    public var failFast: Bool
    /// Translation memories (TMX) to leverage: exact matches fill the targets, fuzzy ones at or
    /// above ``fuzzyThreshold`` are offered as candidates.
    public var memories: [String] = []
    /// The lowest fuzzy score offered (0–100).
    public var fuzzyThreshold: Double = 75

    /// Makes a job writing XLIFF 2.1 with all the segments into `exports`, guessing each article's
    /// language and going on past a bad input, unless told otherwise.
    public init(
        targets: [Language], version: XLIFFWriter.Version = .v21, options: XLIFFWriter.Options = .init(),
        language: Language? = nil, outputFolder: String = "exports", failFast: Bool = false
    ) {
        self.targets = targets
        self.version = version
        self.options = options
        self.language = language
        self.outputFolder = outputFolder
        self.failFast = failFast
    }

    /// One article handed off.
    public struct Article: Sendable, Encodable {
        /// The article's name: its file name without the extension, or `stdin`.
        public var article: String
        /// The tag of the language it is in (`fr`).
        public var language: String
        /// How the language was decided: `given` (`--lang`) or `guessed from …` (see ``LanguageGuess``).
        public var languageBasis: String
        /// How many segments it has, translatable or not.
        public var segments: Int
        /// How many words the translatable segments have (split at spaces and line breaks).
        public var words: Int
        /// Per target: the file written, terms found, terms with a target form.
        public var targets: [Target]
        /// How many errors `mekong check` would report in it.
        public var errors: Int
        /// How many warnings `mekong check` would report in it.
        public var warnings: Int

        /// The XLIFF file written for one target language.
        public struct Target: Sendable, Encodable {
            /// The tag of the target language (`vi`).
            public var language: String
            /// The path written: `<output folder>/<article>.<source>-<target>.xlf`.
            public var file: String
            /// How many glossary terms occur in the segments, each occurrence counted.
            public var terms: Int
            /// How many of those terms have a form in the target language.
            public var termsWithForm: Int
            /// The analysis against the memories (`nil` without ``PrepareJob/memories``).
            public var analysis: Analysis?
        }

        /// The summary line: `article: N segments, W words to translate; vi: …; check: …`.
        public var line: String {
            var line = "\(article): \(language) (\(languageBasis)), \(segments) segments, \(words) words to translate"
            for t in targets {
                line += "; \(t.language): \(t.terms) terms found, \(t.termsWithForm) with a \(t.language) form"
                if let a = t.analysis { line += "; \(t.language) memory: \(a)" }
            }
            return line + "; check: \(errors) errors, \(warnings) warnings"
        }
    }

    /// Segments and words per match band, as CAT tools analyse a batch before a quote.
    public struct Analysis: Sendable, Encodable, CustomStringConvertible {
        /// The bands, in the order translators read them.
        public static let bands = ["repetitions", "in-context", "100", "95-99", "85-94", "75-84", "no-match"]
        /// Segments per band.
        public var segments: [String: Int] = [:]
        /// Words per band.
        public var words: [String: Int] = [:]

        /// Adds a segment of `words` words to `band`.
        public mutating func add(_ band: String, words n: Int) {
            segments[band, default: 0] += 1
            words[band, default: 0] += n
        }

        /// Adds another analysis.
        public mutating func add(_ other: Analysis) {
            for (k, v) in other.segments { segments[k, default: 0] += v }
            for (k, v) in other.words { words[k, default: 0] += v }
        }

        /// The band of a score.
        static func band(_ m: LeveragedMatch?) -> String {
            guard let m else { return "no-match" }
            if m.isExact { return m.inContext ? "in-context" : "100" }
            switch m.similarity {
            case 95...: return "95-99"
            case 85..<95: return "85-94"
            case 75..<85: return "75-84"
            default: return "no-match"
            }
        }

        /// `repetitions 1 (9 words), in-context 0, 100 2 (31 words), …`.
        public var description: String {
            Self.bands.map { b in
                let n = segments[b] ?? 0
                return n == 0 ? "\(b) 0" : "\(b) \(n) (\(words[b] ?? 0) words)"
            }.joined(separator: ", ")
        }
    }

    /// A term memory written.
    public struct Memory: Sendable, Encodable {
        /// The path written: `<output folder>/glossary.<source>-<target>.tmx`.
        public var file: String
        /// How many term pairs it holds.
        public var units: Int
        /// The summary line: `glossary.fr-vi.tmx: N term pairs`.
        public var line: String { "\((file as NSString).lastPathComponent): \(units) term pairs" }
    }

    /// What a run wrote.
    public struct Report: Sendable, Encodable {
        /// The articles with text, in input order, including those skipped for every target.
        public var articles: [Article] = []
        /// One memory per source language seen and target language other than it.
        public var memories: [Memory] = []
        /// Articles not handed off for a reason that is not an error (already in the target language).
        public var warnings: [Diagnostic] = []
        /// One diagnostic per input that could not be handed off (unreadable, or with a character XML
        /// cannot hold), in input order.
        public var failures: [Diagnostic] = []

        /// The analysis of the whole batch per target language (with memories).
        public var totals: [String: Analysis] = [:]

        /// The text of `summary.txt`.
        public var summary: String {
            let total = totals.sorted { $0.key < $1.key }.map { "total \($0.key) memory: \($0.value)" }
            return (articles.map(\.line) + memories.map(\.line) + total).map { $0 + "\n" }.joined()
        }

        /// Bad input 2; nothing written for any article 1; else 0.
        public var outcome: Outcome {
            .of(failures: failures, found: articles.allSatisfy { $0.targets.isEmpty })
        }
    }

    /// Runs the batch. `progress` is called before each article (index, count, path).
    /// - Throws: ``Diagnostic`` when the output folder cannot be used (nothing is written then).
    public func run(_ inputs: [Input], glossary: Glossary, progress: (Int, Int, Input) -> Void = { _, _, _ in }) throws
        -> Report
    {
        try Self.prepareFolder(outputFolder)
        let matcher = NameMatcher(glossary)
        Lifetime.keepUntilExit(matcher)
        var report = Report()
        let leverager = Leverager(memories: memories, threshold: fuzzyThreshold, names: matcher)
        var sourceLanguages: [Language] = []
        var n = 0
        report.failures = try forEachInput(inputs, failFast: failFast) { input in
            n += 1
            progress(n, inputs.count, input)
            if let a = try handOff(input, matcher: matcher, leverager: leverager, report: &report) {
                if let l = Language(tag: a.language), !sourceLanguages.contains(l) { sourceLanguages.append(l) }
                report.articles.append(a)
            }
        }
        for source in sourceLanguages.sorted(by: { $0.rawValue < $1.rawValue }) {
            for target in targets where target != source {
                let units = TMXWriter.termUnits(glossary, source: TermLanguage(source), target: TermLanguage(target))
                let path = (outputFolder as NSString).appendingPathComponent("glossary.\(source.tag)-\(target.tag).tmx")
                try output {
                    try AtomicWriter.write(try TMXWriter.bytes(units, sourceLanguage: source.tag), to: path)
                }
                report.memories.append(Memory(file: path, units: units.count))
            }
        }
        try output {
            try AtomicWriter.write(report.summary, to: (outputFolder as NSString).appendingPathComponent("summary.txt"))
        }
        return report
    }

    /// Leverages the memory for every translatable segment of `article`, in order.
    static func leverage(
        _ article: inout HandoffArticle, index: MemoryIndex, threshold: Double, seen: inout Set<UInt64>
    ) -> Analysis {
        var analysis = Analysis()
        var previous: String?
        for u in article.units.indices {
            for s in article.units[u].segments.indices {
                let segment = article.units[u].segments[s]
                defer { previous = segment.source }
                guard article.units[u].translate else { continue }
                let words = segment.source.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
                let matches = index.matches(for: segment.source, previous: previous, threshold: threshold).map { m in
                    LeveragedMatch(
                        similarity: m.score, source: index.units[m.unit].source, target: m.target,
                        origin: index.units[m.unit].origin, inContext: m.inContext, repaired: m.repaired)
                }
                article.units[u].segments[s].matches = matches
                if let best = matches.first, best.isExact { article.units[u].segments[s].target = best.target }
                if !seen.insert(Folding.wordHash(segment.source.utf8)).inserted, matches.first?.isExact != true {
                    analysis.add("repetitions", words: words)
                } else {
                    analysis.add(Analysis.band(matches.first), words: words)
                }
            }
        }
        return analysis
    }

    private func handOff(_ input: Input, matcher: NameMatcher, leverager: Leverager, report: inout Report) throws
        -> Article?
    {
        // The article is read once: its lines feed the segmenter and the checker.
        let bytes: [UInt8]
        switch input {
        case .file(let path): bytes = try TextFile.bytes(at: path)
        case .standardInput: bytes = try TextFile.standardInput()
        }
        let name = input.description
        var lines: [LineReader.Line] = []
        let reader = LineReader(bytes: bytes, name: name)
        while let l = try reader.next() {
            if let bad = Self.firstNonXMLCharacter(l.bytes) {
                throw Diagnostic.error(
                    "not-xml-character",
                    "\(ScriptChecks.codePoint(bad.scalar)) cannot be written to XLIFF (XML 1.0 forbids it): remove it from the article",
                    file: name, line: l.number, column: bad.column)
            }
            lines.append(l)
        }
        // The language: given, or guessed from the first 2 KB, and the summary says which.
        let source: Language
        let basis: String
        if let language {
            (source, basis) = (language, "given")
        } else {
            var sample: [UInt8] = []
            for l in lines where sample.count < 2048 {
                sample += l.bytes
                sample.append(0x0A)
            }
            let guess = LanguageGuess(String(decoding: sample, as: UTF8.self))
            (source, basis) = (guess.language, guess.description)
        }
        var segments: [Segment] = []
        try ArticleSegmenter(mode: .article, language: source).segment(
            LineReader(bytes: bytes, name: name), article: input.articleName
        ) {
            segments.append($0)
        }
        guard !segments.isEmpty else {
            report.warnings.append(.warning("empty-article", "no text to hand off", file: name))
            return nil
        }
        let words = segments.filter(\.kind.isTranslatable).reduce(0) {
            $0 + $1.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        }
        var handoff = HandoffArticle.build(
            id: input.articleName,
            original: input == .standardInput ? "stdin.txt" : (name as NSString).lastPathComponent, segments: segments,
            matcher: matcher)
        handoff.skeleton = ArticleSkeleton(bytes: bytes, ranges: segments.map { ($0.id, $0.start, $0.end) })
        var targetsWritten: [Article.Target] = []
        for target in targets {
            guard target != source else {
                report.warnings.append(
                    .warning(
                        "same-language", "skipped for \(target.tag): the article is in \(source.tag) (\(basis))",
                        file: name))
                continue
            }
            var article = handoff.translated(to: TermLanguage(target))
            let analysis = try leverager.leverage(source, target, &article)
            if let analysis { report.totals[target.tag, default: Analysis()].add(analysis) }
            let path = (outputFolder as NSString).appendingPathComponent(
                "\(input.articleName).\(source.tag)-\(target.tag).xlf")
            try output {
                let file = try AtomicWriter(path: path)
                try XLIFFWriter.write(
                    header: article, units: article.units, target: target.tag, version: version, options: options,
                    to: file)
                try file.commit()
            }
            let terms = article.units.flatMap(\.segments).flatMap(\.terms)
            targetsWritten.append(
                .init(
                    language: target.tag, file: path, terms: terms.count,
                    termsWithForm: terms.filter { $0.translation != nil }.count,
                    analysis: analysis))
        }
        // What `mekong check` would flag in the source.
        let checker = DocumentChecker(file: name, matcher: matcher, options: CheckOptions(language: source))
        for l in lines { checker.check(line: l.bytes, number: l.number) }
        let findings = checker.finish()
        return Article(
            article: input.articleName, language: source.tag, languageBasis: basis, segments: segments.count,
            words: words, targets: targetsWritten,
            errors: findings.filter { $0.severity == .error }.count,
            warnings: findings.filter { $0.severity == .warning }.count)
    }

    /// Creates the output folder if needed.
    static func prepareFolder(_ folder: String) throws {
        switch FileSystem.kind(of: folder) {
        case .directory: return
        case .file:
            throw Diagnostic.error("not-a-folder", "the output must be a folder, and this is a file", file: folder)
        case nil:
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw Diagnostic.error("cannot-write", "cannot create the output folder", file: folder)
            }
        }
    }

    /// The first character of a line XML 1.0 cannot hold, with its 1-based column.
    static func firstNonXMLCharacter(_ bytes: [UInt8]) -> (scalar: UInt32, column: Int)? {
        guard bytes.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0D) || $0 == 0xEF }) else { return nil }
        for (i, s) in String(decoding: bytes, as: UTF8.self).unicodeScalars.enumerated()
        where !XMLStreamWriter.isXMLCharacter(s.value) {
            return (s.value, i + 1)
        }
        return nil
    }

}

/// The memories of one run, indexed once per language pair, and the segments already seen in
/// the batch (repetitions).
final class Leverager {
    let memories: [String]
    let threshold: Double
    private var indexes: [String: MemoryIndex] = [:]
    private var seen: [String: Set<UInt64>] = [:]

    /// The glossary's names, placeables in fuzzy matches.
    let names: NameMatcher?

    init(memories: [String], threshold: Double, names: NameMatcher? = nil) {
        self.memories = memories
        self.threshold = threshold
        self.names = names
    }

    /// Leverages `article` for `source` → `target`, or `nil` without memories.
    func leverage(_ source: Language, _ target: Language, _ article: inout HandoffArticle) throws -> PrepareJob
        .Analysis?
    {
        guard !memories.isEmpty else { return nil }
        let key = "\(source.tag)-\(target.tag)"
        if indexes[key] == nil {
            let index = try MemoryIndex(paths: memories, source: source.tag, target: target.tag)
            Lifetime.keepUntilExit(index)
            if let names { index.names = (names, source, target) }
            indexes[key] = index
        }
        return PrepareJob.leverage(&article, index: indexes[key]!, threshold: threshold, seen: &seen[key, default: []])
    }
}
