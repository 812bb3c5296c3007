public import MekongChecks
import MekongExchange
public import MekongGlossary
public import MekongText

/// `mekong check`: names and Unicode hygiene of articles (or of the targets of XLIFF files),
/// optionally fixing what is unambiguous.
public struct CheckJob: Sendable {
    /// The language, or `nil` to guess it per file (XLIFF: the target language).
    public var language: Language?
    /// For French text: the one style Vietnamese names must be in, or `nil` to accept any style (a
    /// document mixing styles then gets a warning).
    public var style: NameStyle?
    /// Which placement of Vietnamese tone marks in oa/oe/uy is right.
    public var toneStyle: ToneStyle
    /// Apply the fixable findings to the files (text files only).
    public var fix: Bool
    /// Whether the first bad input ends the run (it throws) instead of being recorded as a failure.
    public var failFast: Bool

    /// Makes a job that guesses the language, accepts any name style, reports the minority tone style
    /// and fixes nothing, unless told otherwise.
    public init(
        language: Language? = nil, style: NameStyle? = nil, toneStyle: ToneStyle = .majority, fix: Bool = false,
        failFast: Bool = false, ignoring: Set<String> = []
    ) {
        self.language = language
        self.style = style
        self.toneStyle = toneStyle
        self.fix = fix
        self.failFast = failFast
        self.ignoring = ignoring
    }
    /// Rules not to run or report (`--ignore`).
    public var ignoring: Set<String>
    /// How many inputs are checked at once (a folder of articles on every core; one file is
    /// one document, checked on one thread; with ``fix``, one at a time). Findings come out in
    /// input order whatever it is.
    public var threads = OrderedPipeline.defaultThreads

    /// What a run found.
    public struct Report: Sendable, Encodable {
        /// Findings per severity.
        public var counts: [Severity: Int] = [:]
        /// The fixes applied (with `fix`).
        public var fixed: [Fixer.Applied] = []
        /// Inputs that could not be read.
        public var failures: [Diagnostic] = []
        /// How many findings are errors (after the fixes): any makes the outcome `.findings`.
        public var errors: Int { counts[.error] ?? 0 }
        /// Exit status: bad input 2, errors remaining 1, else 0.
        public var outcome: Outcome { .of(failures: failures, found: errors > 0) }

