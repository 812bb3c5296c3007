import MekongChecks
import MekongExchange
public import MekongGlossary
public import MekongText
import MekongXML

/// `mekong import`: reads translated XLIFF back, lists untranslated and changed segments,
/// checks the names in the targets, and adds the translated pairs to a TMX memory.
public struct ImportJob: Sendable {
    /// The memory to add the pairs to (created if missing), or `nil`.
    public var memoryPath: String?
    /// Whether the first bad input ends the run (it throws) instead of being recorded as a failure.
    public var failFast: Bool

    /// Makes a job that writes no memory and goes on past a bad input, unless told otherwise.
    public init(memoryPath: String? = nil, failFast: Bool = false) {
        self.memoryPath = memoryPath
        self.failFast = failFast
    }

    /// One XLIFF file read back.
    public struct File: Sendable, Encodable {
        /// The path, as given.
        public var file: String
        /// How many segments the file has, translatable or not.
        public var segments: Int
        /// How many translatable segments have a target that is neither empty nor the source copied.
        public var translated: Int
        /// The IDs of the translatable segments whose target is empty or the source copied, whatever
        /// their `state`.
        public var untranslated: [String]
        /// The IDs of the segments whose translation differs from the one the memory (or an earlier
        /// file of the run) has for the same source.
        public var changed: [String]
        /// Name findings in the targets (`file#segment`).
        public var findings: [Diagnostic]
        /// The language whose name rules ran on the targets (`vi`), or `nil` when none did: the
        /// glossary has names only in fr, vi and lo.
        public var nameRules: String? = nil
    }

    /// What a run did.
    public struct Report: Sendable, Encodable {
        /// A verdict per file read, in input order.
        public var files: [File] = []
        /// The memory written (``ImportJob/memoryPath``), or `nil` when there is none.
        public var memory: String?
        /// How many translated pairs were new or changed (counted even without a memory).
        public var added = 0
        /// How many units the memory has after the run; 0 without a memory.
        public var total = 0
        /// One diagnostic per input that could not be read (missing, a folder, not XLIFF), in input order.
        public var failures: [Diagnostic] = []
        /// Units that could not go into the memory (the others did).
        public var warnings: [Diagnostic] = []
        /// Bad input 2; errors in the targets 1; else 0.
        public var outcome: Outcome {
            .of(failures: failures, found: files.contains { $0.findings.contains { $0.severity == .error } })
        }
    }

