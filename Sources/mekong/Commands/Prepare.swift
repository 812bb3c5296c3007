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
                DIR/summary.txt. -o names a folder (created if missing). An article already in a \
                target language is skipped for it, with a warning. Outputs are reproducible: no \
                clock unless SOURCE_DATE_EPOCH is set.
                Exit status: 0 ok, 1 nothing written for any article, 2 bad input.
                """
        )

        @Argument(help: "Article files or folders (standard input: give -).") var inputs: [String] = []
        @Option(help: ArgumentHelp("Target languages, comma-separated.", valueName: "vi,lo")) var to: String
        @Option(help: "XLIFF version: 2.1, 2.0 or 1.2.") var xliff: XLIFFWriter.Version = .v21
        @Option(name: .shortAndLong, help: ArgumentHelp("Output folder (default: exports).", valueName: "DIR")) var output: String = "exports"
        @OptionGroup var language: LanguageOption
        @Flag(name: .customLong("translatable-only"), help: "Leave captions, credits, links and teasers out.") var translatableOnly = false
        @Flag(name: .customLong("no-targets"), help: "XLIFF 1.2: write no <target> elements.") var noTargets = false
        @OptionGroup var glossary: GlossaryOptions
        @OptionGroup var batch: BatchOptions

        func validate() throws {
            guard Language.list(to) != nil else { throw ValidationError("--to must list fr, vi or lo, e.g. --to vi,lo") }
            if inputs.isEmpty && isatty(STDIN_FILENO) == 1 {
                throw ValidationError("no articles given: name files or folders (or - to read standard input)")
            }
        }

        func run() throws {
            try Run.command {
                let glossary = try glossary.location.load()
                let (inputs, missing) = Run.inputs(self.inputs.isEmpty ? ["-"] : self.inputs)
                if batch.failFast, let first = missing.first { throw first }
                let job = PrepareJob(targets: Language.list(to)!, version: xliff,
                                     options: .init(translatableOnly: translatableOnly, omitTargets: noTargets),
                                     language: language.language, outputFolder: output, failFast: batch.failFast)
                let tty = isatty(STDERR_FILENO) == 1
                let report = try job.run(inputs, glossary: glossary) { n, count, input in
                    if tty { FileHandle.standardError.write(Data("\r[\(n)/\(count)] \(input.articleName)\u{1B}[K".utf8)) }
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
                        if f.valid { print("\(f.file): valid \(f.format!)") } else { for e in f.errors { print(e.description) } }
                    }
                } else {
                    print(try JSONOutput.pretty(report.files.map { ValidationLine(file: $0.file, format: $0.format, valid: $0.valid, errors: $0.errors) }),
                          terminator: "")
                }
                Run.report(report.failures)
                return report.outcome
            }
        }

        struct ValidationLine: Encodable { var file: String; var format: String?; var valid: Bool; var errors: [Diagnostic] }
    }
}
