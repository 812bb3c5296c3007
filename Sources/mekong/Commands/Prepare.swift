public import ArgumentParser
import Foundation
import MekongChecks
import MekongExchange
import MekongGlossary
import MekongSegmentation
import MekongText
import MekongXML

extension XLIFFWriter.Version: ExpressibleByArgument {}

extension Mekong {
    /// Hands a batch of articles to translators.
    struct Prepare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Segment articles and write XLIFF for translators, a TMX of glossary terms and a summary.",
            discussion: """
                For each article and target language: DIR/<article>.<src>-<tgt>.xlf (XLIFF 2.1 by \
                default: one <file> per article, a <unit> per paragraph, a <segment> per sentence, \
                glossary terms through the Glossary module; --xliff 1.2 for OmegaT and older tools, \
                with targets pre-filled). For each target: DIR/glossary.<src>-<tgt>.tmx. Then \
                DIR/summary.txt. Outputs are reproducible: no clock unless SOURCE_DATE_EPOCH is set.
                """
        )

        @Argument(help: "Article files or directories.") var inputs: [String] = []
        @Option(help: ArgumentHelp("Target languages, comma-separated.", valueName: "vi,lo")) var to: String
        @Option(help: "XLIFF version: 2.1, 2.0 or 1.2.") var xliff: XLIFFWriter.Version = .v21
        @Option(name: .shortAndLong, help: ArgumentHelp("Output directory.", valueName: "DIR")) var output: String = "exports"
        @Option(help: ArgumentHelp("Language of the articles (default: guessed).", valueName: "fr|vi|lo")) var lang: String?
        @Flag(name: .customLong("translatable-only"), help: "Leave captions, credits, links and teasers out.") var translatableOnly = false
        @Flag(name: .customLong("no-targets"), help: "XLIFF 1.2: write no <target> elements.") var noTargets = false
        @OptionGroup var glossary: GlossaryOptions

        var targets: [TermLanguage] { to.split(separator: ",").compactMap { TermLanguage(rawValue: String($0).trimmingCharacters(in: .whitespaces)) } }

        func validate() throws {
            let parts = to.split(separator: ",")
            guard !parts.isEmpty, parts.count == targets.count, !targets.contains(.loLatn) else {
                throw ValidationError("--to must list fr, vi or lo, e.g. --to vi,lo")
            }
            if let lang, Language(tag: lang) == nil { throw ValidationError("--lang must be fr, vi or lo, not '\(lang)'") }
        }

        func run() throws {
            try CLIErrors.run {
                let g = try glossary.store.load()
                let matcher = NameMatcher(g)
                let segmenter = ArticleSegmenter(mode: .article, language: lang.flatMap(Language.init(tag:)))
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                let paths = try InputFiles.expand(inputs)
                let tty = isatty(STDERR_FILENO) == 1
                var summary: [String] = []
                var sourceLanguages = Set<String>()
                for (n, path) in paths.enumerated() {
                    if tty { FileHandle.standardError.write(Data("\r[\(n + 1)/\(paths.count)] \((path as NSString).lastPathComponent)\u{1B}[K".utf8)) }
                    let article = InputFiles.articleName(path)
                    var segments: [MekongSegmentation.Segment] = []
                    try segmenter.segment(try InputFiles.reader(path), article: article) { segments.append($0) }
                    guard let first = segments.first else { continue }
                    let source = first.language.tag
                    sourceLanguages.insert(source)
                    var line = "\(article): \(segments.count) segments"
                    let words = segments.filter(\.kind.isTranslatable).reduce(0) { $0 + $1.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
                    line += ", \(words) words to translate"
                    for target in targets where target.tag != source {
                        let handoff = HandoffArticle.build(id: article, original: (path as NSString).lastPathComponent, segments: segments,
                                                           matcher: matcher, target: target)
                        let bytes = try XLIFFWriter.bytes(handoff, target: target.tag, version: xliff,
                                                          options: .init(translatableOnly: translatableOnly, omitTargets: noTargets))
                        let file = (output as NSString).appendingPathComponent("\(article).\(source)-\(target.tag).xlf")
                        try AtomicFile.write(Data(bytes), to: file)
                        let terms = handoff.units.flatMap(\.segments).flatMap(\.terms)
                        line += "; \(target.tag): \(terms.count) terms found, \(terms.filter { $0.translation != nil }.count) with a \(target.tag) form"
                    }
                    // What `mekong check` would flag in the source.
                    let checker = DocumentChecker(file: path, matcher: matcher, options: CheckOptions(language: first.language))
                    let reader = try InputFiles.reader(path)
                    while let l = try reader.next() { checker.check(line: l.bytes, number: l.number) }
                    let findings = checker.finish()
                    line += "; check: \(findings.filter { $0.severity == .error }.count) errors, \(findings.filter { $0.severity == .warning }.count) warnings"
                    summary.append(line)
                }
                if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                for source in sourceLanguages.sorted() {
                    for target in targets where target.tag != source {
                        guard let s = TermLanguage(rawValue: source) else { continue }
                        let units = TMXWriter.termUnits(g, source: s, target: target)
                        let file = (output as NSString).appendingPathComponent("glossary.\(source)-\(target.tag).tmx")
                        try AtomicFile.write(Data(try TMXWriter.bytes(units, sourceLanguage: source)), to: file)
                        summary.append("glossary.\(source)-\(target.tag).tmx: \(units.count) term pairs")
                    }
                }
                let text = summary.joined(separator: "\n") + "\n"
                try AtomicFile.write(Data(text.utf8), to: (output as NSString).appendingPathComponent("summary.txt"))
                print(text, terminator: "")
            }
        }
    }

    /// Validates files against the official schemas.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate XLIFF (1.2, 2.x), TMX or TBX files against their official schemas (exit 1 if invalid).")

        @Argument(help: "The files.") var files: [String]

        func run() throws {
            var invalid = false
            try CLIErrors.run {
                for file in files {
                    guard FileManager.default.fileExists(atPath: file) else {
                        throw InputError(file: file, location: nil, message: "no such file")
                    }
                    let (format, errors): (Schemas.Format, [XMLError])
                    do {
                        (format, errors) = try Schemas.validate(file: file)
                    } catch let e as XMLError {
                        // Not well-formed, or no known root element: invalid, not unreadable.
                        invalid = true
                        print(e.description)
                        continue
                    }
                    if errors.isEmpty {
                        print("\(file): valid \(format.rawValue)")
                    } else {
                        invalid = true
                        for e in errors { print(e.description) }
                    }
                }
            }
            if invalid { throw ExitCode(1) }
        }
    }
}
