import ArgumentParser
import Foundation
import MekongChecks
import MekongExchange
import MekongGlossary
import MekongText
import MekongSegmentation
import MekongXML

extension Mekong {
    /// Reads translated XLIFF back.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read translated XLIFF (1.2 or 2.x) back: report untranslated and changed segments, check names in the targets, and add the pairs to a TMX memory.",
            discussion: """
                Untranslated: a segment for translation with no target, an empty one, or the source \
                copied unchanged (whatever its state: OmegaT does not update it). Changed: a segment whose source is already in the memory with \
                another translation. Name findings in targets are printed as \
                FILE#SEGMENT: severity: found "…", expected "…" [rule] (concept). With --tm, \
                translated pairs are added to the memory (no duplicates, atomic write). Exit \
                status: 0 ok, 1 errors in the targets, 2 bad input.
                """
        )

        @Argument(help: "Translated XLIFF files.") var files: [String]
        @Option(help: ArgumentHelp("TMX memory to add the translated pairs to (created if missing).", valueName: "FILE.tmx")) var tm: String?
        @OptionGroup var glossary: GlossaryOptions

        func run() throws {
            var errors = false
            try CLIErrors.run {
                let matcher = NameMatcher(try glossary.store.load())
                var memory: [TMXWriter.Unit] = []
                var known: [String: String] = [:]          // "src|tgt|source text" → target
                if let tm, FileManager.default.fileExists(atPath: tm) {
                    try TMXReader.read(path: tm) { unit in
                        memory.append(unit)
                        if unit.variants.count == 2 { known["\(unit.variants[0].language)|\(unit.variants[1].language)|\(unit.variants[0].text)"] = unit.variants[1].text }
                    }
                }
                var added = 0
                var sourceLanguage = "fr"
                for file in files {
                    guard FileManager.default.fileExists(atPath: file) else { throw InputError(file: file, location: nil, message: "no such file") }
                    var segments: [XLIFFReader.Segment] = []
                    let (src, trg) = try XLIFFReader.read(path: file) { segments.append($0) }
                    let source = src ?? "fr", target = trg ?? "vi"
                    sourceLanguage = source
                    let language = Language(tag: target) ?? .vietnamese
                    let checker = DocumentChecker(file: file, matcher: matcher, options: CheckOptions(language: language))
                    var untranslated: [String] = [], changed: [String] = [], translated = 0
                    for (n, s) in segments.enumerated() where s.translate {
                        let t = s.target?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                        // The text decides, not the state: OmegaT writes translations and leaves
                        // state="needs-translation" as it was.
                        if t.isEmpty || t == s.source.trimmingCharacters(in: .whitespacesAndNewlines) {
                            untranslated.append(s.id)
                            continue
                        }
                        translated += 1
                        checker.check(line: Array(t.utf8), number: n + 1)
                        let key = "\(source)|\(target)|\(s.source)"
                        if let old = known[key] {
                            if old != t { changed.append(s.id); known[key] = t; memory.append(.init(id: s.id, variants: [(source, s.source), (target, t)])); added += 1 }
                        } else {
                            known[key] = t
                            memory.append(.init(id: s.id, variants: [(source, s.source), (target, t)]))
                            added += 1
                        }
                    }
                    print("\(file): \(segments.count) segments, \(translated) translated, \(untranslated.count) untranslated, \(changed.count) changed")
                    for id in untranslated { print("  untranslated \(id)") }
                    for id in changed { print("  changed      \(id)") }
                    for f in checker.finish() {
                        let id = segments.enumerated().filter { $0.element.translate }.first { $0.offset + 1 == f.line }?.element.id ?? "\(f.line)"
                        var line = "\(file)#\(id): \(f.severity.rawValue): found \"\(f.found)\""
                        if let e = f.expected { line += ", expected \"\(e)\"" }
                        line += " [\(f.rule)]"
                        if let c = f.concept { line += " (\(c))" }
                        print(line)
                        if f.severity == .error { errors = true }
                    }
                }
                if let tm {
                    try TMXWriter.write(memory, sourceLanguage: sourceLanguage, toFile: tm)
                    print("\(tm): \(added) pairs added, \(memory.count) in all")
                }
            }
            if errors { throw ExitCode(1) }
        }
    }

    /// Individual exchange formats.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one exchange file: xliff (an article), tmx (glossary term pairs) or tbx (the glossary).")

        enum What: String, ExpressibleByArgument, CaseIterable { case xliff, tmx, tbx, tbx2008 }

        @Argument(help: "xliff, tmx, tbx or tbx2008.") var what: What
        @Argument(help: "For xliff: the article file.") var article: String?
        @Option(help: ArgumentHelp("Target language (xliff, tmx). For tmx, several (vi,lo) give multilingual units.", valueName: "vi|lo")) var to: String = "vi"
        @Option(help: "XLIFF version: 2.1, 2.0 or 1.2.") var xliff: XLIFFWriter.Version = .v21
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE")) var output: String?
        @OptionGroup var glossary: GlossaryOptions

        func validate() throws {
            if what == .xliff && article == nil { throw ValidationError("export xliff needs an article file") }
            let all = to.split(separator: ",").map { TermLanguage(rawValue: String($0)) }
            guard !all.isEmpty, all.allSatisfy({ $0 != nil && $0 != .loLatn }), what == .tmx || all.count == 1 else {
                throw ValidationError("--to must be fr, vi or lo (several, comma-separated, only for tmx)")
            }
        }

        func run() throws {
            try CLIErrors.run {
                let g = try glossary.store.load()
                let targets = to.split(separator: ",").compactMap { TermLanguage(rawValue: String($0)) }
                let target = targets[0]
                let bytes: [UInt8]
                switch what {
                case .tbx: bytes = try TBXFormat.bytes(g, version: .v2019)
                case .tbx2008: bytes = try TBXFormat.bytes(g, version: .v2008)
                case .tmx: bytes = try TMXWriter.bytes(TMXWriter.termUnits(g, source: .fr, targets: targets), sourceLanguage: "fr")
                case .xliff:
                    let path = article!
                    var segments: [MekongSegmentation.Segment] = []
                    try ArticleSegmenter().segment(try InputFiles.reader(path), article: InputFiles.articleName(path)) { segments.append($0) }
                    let handoff = HandoffArticle.build(id: InputFiles.articleName(path), original: (path as NSString).lastPathComponent,
                                                       segments: segments, matcher: NameMatcher(g), target: target)
                    bytes = try XLIFFWriter.bytes(handoff, target: target.tag, version: xliff)
                }
                let sink = try OutputSink(path: output)
                try sink.write(bytes: bytes)
                try sink.finish()
            }
        }
    }
}
