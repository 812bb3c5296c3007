import ArgumentParser
import Foundation
import MekongGlossary
import MekongText

extension Mekong.Glossary {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge a CSV, TSV or TBX file into the glossary.",
            discussion: """
                CSV columns: id, type, status, fr, vi, lo, lo-Latn, note, source (type and fr \
                required). Rows merge by id, or by the folded French form when there is no id. \
                Nothing is imported from a file with errors.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case csv, tsv, tbx }

        @OptionGroup var options: GlossaryOptions
        @Argument(help: "The file to import.") var file: String
        @Option(help: "csv, tsv or tbx (default: from the file's extension).") var format: Format?
        @Option(name: .customLong("output-format"), help: "Report format: text or json.") var report: TextOrJSON = .text

        func run() throws {
            try CLIErrors.run {
                let ext = (file as NSString).pathExtension.lowercased()
                let fmt = format ?? Format(rawValue: ext == "tbx" ? "tbx" : ext == "tsv" || ext == "tab" ? "tsv" : "csv")!
                let rows: [CSVFormat.Row]
                switch fmt {
                case .tbx:
                    rows = try TBXFormat.read(path: file).enumerated().map { CSVFormat.Row(line: $0.offset + 1, concept: $0.element, hasID: !$0.element.id.isEmpty) }
                case .csv, .tsv:
                    guard let data = FileManager.default.contents(atPath: file) else {
                        throw GlossaryError(file: file, message: "cannot read file")
                    }
                    guard let text = String(data: data, encoding: .utf8) else { throw GlossaryError(file: file, message: "invalid UTF-8") }
                    rows = try CSVFormat.read(text, file: file, separator: fmt == .tsv ? "\t" : ",")
                }
                let result = try options.store.update { glossary in CSVFormat.merge(rows, into: &glossary) }
                if report == .json {
                    print(try ConceptRendering.json(["added": result.added, "changed": result.changed, "kept": result.kept]), terminator: "")
                } else {
                    print("added \(result.added.count), changed \(result.changed.count), kept \(result.kept.count)")
                    for id in result.added { print("  added   \(id)") }
                    for id in result.changed { print("  changed \(id)") }
                }
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the glossary as TBX (2019 or 2008), CSV, TSV or an OmegaT glossary.",
            discussion: """
                tbx: TBX-Basic (ISO 30042:2019). tbx2008: the legacy <martif> form that OmegaT, \
                Okapi and Translate Toolkit read. omegat: "source<TAB>target<TAB>comment" for one \
                pair (--pair fr-vi); name the file .txt or .utf8, as OmegaT ignores .tsv files.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case tbx, tbx2008, csv, tsv, omegat }

        @OptionGroup var options: GlossaryOptions
        @Option(help: "tbx, tbx2008, csv, tsv or omegat.") var format: Format
        @Option(help: ArgumentHelp("Language pair for omegat, e.g. fr-vi or fr-lo.", valueName: "SRC-TGT")) var pair: String = "fr-vi"
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE")) var output: String?

        func validate() throws {
            if format == .omegat, let output, output.lowercased().hasSuffix(".tsv") {
                throw ValidationError("OmegaT silently ignores .tsv glossaries: name the file .txt or .utf8")
            }
            if format == .omegat, languages == nil { throw ValidationError("--pair must be two of fr, vi, lo, lo-Latn, e.g. fr-vi") }
        }

        var languages: (TermLanguage, TermLanguage)? {
            let parts = pair.split(separator: "-", maxSplits: 1).map(String.init)
            guard parts.count == 2, let s = TermLanguage(rawValue: parts[0]) else { return nil }
            let t = TermLanguage(rawValue: parts[1]) ?? (parts[1].lowercased() == "lo-latn" ? .loLatn : nil)
            guard let t, s != t else { return nil }
            return (s, t)
        }

        func run() throws {
            try CLIErrors.run {
                let glossary = try options.store.load()
                if let output, output != "-", format == .tbx || format == .tbx2008 {
                    try TBXFormat.write(glossary, version: format == .tbx ? .v2019 : .v2008, toFile: output)
                    return
                }
                let bytes: [UInt8]
                switch format {
                case .tbx: bytes = try TBXFormat.bytes(glossary, version: .v2019)
                case .tbx2008: bytes = try TBXFormat.bytes(glossary, version: .v2008)
                case .csv: bytes = Array(CSVFormat.csv(glossary).utf8)
                case .tsv: bytes = Array(CSVFormat.tsv(glossary).utf8)
                case .omegat: bytes = Array(OmegaTGlossary.text(glossary, source: languages!.0, target: languages!.1).utf8)
                }
                let sink = try OutputSink(path: output)
                try sink.write(bytes: bytes)
                try sink.finish()
            }
        }
    }
}
