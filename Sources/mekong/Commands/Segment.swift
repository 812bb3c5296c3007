import ArgumentParser
import MekongSegmentation
import MekongText

extension Mekong {
    /// Splits news articles into sentences for translators.
    struct Segment: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split articles into sentences, tagging titles, captions, credits, links and teasers.",
            discussion: """
                Reads files, the *.txt files of a directory, or standard input. Paragraphs are \
                separated by blank lines. `lines` prints one segment per line with a blank line \
                between paragraphs; segments not for translation are prefixed with their kind \
                ("[caption] Photo : VNA/CVN"). `jsonl` prints one JSON object per segment: id, \
                article, paragraph, index, kind, translate, lang, text, start, end (offsets in \
                Unicode scalars from the start of the file, a BOM not counted) and date.
                Exit status: 0 ok, 2 bad input or usage.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case lines, jsonl }

        @Argument(help: "Article files or directories (default: standard input).")
        var inputs: [String] = []

        @Option(help: ArgumentHelp("Language: fr, vi or lo (default: guessed per article from its letters).", valueName: "fr|vi|lo"))
        var lang: String?

        @Flag(help: "No article structure: every paragraph is body text.")
        var plain = false

        @Option(help: "Output format: lines or jsonl.")
        var format: Format = .lines

        @Option(help: ArgumentHelp("SRX 2.0 rules file to use instead of the built-in rules.", valueName: "FILE.srx"))
        var rules: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE"))
        var output: String?

        func validate() throws {
            if let lang, Language(tag: lang) == nil {
                throw ValidationError("--lang must be fr, vi or lo, not '\(lang)'")
            }
        }

        func run() throws {
            try CLIErrors.run {
                let document = try rules.map { try SRXDocument.load(path: $0) }
                let segmenter = ArticleSegmenter(mode: plain ? .plain : .article, language: lang.flatMap(Language.init(tag:)), rules: document)
                let sink = try OutputSink(path: output)
                var firstUnit = true
                for path in try InputFiles.expand(inputs) {
                    let reader = try InputFiles.reader(path)
                    var lastParagraph = 0
                    try segmenter.segment(reader, article: InputFiles.articleName(path)) { segment in
                        switch format {
                        case .lines:
                            if segment.paragraph != lastParagraph {
                                if !firstUnit { try sink.write("\n") }
                                firstUnit = false
                                lastParagraph = segment.paragraph
                            }
                            let prefix = plain || segment.kind.isTranslatable ? "" : "[\(segment.kind.rawValue)] "
                            try sink.write(prefix + Self.oneLine(segment.text) + "\n")
                        case .jsonl:
                            try sink.write(Self.json(segment) + "\n")
                        }
                    }
                }
                try sink.finish()
            }
        }

        /// A segment on one line: inner line breaks become spaces.
        static func oneLine(_ text: String) -> String {
            guard text.utf8.contains(0x0A) else { return text }
            return text.split(separator: "\n", omittingEmptySubsequences: true)
                .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
                .joined(separator: " ")
        }

        static func json(_ s: MekongSegmentation.Segment) -> String {
            var out = "{\"id\":\(JSON.quote(s.id)),\"article\":\(JSON.quote(s.article)),\"paragraph\":\(s.paragraph),"
            out += "\"index\":\(s.index),\"kind\":\"\(s.kind.rawValue)\",\"translate\":\(s.kind.isTranslatable),"
            out += "\"lang\":\"\(s.language.tag)\",\"text\":\(JSON.quote(s.text)),\"start\":\(s.start),\"end\":\(s.end)"
            if let date = s.date { out += ",\"date\":\(JSON.quote(date))" }
            return out + "}"
        }
    }
}
