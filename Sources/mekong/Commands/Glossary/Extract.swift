import ArgumentParser
import Foundation
import MekongGlossary
import MekongJobs
import MekongText

extension Mekong.Glossary {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find names in articles that the glossary does not know yet.",
            discussion: """
                Candidates are runs of capitalised words with their particles, names after titles \
                (the title is proposed as an office: "Président", "ministre des Affaires \
                étrangères"), places after "province de", acronyms with their expansions, long \
                institution names whole; in Vietnamese (--lang vi), runs of capitalised syllables \
                and institution names with their lower-case syllables ("Bộ Ngoại giao"). Variants \
                are grouped by a folded key. A candidate the glossary knows in another spelling is marked as a new \
                variant. --format csv writes rows `mekong glossary import` takes as they are \
                (status proposed, sources filled in). -o names a file.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        @Argument(help: "Article files or folders.") var inputs: [String] = []
        @Option(name: .customLong("min-count"), help: "Only candidates seen at least N times.") var minCount = 1
        @Option(help: "Output format: text, json or csv.") var format: Format = .text
        @Option(help: ArgumentHelp("Language of the articles: fr or vi.", valueName: "fr|vi"))
        var lang = "fr"
        @OptionGroup var output: FileOutputOption
        @OptionGroup var options: GlossaryOptions
        @OptionGroup var batch: BatchOptions

        /// The language `--lang` names, if it is one extraction knows.
        var language: Language? {
            switch Language(tag: lang) {
            case .french: return .french
            case .vietnamese: return .vietnamese
            default: return nil
            }
        }

        func validate() throws {
            if language == nil { throw ValidationError("--lang: fr or vi") }
        }

        func run() throws {
            try Run.command {
                let (inputs, missing) = Run.inputs(self.inputs)
                if batch.failFast, let first = missing.first { throw first }
                let report = try ExtractJob(minCount: minCount, failFast: batch.failFast, language: language!).run(
                    inputs, glossary: try options.location.load())
                let out = try Output(path: output.output)
                switch format {
                case .text:
                    for c in report.candidates {
                        var head = "\(c.forms[0].form)\t\(c.type.rawValue)\t\(c.count)x"
                        if c.forms.count > 1 {
                            head +=
                                "\tvariants: "
                                + c.forms.dropFirst().map { "\($0.form) (\($0.count))" }.joined(separator: ", ")
                        }
                        if let a = c.acronym { head += "\tacronym: \(a)" }
                        if let v = c.variantOf { head += "\tnew variant of \(v)" }
                        try out.write(head + "\n")
                        for ctx in c.contexts {
                            try out.write("  \(ctx.place): \(ctx.sentence.replacingOccurrences(of: "\n", with: " "))\n")
                        }
                    }
                case .json:
                    try out.write(try JSONOutput.pretty(report.candidates))
                case .csv:
                    var rows = "type,status,\(language == .vietnamese ? "vi" : "fr"),note,source\r\n"
                    for c in report.candidates where c.variantOf == nil {
                        var forms = c.forms.map(\.form)
                        if let a = c.acronym, !forms.contains(a) { forms.append(a) }
                        let note = "extracted: \(c.count) occurrence\(c.count == 1 ? "" : "s")"
                        rows +=
                            [
                                c.type.rawValue, "proposed", forms.joined(separator: " | "), note,
                                c.places.joined(separator: " | "),
                            ]
                            .map(CSVFormat.quote).joined(separator: ",") + "\r\n"
                    }
                    try out.write(rows)
                }
                try out.finish()
                let failures = missing + report.failures
                Run.report(failures)
                return .of(failures: failures, found: false)
            }
        }
    }
}
