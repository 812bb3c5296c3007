import Foundation
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

        @Flag(help: "With --rules: also apply Mekong's abbreviation lists and initials handling before the file's rules.")
        var withAbbreviations = false

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
                let segmenter = ArticleSegmenter(mode: plain ? .plain : .article, language: lang.flatMap(Language.init(tag:)), rules: document,
                                                 withAbbreviations: withAbbreviations)
                for w in segmenter.warnings { FileHandle.standardError.write(Data("\(w)\n".utf8)) }
                segmenter.onWarning = { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
                let sink = try OutputSink(path: output)
                var firstUnit = true
                for path in try InputFiles.expand(inputs) {
                    let reader = try InputFiles.reader(path)
                    var lastParagraph = 0
                    var line: [UInt8] = []
                    try segmenter.segment(reader, article: InputFiles.articleName(path)) { segment in
                        line.removeAll(keepingCapacity: true)
                        switch format {
                        case .lines:
                            if segment.paragraph != lastParagraph {
                                if !firstUnit { line.append(0x0A) }
                                firstUnit = false
                                lastParagraph = segment.paragraph
                            }
                            if !plain && !segment.kind.isTranslatable { line += Array("[\(segment.kind.rawValue)] ".utf8) }
                            Self.appendOneLine(segment.text, to: &line)
                        case .jsonl:
                            Self.appendJSON(segment, to: &line)
                        }
                        line.append(0x0A)
                        try sink.write(bytes: line)
                    }
                }
                try sink.finish()
            }
        }

        /// A segment on one line: each inner line break (and a `\r` before it) becomes a space.
        static func appendOneLine(_ text: String, to out: inout [UInt8]) {
            var text = text
            text.withUTF8 { bytes in
                guard bytes.contains(0x0A) else { out.append(contentsOf: bytes); return }
                for (i, b) in bytes.enumerated() {
                    if b == 0x0A { out.append(0x20); continue }
                    if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { continue }
                    out.append(b)
                }
            }
        }

        static func appendJSON(_ s: MekongSegmentation.Segment, to out: inout [UInt8]) {
            out += Array("{\"id\":".utf8); JSON.appendQuoted(s.id, to: &out)
            out += Array(",\"article\":".utf8); JSON.appendQuoted(s.article, to: &out)
            out += Array(",\"paragraph\":\(s.paragraph),\"index\":\(s.index),\"kind\":\"\(s.kind.rawValue)\",\"translate\":\(s.kind.isTranslatable),\"lang\":\"\(s.language.tag)\",\"text\":".utf8)
            JSON.appendQuoted(s.text, to: &out)
            out += Array(",\"start\":\(s.start),\"end\":\(s.end)".utf8)
            if let date = s.date { out += Array(",\"date\":".utf8); JSON.appendQuoted(date, to: &out) }
            if let first = s.repeatOf { out += Array(",\"repeatOf\":".utf8); JSON.appendQuoted(first, to: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }
}
