import ArgumentParser
import MekongJobs
import MekongText

extension Mekong {
    /// Turns translated XLIFF back into articles.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge translated XLIFF (1.2 or 2.x) back into articles in their original layout.",
            discussion: """
                For each article (each <file>) writes DIR/<article>.<target-lang>.txt: the article \
                exactly as it was — header line, blank lines, captions, credits, links, teasers, \
                line ends, a BOM, trailing spaces — with each segment's target in place of its \
                source. What was not for translation stays as it was, unless the translator gave a \
                translation. The XLIFF alone is enough: `mekong prepare` puts the original article \
                in it (XLIFF 2 <skeleton>, XLIFF 1.2 <skl><internal-file>), so files as OmegaT writes \
                them back (its target/ folder) merge even when the articles have moved. A target \
                identical to the source is accepted and counted. -o names a folder.
                Exit status: 0 ok, 1 segments without a target (nothing written for that article; \
                --allow-untranslated keeps their source), 2 bad input.
                """)

        @Argument(help: "Translated XLIFF files.") var files: [String]
        @Option(name: .shortAndLong, help: ArgumentHelp("Output folder (default: merged).", valueName: "DIR"))
        var output: String = "merged"
        @Flag(
            name: .customLong("allow-untranslated"),
            help: "Write articles with untranslated segments (their source kept).")
        var allowUntranslated = false
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func run() throws {
            try Run.command {
                let report = try MergeJob(outputFolder: output, allowUntranslated: allowUntranslated).run(files)
                if format == .text {
                    for a in report.articles {
                        var line =
                            "\(a.file ?? a.article + ": not written"): \(a.translated) translated, \(a.identical) identical to the source"
                        if !a.untranslated.isEmpty { line += ", \(a.untranslated.count) untranslated" }
                        print(line)
                        for id in a.untranslated { print("  untranslated \(id)") }
                    }
                } else {
                    print(try JSONOutput.pretty(report), terminator: "")
                }
                Run.report(report.failures)
                return report.outcome
            }
        }
    }
}
