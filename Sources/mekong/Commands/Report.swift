import ArgumentParser
import MekongChecks
import MekongGlossary
import MekongJobs
import MekongText

extension Mekong {
    /// Writes one self-contained HTML page showing articles (or translations) with their findings
    /// and names marked.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Write one HTML page showing articles or XLIFF translations with their findings and names marked.",
            discussion: """
                The page is one file with no external references (inline style and a little \
                script; it works with JavaScript off), for a laptop, a phone or paper. At the top a \
                summary: documents, segments, words for translation, findings per rule and \
                severity, names per concept, names written two ways across the batch and articles \
                mixing name styles, each linked to its places. Then each article as the reader \
                sees it (title, text, captions, credits, links and teasers marked with their \
                kind), every finding of `mekong check` marked in place with its note (rule, found, \
                expected, the fix --fix would apply), every glossary name marked; an XLIFF file is \
                shown source beside target, findings on the target, untranslated segments marked. \
                Keys: j/n next finding, k/p previous.
                Each finding is one element with data-rule, data-severity, data-line and \
                data-column (the findings of `mekong check --format json` on the same input); each \
                name has data-concept. Article text is escaped.
                Exit status: 0 no error, 1 errors found (the page is written all the same), 2 bad input.
                """
        )

        @Argument(help: "Article files, folders or XLIFF files (default: standard input).") var inputs: [String] = []
        @OptionGroup var output: FileOutputOption
        @OptionGroup var language: LanguageOption
        @Option(
            help: "For French: the style Vietnamese names must be in (full, press, ascii); default: any, but not mixed."
        )
        var style: NameStyle?
        @Option(
            name: .customLong("tone-style"),
            help: "Tone marks in oa/oe/uy: majority (report the minority), old (hòa) or new (hoà).")
        var toneStyle: ToneStyle = .majority
        @Option(help: "The page's heading.") var title: String = "Mekong report"
        @OptionGroup var glossary: GlossaryOptions
        @OptionGroup var batch: BatchOptions

        func run() throws {
            try Run.command {
                let glossary = try glossary.location.load()
                let (inputs, missing) = Run.inputs(self.inputs, extensions: ["txt", "xlf", "xliff"])
                if batch.failFast, let first = missing.first { throw first }
                let job = ReportJob(
                    language: language.language, style: style, toneStyle: toneStyle, failFast: batch.failFast)
                var report = try job.run(inputs, glossary: glossary)
                report.failures = missing + report.failures
                let out = try Output(path: output.output)
                try out.write(ReportPage.html(report, title: title))
                try out.finish()
                Run.report(report.failures)
                return report.outcome
            }
        }
    }
}