    /// Reads each XLIFF file, checks the names in its targets (in its target language, Vietnamese
    /// when it names none), then writes the memory with the pairs of every file that could be read.
    /// - Throws: ``Diagnostic`` `not-tmx` when ``memoryPath`` names an existing file that is not TMX,
    ///   what reading that memory throws, the first bad input when ``failFast``, or an error writing
    ///   the memory.
    public func run(_ paths: [String], glossary: Glossary) throws -> Report {
        let matcher = NameMatcher(glossary)
        Lifetime.keepUntilExit(matcher)
        var report = Report()
        // The memory is never rewritten from Mekong's model: its pairs are read as hashes, and
        // the new units are spliced into the file as it is (TranslationMemory).
        // New units wait in a spool (a temporary file), not in memory; a file that turns out
        // to be bad is rolled back out of it, as out of everything else: it adds nothing.
        var newUnits: UnitSpool? = nil
        var known: [String: TranslationMemory.Pairs] = [:]  // "src|tgt" → pairs
        var existingUnits = 0
        let memoryExists = memoryPath.map(FileSystem.exists) ?? false
        if let memoryPath, memoryExists {
            let format = try Schemas.format(ofFile: memoryPath)
            guard format == .tmx else {
                throw Diagnostic.error(
                    "not-tmx", "--tm must name a TMX memory, and this is \(format.name): it was left as it is",
                    file: memoryPath)
            }
        }
        if memoryPath != nil { newUnits = try UnitSpool() }
        func pairs(_ source: String, _ target: String) throws -> TranslationMemory.Pairs {
            let key = "\(source)|\(target)"
            if let p = known[key] { return p }
            var p = TranslationMemory.Pairs()
            if let memoryPath, memoryExists {
                p = try TranslationMemory.pairs(in: memoryPath, source: source, target: target)
                existingUnits = p.units
            }
            known[key] = p
            return p
        }
        var sourceLanguage = "fr"
        report.failures = try forEachInput(paths.map { .file($0) }, failFast: failFast) { input in
            let path = input.description
            try TextFile.requireFile(path)
            let mark = newUnits?.mark()
            var committed = false
            defer { if !committed, let mark { try? newUnits?.rollBack(to: mark) } }
            // Everything the file adds is kept aside until it has been read to its end.
            var warnings: [Diagnostic] = []
            var added = 0
            var memory: TranslationMemory.Pairs?
            var checker: DocumentChecker?
            var file = File(file: path, segments: 0, translated: 0, untranslated: [], changed: [], findings: [])
            var languages: (source: String, target: String)?
            var lineToSegment: [Int: String] = [:]
            var n = 0
            func start(_ src: String?, _ trg: String?) throws {
                guard let target = trg, !target.isEmpty else {
                    throw Diagnostic.error(
                        "no-target-language",
                        "the file does not say its target language (trgLang on <xliff>, target-language on <file>): its translations cannot be stored",
                        file: path, line: Self.rootLine(path))
                }
                guard let source = src, !source.isEmpty else {
                    throw Diagnostic.error(
                        "no-source-language",
                        "the file does not say its source language (srcLang on <xliff>, source-language on <file>): its translations cannot be stored",
                        file: path, line: Self.rootLine(path))
                }
                languages = (source, target)
                memory = memoryPath == nil ? TranslationMemory.Pairs() : try pairs(source, target)
                // Name rules exist only for the glossary's languages; another target is stored unchecked.
                checker = Language(tag: target).map {
                    DocumentChecker(file: path, matcher: matcher, options: CheckOptions(language: $0))
                }
                file.nameRules = checker == nil ? nil : Language(tag: target)?.tag
            }
            func handle(_ s: XLIFFReader.Segment) throws {
                defer { n += 1 }
                guard s.translate, let (source, target) = languages else { return }
                let trimmedSource = Self.trimmed(s.source)
                if !s.hasSource || trimmedSource.isEmpty {
                    if !(s.target ?? "").isEmpty {
                        warnings.append(
                            Diagnostic(
                                severity: .warning, rule: "no-source",
                                message: "not added to the memory: the segment has a translation but no source text",
                                location: SourceLocation(file: path, segment: s.id, line: s.line)))
                    }
                    return
                }
                let t = Self.trimmed(s.target ?? "")
                // The text decides, not the state: OmegaT writes translations and leaves
                // state="needs-translation" as it was.
                if t.isEmpty || t == trimmedSource {
                    file.untranslated.append(s.id)
                    return
                }
                file.translated += 1
                checker?.check(line: XLIFFTargets.checkable(t), number: n + 1)
                lineToSegment[n + 1] = s.id
                if let bad = XMLStreamWriter.firstForbiddenCharacter(in: s.source)
                    ?? XMLStreamWriter.firstForbiddenCharacter(in: t)
                {
                    // Valid XLIFF (<cp hex="0001"/>) that TMX cannot hold: the unit is skipped, not the run.
                    warnings.append(
                        Diagnostic(
                            severity: .warning, rule: "not-xml-character",
                            message:
                                "not added to the memory: \(ScriptChecks.codePoint(bad.value)) cannot be stored in TMX",
                            location: SourceLocation(file: path, segment: s.id)))
                    return
                }
                let key = TranslationMemory.Pairs.Key(s.source, t)
                if memory!.contains(key) { return }
                if memory!.hasSource(key) { file.changed.append(s.id) }
                memory!.insert(key)
                try newUnits?.append(
                    .init(
                        id: s.id, variants: [(source, s.source), (target, t)], codes: Self.codes(s, trimmedTarget: t)))
                added += 1
            }
            // Segments are handled as they are read when the languages are known at the first
            // one (the root of 2.x, the first <file> of 1.2: nearly always). Otherwise, or when
            // a later <file> gave them, the file is read whole first and handled with the
            // languages of the whole file, as they are decided at its end.
            var streamedWith: (String?, String?)?
            var collected: [XLIFFReader.Segment] = []
            var (src, trg) = try XLIFFReader.read(
                path: path,
                eachWithLanguages: { s, current in
                    file.segments += 1
                    if file.segments == 1, let a = current.source, !a.isEmpty, let b = current.target, !b.isEmpty {
                        streamedWith = (a, b)
                        try start(a, b)
                    }
                    if streamedWith != nil { try handle(s) } else { collected.append(s) }
                })
            if let used = streamedWith, used.0 != src || used.1 != trg {
                // Languages changed after the first segment: start the file again, read whole.
                if let mark { try newUnits?.rollBack(to: mark) }
                (warnings, added, lineToSegment, n, languages, checker) = ([], 0, [:], 0, nil, nil)
                file = File(file: path, segments: 0, translated: 0, untranslated: [], changed: [], findings: [])
                let whole = try XLIFFReader.read(path: path)
                (src, trg, collected) = (whole.source, whole.target, whole.segments)
                file.segments = collected.count
                streamedWith = nil
            }
            if streamedWith == nil {
                try start(src, trg)
                for s in collected { try handle(s) }
            }
            sourceLanguage = languages!.source
            if memoryPath != nil { known["\(languages!.source)|\(languages!.target)"] = memory }
            file.findings = (checker?.finish() ?? []).map { f in
                var f = f
                let line = f.location?.line ?? 0
                f.location = SourceLocation(file: path, segment: lineToSegment[line] ?? "\(line)", line: nil)
                return f
            }
            report.files.append(file)
            report.warnings += warnings
            report.added += added
            committed = true
        }
        if let memoryPath, let newUnits {
            // Outside forEachInput: a memory that cannot be written is that error, not a Stop.
            // The memory as it was read (once per language pair): changed in between, or since,
            // it is not replaced.
            let versions = Set(known.values.compactMap(\.fingerprint))
            if versions.count > 1 { throw AtomicWriter.changedOnDisk(memoryPath) }
            try TranslationMemory.add(
                newUnits, to: memoryPath, sourceLanguage: sourceLanguage, unchangedSince: versions.first)
            report.memory = memoryPath
            report.total = existingUnits + newUnits.count
        }
        return report
    }

