public import ArgumentParser
import MekongExchange
import MekongGlossary
import MekongJobs
import MekongText

extension GlossaryImportJob.Format: ExpressibleByArgument {}

extension Mekong.Glossary {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge a CSV, TSV or TBX file into the glossary (created if missing).",
            discussion: """
                CSV columns: id, type, status, fr, vi, lo, lo-Latn, note, source (type and fr \
                required), separated by , or ; or tab (detected from the header; Excel's UTF-8 CSV \
                with a BOM and CRLF is fine). Rows merge by id, or by the folded French form when \
                there is no id, field by field: a column the file lacks, or an empty cell, changes \
                nothing (unless --clear-empty); a status is never lowered; every changed field is \
                listed. Nothing is imported from a file with errors. (--format is the old name of --from.)
                """)

        @OptionGroup var options: GlossaryOptions
        @Argument(help: "The file to import.") var file: String
        @Option(help: "The file's format: csv, tsv or tbx (default: from its extension).") var from:
            GlossaryImportJob.Format?
        @Option(name: .customLong("format"), help: .hidden) var oldFrom: GlossaryImportJob.Format?
        @Option(help: ArgumentHelp("CSV separator: , ; or tab (default: detected from the header).", valueName: "SEP"))
        var separator: String?
        @Flag(name: .customLong("clear-empty"), help: "An empty cell clears the field (default: it changes nothing).")
        var clearEmpty = false
        @Flag(name: .customLong("dry-run"), help: "Show every change, write nothing.") var dryRun = false
        @Option(name: .customLong("output-format"), help: "Report format: text or json.") var report: OutputFormat =
            .text

        func validate() throws {
            if let separator, ![",", ";", "tab", "\t"].contains(separator) {
                throw ValidationError("--separator must be , ; or tab, not '\(separator)'")
            }
        }

        func run() throws {
            try Run.command {
                let sep: Character? = separator.map { $0 == "tab" || $0 == "\t" ? "\t" : Character($0) }
                let result = try GlossaryImportJob(
                    file: file, format: from ?? oldFrom, separator: sep, clearEmpty: clearEmpty, dryRun: dryRun
                )
                .run(into: options.location)
                if report != .text {
                    print(try JSONOutput.pretty(result), terminator: "")
                } else {
                    let m = result.merge
                    if let s = result.separator { print("read as CSV separated by '\(s)'") }
                    print(
                        "\(result.dryRun ? "would add" : "added") \(m.added.count), changed \(m.changed.count), kept \(m.kept.count)"
                            + (result.dryRun ? " (dry run: nothing written)" : ""))
                    for id in m.added { print("  added   \(id)") }
                    for id in m.changed {
                        print("  changed \(id)")
                        for c in m.changes[id] ?? [] { print("    \(c)") }
                    }
                }
                return .ok
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the glossary as TBX (2019 or 2008), CSV, TSV or an OmegaT glossary.",
            discussion: """
                tbx: TBX-Basic (ISO 30042:2019). tbx2008: the legacy <martif> form that OmegaT, \
                Okapi and Translate Toolkit read. omegat: "source<TAB>target<TAB>comment" for one \
                pair (--pair fr-vi); name the file .txt or .utf8, as OmegaT ignores .tsv files. \
                -o names a file.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case tbx, tbx2008, csv, tsv, omegat }

        @OptionGroup var options: GlossaryOptions
        @Option(help: "tbx, tbx2008, csv, tsv or omegat.") var format: Format
        @Option(help: ArgumentHelp("Language pair for omegat, e.g. fr-vi or fr-lo.", valueName: "SRC-TGT")) var pair:
            String = "fr-vi"
        @OptionGroup var output: FileOutputOption

        func validate() throws {
            if format == .omegat, let o = output.output, o.lowercased().hasSuffix(".tsv") {
                throw ValidationError("OmegaT silently ignores .tsv glossaries: name the file .txt or .utf8")
            }
            if format == .omegat, languages == nil {
                throw ValidationError("--pair must be two of fr, vi, lo, lo-Latn, e.g. fr-vi")
            }
        }

        var languages: (TermLanguage, TermLanguage)? {
            guard let dash = pair.firstIndex(of: "-"), let s = TermLanguage(tag: String(pair[..<dash])),
                let t = TermLanguage(tag: String(pair[pair.index(after: dash)...])), s != t
            else { return nil }
            return (s, t)
        }

        func run() throws {
            try Run.command {
                let glossary = try options.location.load()
                let out = try Output(path: output.output)
                switch format {
                case .tbx: try out.write(bytes: try TBXFormat.bytes(glossary, version: .v2019))
                case .tbx2008: try out.write(bytes: try TBXFormat.bytes(glossary, version: .v2008))
                case .csv: try out.write(CSVFormat.csv(glossary))
                case .tsv: try out.write(CSVFormat.tsv(glossary))
                case .omegat: try out.write(OmegaTGlossary.text(glossary, source: languages!.0, target: languages!.1))
                }
                try out.finish()
                return .ok
            }
        }
    }
}
