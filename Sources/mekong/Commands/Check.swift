public import ArgumentParser
import Foundation
import MekongChecks
import MekongExchange
import MekongGlossary
import MekongText

extension NameStyle: ExpressibleByArgument {}
extension ToneStyle: ExpressibleByArgument {}

extension Mekong {
    /// Checks the spelling of names and the Unicode hygiene of articles.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the spelling of names against the glossary, Vietnamese diacritics and Lao script.",
            discussion: """
                Finds known names written with missing, extra or wrong diacritics, forbidden forms, \
                a name written two ways, styles mixed in one document, stuttered names ("Diên Biên \
                Biên"), decomposed (NFD) text, look-alike letters (Ð U+00D0 for Đ, Cyrillic or \
                Greek inside Latin words, Thai in Lao), invisible characters, minority tone-mark \
                placement (hòa/hoà) and malformed Lao (ຫນ for ໜ, ໍ+າ for ຳ, marks out of order).
                Output: file:line:column: severity: found "…", expected "…" [rule] (concept). \
                Columns count Unicode scalars. Exit status: 0 no error, 1 errors found, 2 bad input.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "Article files or directories (default: standard input).") var inputs: [String] = []
        @Option(help: ArgumentHelp("Language of the text: fr, vi or lo (default: guessed per file).", valueName: "fr|vi|lo")) var lang: String?
        @Option(help: "For French: the style Vietnamese names must be in (full, press, ascii); default: any, but not mixed.") var style: NameStyle?
        @Option(name: .customLong("tone-style"), help: "Tone marks in oa/oe/uy: majority (report the minority), old (hòa) or new (hoà).") var toneStyle: ToneStyle = .majority
        @Option(help: "Output format: text or json.") var format: Format = .text
        @Flag(help: "Apply the unambiguous fixes to the files (atomically) and print what changed.") var fix = false
        @OptionGroup var glossary: GlossaryOptions

        func validate() throws {
            if let lang, Language(tag: lang) == nil { throw ValidationError("--lang must be fr, vi or lo, not '\(lang)'") }
            if fix && inputs.isEmpty { throw ValidationError("--fix needs files (it cannot rewrite standard input)") }
        }

        func run() throws {
            var errors = false
            try CLIErrors.run {
                let matcher = NameMatcher(try glossary.store.load())
                var all: [Finding] = []
                for path in try InputFiles.expand(inputs) {
                    var (findings, _) = try check(path, matcher)
                    if fix {
                        // Fixes can overlap (a look-alike inside a stuttered name): apply what does
                        // not overlap, check again, until nothing more can be fixed.
                        for _ in 0..<5 {
                            guard try Fixer.apply(findings, to: path) > 0 else { break }
                            findings = try check(path, matcher).0
                        }
                    }
                    all += findings
                }
                errors = all.contains { $0.severity == .error }
                switch format {
                case .text:
                    for f in all { print(f.text) }
                case .json:
                    let objects: [[String: Any]] = all.map {
                        ["file": $0.file, "line": $0.line, "column": $0.column, "severity": $0.severity.rawValue, "rule": $0.rule,
                         "found": $0.found, "expected": $0.expected as Any? ?? NSNull(), "concept": $0.concept as Any? ?? NSNull(),
                         "message": $0.message]
                    }
                    print(try ConceptRendering.json(objects), terminator: "")
                }
            }
            if errors && !fix { throw ExitCode(1) }
        }

        private func check(_ path: String, _ matcher: NameMatcher) throws -> ([Finding], Language) {
            let ext = (path as NSString).pathExtension.lowercased()
            if ext == "xlf" || ext == "xliff" { return try checkXLIFF(path, matcher) }
            let reader = try InputFiles.reader(path)
            var lines: [LineReader.Line] = []
            var checker: DocumentChecker?
            let name = path == "-" ? "<stdin>" : path
            func start(_ language: Language) -> DocumentChecker {
                let c = DocumentChecker(file: name, matcher: matcher, options: CheckOptions(language: language, style: style, toneStyle: toneStyle))
                for l in lines { c.check(line: l.bytes, number: l.number) }
                lines = []
                return c
            }
            var sampled = 0
            while let line = try reader.next() {
                if let checker { checker.check(line: line.bytes, number: line.number); continue }
                lines.append(line)
                sampled += line.bytes.count
                if let lang, let l = Language(tag: lang) { checker = start(l) } else if sampled >= 2048 { checker = start(guess(lines)) }
            }
            let c = checker ?? start(lang.flatMap(Language.init(tag:)) ?? guess(lines))
            return (c.finish(), c.options.language)
        }

        /// XLIFF: the target side, one segment per "line"; findings name the segment
        /// (`file#segment-id`) and their column counts scalars in the target.
        private func checkXLIFF(_ path: String, _ matcher: NameMatcher) throws -> ([Finding], Language) {
            var targets: [(String, String)] = []
            let (_, trg) = try XLIFFReader.read(path: path) { s in
                if s.translate, let t = s.target, !t.isEmpty { targets.append((s.id, t)) }
            }
            let language = lang.flatMap(Language.init(tag:)) ?? trg.flatMap(Language.init(tag:)) ?? .vietnamese
            let checker = DocumentChecker(file: path, matcher: matcher, options: CheckOptions(language: language, style: style, toneStyle: toneStyle))
            for (n, t) in targets.enumerated() { checker.check(line: Array(t.1.utf8), number: n + 1) }
            let findings = checker.finish().map { f -> Finding in
                var f = f
                f.file = "\(path)#\(targets[f.line - 1].0)"
                f.line = 1
                f.fixable = false                 // --fix rewrites text files, not XLIFF
                return f
            }
            return (findings, language)
        }

        private func guess(_ lines: [LineReader.Line]) -> Language {
            let sample = lines.map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: "\n")
            return Language.guess(sample[...].unicodeScalars)
        }
    }
}

/// Applies fixable findings to a file: one pass per file, replacements right to left within a
/// line, written atomically.
enum Fixer {
    /// Returns how many fixes were applied.
    @discardableResult
    static func apply(_ findings: [Finding], to path: String) throws -> Int {
        let fixes = findings.filter { $0.fixable && $0.expected != nil }
        guard !fixes.isEmpty, path != "-", let data = FileManager.default.contents(atPath: path) else { return 0 }
        var bytes = [UInt8](data)
        var bom: [UInt8] = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bom = Array(bytes[0..<3]); bytes.removeFirst(3) }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        var changed: [String] = []
        for (number, group) in Dictionary(grouping: fixes, by: \.line) {
            var line = lines[number - 1]
            let hasCR = line.last == 0x0D
            if hasCR { line.removeLast() }
            var lastStart = Int.max
            for f in group.sorted(by: { $0.byteRange.lowerBound > $1.byteRange.lowerBound }) where f.byteRange.upperBound <= lastStart {
                line.replaceSubrange(f.byteRange, with: Array(f.expected!.utf8))
                lastStart = f.byteRange.lowerBound
                changed.append("\(path):\(f.line):\(f.column): fixed \"\(f.found)\" -> \"\(f.expected!)\" [\(f.rule)]")
            }
            if hasCR { line.append(0x0D) }
            lines[number - 1] = line
        }
        let out = bom + Array(lines.joined(separator: [0x0A]))
        try AtomicFile.write(Data(out), to: path)
        for c in changed.sorted() { print(c) }
        return changed.count
    }
}
