import ArgumentParser
import Foundation
import MekongGlossary
import MekongSegmentation
import MekongTerminology
import MekongText

extension Mekong.Glossary {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find names in articles that the glossary does not know yet.",
            discussion: """
                Candidates are runs of capitalised words with their particles, names after titles, \
                places after "province de", acronyms with their expansions; variants are grouped by \
                a folded key. A candidate the glossary knows in another spelling is marked as a new \
                variant. --format csv writes rows `mekong glossary import` takes as they are \
                (status proposed, sources filled in).
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        @Argument(help: "Article files or directories.") var inputs: [String] = []
        @Option(name: .customLong("min-count"), help: "Only candidates seen at least N times.") var minCount = 1
        @Option(help: "Output format: text, json or csv.") var format: Format = .text
        @Option(help: ArgumentHelp("Language of the articles (only fr is supported for now).", valueName: "fr")) var lang = "fr"
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE")) var output: String?
        @OptionGroup var options: GlossaryOptions

        func validate() throws {
            if lang != "fr" { throw ValidationError("--lang: only fr is supported for now") }
        }

        func run() throws {
            try CLIErrors.run {
                let extractor = CandidateExtractor(glossary: try options.store.load())
                let segmenter = ArticleSegmenter(mode: .article, language: .french)
                for path in try InputFiles.expand(inputs) {
                    let reader = try InputFiles.reader(path)
                    // Sources point at lines: map a segment's scalar offset back to its line.
                    var lineStarts: [Int] = []
                    var lines: [LineReader.Line] = []
                    while let l = try reader.next() { lineStarts.append(l.scalarOffset); lines.append(l) }
                    let again = try InputFiles.reader(path)
                    try segmenter.segment(again, article: InputFiles.articleName(path)) { s in
                        guard s.kind != .credit else { return }
                        let line = (lineStarts.lastIndex { $0 <= s.start } ?? 0) + 1
                        extractor.add(sentence: s.text, place: "\(path):\(line)")
                    }
                }
                let candidates = extractor.candidates(minCount: minCount)
                let sink = try OutputSink(path: output)
                switch format {
                case .text:
                    for c in candidates {
                        var head = "\(c.variants[0].form)\t\(c.type.rawValue)\t\(c.count)x"
                        if c.variants.count > 1 { head += "\tvariants: " + c.variants.dropFirst().map { "\($0.form) (\($0.count))" }.joined(separator: ", ") }
                        if let a = c.acronym { head += "\tacronym: \(a)" }
                        if let v = c.variantOf { head += "\tnew variant of \(v)" }
                        try sink.write(head + "\n")
                        for (place, sentence) in c.contexts { try sink.write("  \(place): \(sentence.replacingOccurrences(of: "\n", with: " "))\n") }
                    }
                case .json:
                    let objects: [[String: Any]] = candidates.map { c in
                        ["key": c.key, "forms": c.variants.map { ["form": $0.form, "count": $0.count] }, "count": c.count,
                         "type": c.type.rawValue, "acronym": c.acronym as Any? ?? NSNull(), "variantOf": c.variantOf as Any? ?? NSNull(),
                         "contexts": c.contexts.map { ["place": $0.place, "sentence": $0.sentence] }]
                    }
                    try sink.write(try ConceptRendering.json(objects))
                case .csv:
                    var rows = "type,status,fr,note,source\r\n"
                    for c in candidates where c.variantOf == nil {
                        var forms = c.variants.map(\.form)
                        if let a = c.acronym, !forms.contains(a) { forms.append(a) }
                        let note = "extracted: \(c.count) occurrence\(c.count == 1 ? "" : "s")"
                        rows += [c.type.rawValue, "proposed", forms.joined(separator: " | "), note, c.places.joined(separator: " | ")]
                            .map(CSVFormat.quote).joined(separator: ",") + "\r\n"
                    }
                    try sink.write(rows)
                }
                try sink.finish()
            }
        }
    }
}
