public import ArgumentParser
import MekongChecks
import MekongGlossary
import MekongJobs
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
                Biên"), names in lower case ("hà nội"), decomposed (NFD) text, look-alike letters \
                (Ð U+00D0 for Đ, Cyrillic or Greek inside Latin words, Thai in Lao), invisible \
                characters, minority tone-mark placement (hòa/hoà), old-style Lao (ຫນ for ໜ, ຫລ for \
                ຫຼ, ໍ+າ for ຳ, marks out of order) and impossible Vietnamese syllables. A wrong name \
                is one finding whose expected text is the whole right name. Names are found as \
                Vietnamese writes them: acronyms in capitals only ("AN" is not "ăn"), a common word \
                that folds like a name is not that name ("lão", "hai phòng"), nor is a part of a \
                longer name ("Huệ" in "Nguyễn Huệ").
                Severities: error = a wrong or forbidden spelling of a known name, a look-alike \
                letter, an impossible syllable; warning = style mix, inconsistency, a name in lower \
                case, decomposed (NFD) text, decomposed or old-style Lao (ຫລ), invisible characters, \
                unattested syllables; info = tone placement.
                Output: file:line:column: severity: found "…", expected "…" [rule] (concept). \
                Columns count Unicode scalars. Given an .xlf file, the targets are checked \
                (file#segment). Exit status: 0 no error, 1 errors found (also after --fix, when \
                errors remain), 2 bad input.
                """
        )

        @Argument(help: "Article files, folders or XLIFF files (default: standard input).") var inputs: [String] = []
        @OptionGroup var language: LanguageOption
        @Option(
            help:
                "For French: the style Vietnamese names must be in (full, press, ascii); the glossary's French forms are always accepted; default: any, but not mixed."
        )
        var style: NameStyle?
        @Option(
            name: .customLong("tone-style"),
            help: "Tone marks in oa/oe/uy: majority (report the minority), old (hòa) or new (hoà).")
        var toneStyle: ToneStyle = .majority
        @Option(
            help:
                "Output format: text, json (one document; with --fix: {fixed, remaining}) or jsonl (one finding a line)."
        )
        var format: OutputFormat = .text
        @Flag(help: "Apply the unambiguous fixes to the files (atomically) and print what changed.") var fix = false
        @Option(
            name: .customLong("ignore"),
            help: ArgumentHelp(
                "Rules not to run or report, comma-separated (e.g. tone-placement,vietnamese-syllable-unattested).",
                valueName: "rule,…"))
        var ignore: [String] = []
        @OptionGroup var glossary: GlossaryOptions
        @OptionGroup var batch: BatchOptions

        func validate() throws {
            if fix && inputs.isEmpty { throw ValidationError("--fix needs files (it cannot rewrite standard input)") }
        }

        func run() throws {
            try Run.command {
                let glossary = try glossary.location.load()
                let (inputs, missing) = Run.inputs(self.inputs, extensions: ["txt", "xlf", "xliff"])
                if batch.failFast, let first = missing.first { throw first }
                let job = CheckJob(
                    language: language.language, style: style, toneStyle: toneStyle, fix: fix, failFast: batch.failFast,
                    ignoring: Set(ignore.flatMap { $0.split(separator: ",").map(String.init) }))
                let out = try Output(path: nil)
                var remaining: [Diagnostic] = []
                let report = try job.run(inputs, glossary: glossary) { finding in
                    switch format {
                    case .text: try out.write(finding.description + "\n")
                    case .jsonl: try out.writeJSONLine(finding)
                    case .json: remaining.append(finding)
                    }
                }
                switch format {
                case .text:
                    for f in report.fixed { try out.write(f.description + "\n") }
                case .jsonl:
                    for f in report.fixed { try out.writeJSONLine(FixLine(fixed: f)) }
                case .json:
                    if fix {
                        try out.write(try JSONOutput.pretty(FixReport(fixed: report.fixed, remaining: remaining)))
                    } else {
                        try out.write(try JSONOutput.pretty(remaining))
                    }
                }
                try out.finish()
                let failures = missing + report.failures
                Run.report(failures)
                return .of(failures: failures, found: report.errors > 0)
            }
        }

        struct FixReport: Encodable {
            var fixed: [Fixer.Applied]
            var remaining: [Diagnostic]
        }
        struct FixLine: Encodable { var fixed: Fixer.Applied }
    }
}