        private enum CodingKeys: String, CodingKey { case counts, fixed, failures }
        /// Writes `{"counts": {"error": 2, …}, "fixed": […], "failures": […]}`; a severity with no
        /// findings has no key in `counts`.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }), forKey: .counts)
            try c.encode(fixed, forKey: .fixed)
            try c.encode(failures, forKey: .failures)
        }
    }

    /// Checks every input; `emit` receives the findings of each file (after its fixes), in order.
    public func run(_ inputs: [Input], glossary: Glossary, emit: (Diagnostic) throws -> Void) throws -> Report {
        let matcher = NameMatcher(glossary)
        Lifetime.keepUntilExit(matcher)
        var report = Report()
        // With --fix, one input after the other: a path given twice must be checked again
        // after its first fixes, not beside them.
        guard threads > 1, inputs.count > 1, !fix else {
            report.failures = try forEachInput(inputs, failFast: failFast) { input in
                try finish(input, try check(input, matcher), matcher, &report, emit)
            }
            return report
        }
        // Inputs are checked on the threads in batches of about 1 MB (one hand-off per short
        // article would cost more than checking it) and handed back in order; fixing and
        // printing stay on this thread. Standard input (no size known) ends a batch.
        var index = 0
        func nextBatch() -> [Int]? {
            var batch: [Int] = []
            var bytes = 0
            while index < inputs.count, bytes < 1 << 20, batch.count < 1_024 {
                bytes += inputs[index].fileSize ?? 1 << 20
                batch.append(index)
                index += 1
            }
            return batch.isEmpty ? nil : batch
        }
        let work: @Sendable ([Int]) -> [(Int, Result<[Diagnostic], Error>)] = { batch in
            batch.map { k in (k, Result { try self.check(inputs[k], matcher) }) }
        }
        var failures: [Diagnostic] = []
        do {
            try OrderedPipeline.run(threads: threads, next: nextBatch, work: work) { results in
                for (k, checked) in results {
                    failures += try forEachInput([inputs[k]], failFast: failFast) { input in
                        try finish(input, try checked.get(), matcher, &report, emit)
                    }
                }
            }
        } catch let stop as Stop {
            throw stop.underlying
        }
        report.failures = failures
        return report
    }

    /// What happens to one input's findings on the caller's thread: the fixes (with ``fix``),
    /// then the findings left, counted and emitted.
    private func finish(
        _ input: Input, _ found: [Diagnostic], _ matcher: NameMatcher, _ report: inout Report,
        _ emit: (Diagnostic) throws -> Void
    ) throws {
        var findings = found
        if fix, case .file(let path) = input, !Self.isXLIFF(path) {
            // Fixes can overlap (a look-alike inside a stuttered name): apply what does not
            // overlap, check again, until nothing more can be fixed.
            for _ in 0..<5 {
                let applied = try Fixer.apply(findings, toFile: path)
                guard !applied.isEmpty else { break }
                report.fixed += applied
                findings = try check(input, matcher)
            }
        }
        for f in findings {
            report.counts[f.severity, default: 0] += 1
            try output { try emit(f) }
        }
    }

    /// The findings of one input.
    public func check(_ input: Input, _ matcher: NameMatcher) throws -> [Diagnostic] {
        if case .file(let path) = input, Self.isXLIFF(path) { return try checkXLIFF(path, matcher) }
        return try check(try input.lineReader(), file: input.description, matcher)
    }

    /// The findings of one text read from `reader`, named `file` in their locations (what
    /// ``check(_:_:)`` does for a text input, for a caller that has the bytes already).
    public func check(_ reader: LineReader, file: String, _ matcher: NameMatcher) throws -> [Diagnostic] {
        var lines: [LineReader.Line] = []
        var checker: DocumentChecker?
        func start(_ language: Language) -> DocumentChecker {
            let c = DocumentChecker(
                file: file, matcher: matcher,
                options: CheckOptions(language: language, style: style, toneStyle: toneStyle, ignoring: ignoring))
            for l in lines { c.check(line: l.bytes, number: l.number) }
            lines = []
            return c
        }
        var sampled = 0
        while let line = try reader.next() {
            if let checker {
                checker.check(line: line.bytes, number: line.number)
                continue
            }
            lines.append(line)
            sampled += line.bytes.count
            if let language {
                checker = start(language)
            } else if sampled >= 2048 {
                checker = start(LanguageGuess(lines: lines).language)
            }
        }
        return (checker ?? start(language ?? LanguageGuess(lines: lines).language)).finish()
    }

    static func isXLIFF(_ path: String) -> Bool {
        let ext = path.split(separator: ".").last?.lowercased() ?? ""
        return ext == "xlf" || ext == "xliff"
    }

    /// XLIFF: the target side, one segment per "line"; findings name the segment
    /// (`file#segment`) and their column counts scalars in the target.
    ///
    /// A target identical to its source (a fresh hand-off: CAT tools pre-fill targets with the
    /// source) is no translation and is not checked. Line breaks and CR inside a target are the
    /// text's own, not stray invisible characters. Names are checked only in a language the
    /// glossary has (fr, vi, lo): for any other target language an `info` finding says so.
    private func checkXLIFF(_ path: String, _ matcher: NameMatcher) throws -> [Diagnostic] {
        var targets: [(String, String)] = []
        let (_, trg) = try XLIFFReader.read(path: path) { s in
            if s.translate, let t = s.target, !t.isEmpty, ImportJob.trimmed(t) != ImportJob.trimmed(s.source) {
                targets.append((s.id, t))
            }
        }
        let lang: Language
        if let language {
            lang = language
        } else if let trg {
            guard let l = Language(tag: trg) else {
                return [
                    Diagnostic(
                        severity: .info, rule: "no-name-rules",
                        message:
                            "names not checked: the target language is \(trg), and the glossary has names only in fr, vi and lo (give --lang to force one)",
                        location: SourceLocation(file: path))
                ]
            }
            lang = l
        } else {
            lang = LanguageGuess(targets.map(\.1).joined(separator: "\n")).language
        }
        let checker = DocumentChecker(
            file: path, matcher: matcher,
            options: CheckOptions(language: lang, style: style, toneStyle: toneStyle, ignoring: ignoring))
        for (n, t) in targets.enumerated() { checker.check(line: XLIFFTargets.checkable(t.1), number: n + 1) }
        return checker.finish().map { f in
            var f = f
            let line = f.location?.line ?? 1
            f.location = SourceLocation(file: path, segment: targets[line - 1].0, line: 1, column: f.location?.column)
            f.fixable = false  // --fix rewrites text files, not XLIFF
            return f
        }
    }
}

extension LanguageGuess {
    /// The guess for an article's first lines.
    init(lines: [LineReader.Line]) {
        var sample = ""
        for l in lines {
            sample += String(decoding: l.bytes, as: UTF8.self)
            sample += "\n"
        }
        self.init(sample)
    }
}

/// What the XLIFF-reading jobs share about targets.
enum XLIFFTargets {
    /// The target's bytes for the checker, one "line" per segment: a line break, CR or tab inside
    /// a target is the text's own layout (not an invisible character), so each becomes a space,
    /// byte for byte, which keeps every column where it was.
    static func checkable(_ target: String) -> [UInt8] {
        var bytes = Array(target.utf8)
        for i in bytes.indices where bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { bytes[i] = 0x20 }
        return bytes
    }
}
