public import ArgumentParser
import Foundation
import MekongExchange
import MekongJobs
import MekongText

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
                DIR/summary.txt. With --tm, each segment is looked up in the memories: an exact \
                match fills the target (XLIFF 2 state="translated"; 1.2 state-qualifier="exact-match", \
                or "leveraged-tm" in context), fuzzy matches at or above --fuzzy are offered as \
                candidates (XLIFF 2 mtc:match, 1.2 alt-trans; numbers that alone differ are repaired), \
                and the summary gives the analysis per article and in total: repetitions, in-context, \
                100 %, 95–99, 85–94, 75–84, no match (segments and words). -o names a folder (created if missing). An article already in a \
                target language is skipped for it, with a warning. Outputs are reproducible: no \
                clock unless SOURCE_DATE_EPOCH is set.
                Exit status: 0 ok, 1 nothing written for any article, 2 bad input.
                """
        )

        @Argument(help: "Article files or folders (standard input: give -).") var inputs: [String] = []
        @Option(help: ArgumentHelp("Target languages, comma-separated.", valueName: "vi,lo")) var to: String
        @Option(help: "XLIFF version: 2.1, 2.0 or 1.2.") var xliff: XLIFFWriter.Version = .v21
        @Option(name: .shortAndLong, help: ArgumentHelp("Output folder (default: exports).", valueName: "DIR"))
        var output: String = "exports"
        @OptionGroup var language: LanguageOption
        @Flag(name: .customLong("translatable-only"), help: "Leave captions, credits, links and teasers out.")
        var translatableOnly = false
        @Flag(name: .customLong("no-targets"), help: "XLIFF 1.2: write no <target> elements.") var noTargets = false
        @Option(
            help: ArgumentHelp(
                "A translation memory to leverage (repeatable): exact matches fill the targets, fuzzy ones are offered.",
                valueName: "FILE.tmx"))
        var tm: [String] = []
        @Option(help: ArgumentHelp("The lowest fuzzy score offered, 0–100.", valueName: "N")) var fuzzy: Double = 75
        @OptionGroup var glossary: GlossaryOptions
        @OptionGroup var batch: BatchOptions

        func validate() throws {
            if !(0...100).contains(fuzzy) { throw ValidationError("--fuzzy must be between 0 and 100") }
            guard Language.list(to) != nil else {
                throw ValidationError("--to must list fr, vi or lo, e.g. --to vi,lo")
            }
            if inputs.isEmpty && isatty(STDIN_FILENO) == 1 {
                throw ValidationError("no articles given: name files or folders (or - to read standard input)")
            }
        }

        func run() throws {
            try Run.command {
                let glossary = try glossary.location.load()
                let (inputs, missing) = Run.inputs(self.inputs.isEmpty ? ["-"] : self.inputs)
                if batch.failFast, let first = missing.first { throw first }
                var job = PrepareJob(
                    targets: Language.list(to)!, version: xliff,
                    options: .init(translatableOnly: translatableOnly, omitTargets: noTargets),
                    language: language.language, outputFolder: output, failFast: batch.failFast)
                for path in tm { try TextFile.requireFile(path) }
                job.memories = tm
                job.fuzzyThreshold = fuzzy
                let tty = isatty(STDERR_FILENO) == 1
                let report = try job.run(inputs, glossary: glossary) { n, count, input in
                    if tty {
                        FileHandle.standardError.write(Data("\r[\(n)/\(count)] \(input.articleName)\u{1B}[K".utf8))
                    }
                }
                if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                print(report.summary, terminator: "")
                let failures = missing + report.failures
                Run.report(report.warnings + failures)
                return missing.isEmpty ? report.outcome : .badInput
            }
        }
    }

    /// Validates files against the official schemas.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate XLIFF (1.2, 2.x), TMX or TBX files against their official schemas.",
            discussion: "Exit status: 0 all valid, 1 a file is not valid, 2 a file cannot be read.")

        @Argument(help: "The files.") var files: [String]
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func run() throws {
            try Run.command {
                let report = try ValidateJob().run(files)
                if format == .text {
                    for f in report.files {
                        if f.valid {
                            print("\(f.file): valid \(f.format!)")
                        } else {
                            for e in f.errors { print(e.description) }
                        }
                    }
                } else {
                    print(
                        try JSONOutput.pretty(
                            report.files.map {
                                ValidationLine(file: $0.file, format: $0.format, valid: $0.valid, errors: $0.errors)
                            }),
                        terminator: "")
                }
                Run.report(report.failures)
                return report.outcome
            }
        }

        struct ValidationLine: Encodable {
            var file: String
            var format: String?
            var valid: Bool
            var errors: [Diagnostic]
        }
    }
}