    /// The line of the root element, for diagnostics about the whole file.
    static func rootLine(_ path: String) -> Int {
        guard let reader = try? XMLStreamReader(path: path) else { return 1 }
        while let e = try? reader.next() {
            if case .startElement = e { return reader.currentLine }
        }
        return 1
    }

    /// The segment's paired inline codes for its memory unit (source, target), the target's
    /// moved as its text was trimmed; none when neither side has any.
    static func codes(_ s: XLIFFReader.Segment, trimmedTarget t: String) -> [[InlineCode]] {
        guard !s.sourceCodes.isEmpty || !s.targetCodes.isEmpty else { return [] }
        let original = s.target ?? ""
        var leading = 0
        for ch in original {
            guard ch.isWhitespace else { break }
            leading += ch.utf8.count
        }
        return [s.sourceCodes, InlineCode.trimmed(s.targetCodes, leading: leading, length: t.utf8.count)]
    }

    static func trimmed(_ s: String) -> String {
        // Nearly every text starts and ends with an ASCII letter or punctuation: nothing to trim.
        func plain(_ b: UInt8?) -> Bool { b.map { $0 < 0x80 && $0 != 0x20 && !(0x09...0x0D).contains($0) } ?? false }
        if plain(s.utf8.first), plain(s.utf8.last) { return s }
        var sub = Substring(s)
        while let f = sub.first, f.isWhitespace { sub.removeFirst() }
        while let l = sub.last, l.isWhitespace { sub.removeLast() }
        return String(sub)
    }
}
