import ArgumentParser
import Foundation
import MekongJobs
import MekongSegmentation
import MekongText

extension Mekong {
    /// Splits news articles into sentences for translators.
    struct Segment: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split articles into sentences, tagging titles, captions, credits, links and teasers.",
            discussion: """
                Reads files, the *.txt files of a folder, or standard input. Paragraphs are \
                separated by blank lines. `text` prints one segment per line with a blank line \
                between paragraphs; segments not for translation are prefixed with their kind \
                ("[caption] Photo : VNA/CVN"). `jsonl` prints one JSON object per segment: id, \
                article, paragraph, index, kind, translate, lang, text, start, end (offsets in \
                Unicode scalars from the start of the file, a BOM not counted) and date.
                A file that cannot be read is reported (one line on stderr) and the others are \
                segmented. Exit status: 0 ok, 2 bad input or usage.
                """
        )

        @Argument(help: "Article files or folders (default: standard input).")
        var inputs: [String] = []

        @OptionGroup var language: LanguageOption

        @Flag(help: "No article structure: every paragraph is body text.")
        var plain = false

        @Option(help: "Output format: text (one segment a line; `lines` is an old name for it) or jsonl.")
        var format: OutputFormat = .text

        @Option(help: ArgumentHelp("SRX 2.0 rules file to use instead of the built-in rules.", valueName: "FILE.srx"))
        var rules: String?

        @Flag(
            help: "With --rules: also apply Mekong's abbreviation lists and initials handling before the file's rules.")
        var withAbbreviations = false

        @OptionGroup var output: FileOutputOption
        @OptionGroup var batch: BatchOptions

        func validate() throws {
            if format == .json {
                throw ValidationError("--format for segment is text or jsonl (one object per segment)")
            }
        }

        func run() throws {
            try Run.command {
                let (inputs, missing) = Run.inputs(self.inputs)
                let out = try Output(path: output.output)
                let job = SegmentJob(
                    mode: plain ? .plain : .article, language: language.language, rulesPath: rules,
                    withAbbreviations: withAbbreviations, failFast: batch.failFast)
                if batch.failFast, let first = missing.first { throw first }
                var lastParagraph = 0
                var lastArticle = ""
                var firstUnit = true
                var line: [UInt8] = []
                // Read once: each read of an option is a property-wrapper lookup (2 % of a run).
                let (format, plain) = (format, plain)
                let report = try job.run(inputs, warn: { Run.report([$0]) }) { segment in
                    line.removeAll(keepingCapacity: true)
                    switch format {
                    case .text, .json:
                        if segment.paragraph != lastParagraph || segment.article != lastArticle {
                            if !firstUnit { line.append(0x0A) }
                            firstUnit = false
                            lastParagraph = segment.paragraph
                            lastArticle = segment.article
                        }
                        if !plain && !segment.kind.isTranslatable { line += Array("[\(segment.kind.rawValue)] ".utf8) }
                        SegmentRendering.appendOneLine(segment.text, to: &line)
                    case .jsonl:
                        SegmentRendering.appendJSON(segment, to: &line)
                    }
                    line.append(0x0A)
                    try out.write(bytes: line)
                }
                let failures = missing + report.failures
                // A batch where nothing could be read does not replace the old output.
                if report.articles > 0 || failures.isEmpty { try out.finish() } else { out.abandon() }
                Run.report(failures)
                return .of(failures: failures, found: false)
            }
        }
    }
}

/// How segments are printed.
enum SegmentRendering {
    /// A segment on one line: each inner line break (and a `\r` before it) becomes a space.
    static func appendOneLine(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(0x0A) else {
                out.append(contentsOf: bytes)
                return
            }
            for (i, b) in bytes.enumerated() {
                if b == 0x0A {
                    out.append(0x20)
                    continue
                }
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { continue }
                out.append(b)
            }
        }
    }

    /// One segment as a JSON object, written directly as bytes, keys in the documented order
    /// (`JSONEncoder` on Linux emits keys in hash order unless sorted). Measured against
    /// `JSONEncoder` on the same 200,000 segments (release, best of 6 runs on this 2-core
    /// machine): this writer 0.40 s, `JSONEncoder` 0.44 s (the first version of this writer,
    /// with `Array(…utf8)` and interpolation per field, took 0.62 s).
    static func appendJSON(_ s: MekongSegmentation.Segment, to out: inout [UInt8]) {
        // The id (`article-pN-sM`) written from its parts, not made as a String per segment.
        JSONBytes.append("{\"id\":\"", to: &out)
        JSONBytes.appendEscaped(s.article, to: &out)
        JSONBytes.append("-p", to: &out)
        JSONBytes.appendInt(s.paragraph, to: &out)
        JSONBytes.append("-s", to: &out)
        JSONBytes.appendInt(s.index, to: &out)
        JSONBytes.append("\",\"article\":", to: &out)
        JSONBytes.appendQuoted(s.article, to: &out)
        JSONBytes.append(",\"paragraph\":", to: &out)
        JSONBytes.appendInt(s.paragraph, to: &out)
        JSONBytes.append(",\"index\":", to: &out)
        JSONBytes.appendInt(s.index, to: &out)
        JSONBytes.append(",\"kind\":\"", to: &out)
        out.append(contentsOf: s.kind.rawValue.utf8)
        JSONBytes.append(s.kind.isTranslatable ? "\",\"translate\":true" : "\",\"translate\":false", to: &out)
        JSONBytes.append(",\"lang\":\"", to: &out)
        out.append(contentsOf: s.language.tag.utf8)
        JSONBytes.append("\",\"text\":", to: &out)
        JSONBytes.appendQuoted(s.text, to: &out)
        JSONBytes.append(",\"start\":", to: &out)
        JSONBytes.appendInt(s.start, to: &out)
        JSONBytes.append(",\"end\":", to: &out)
        JSONBytes.appendInt(s.end, to: &out)
        if let date = s.date {
            JSONBytes.append(",\"date\":", to: &out)
            JSONBytes.appendQuoted(date, to: &out)
        }
        if let first = s.repeatOf {
            JSONBytes.append(",\"repeatOf\":", to: &out)
            JSONBytes.appendQuoted(first, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
}

/// JSON literals written as bytes (for the one hand-written JSON path above).
enum JSONBytes {
    /// Appends `s` as a JSON string literal: non-ASCII stays UTF-8; quotes, backslashes,
    /// control characters and U+2028/U+2029 are escaped (runs of plain bytes are copied at once).
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(s, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// A literal's bytes (no String made, no generic append over a `UTF8View`).
    @inline(__always)
    static func append(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends the inside of ``appendQuoted(_:to:)``'s literal: `s` escaped, without the quotes.
    static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                var j = i
                while j < n, bytes[j] >= 0x20, bytes[j] != 0x22, bytes[j] != 0x5C, bytes[j] != 0xE2 { j += 1 }
                if j > i {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                    i = j
                    if i >= n { break }
                }
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "\""): out += [0x5C, 0x22]
                case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, UInt8(ascii: "n")]
                case 0x0D: out += [0x5C, UInt8(ascii: "r")]
                case 0x09: out += [0x5C, UInt8(ascii: "t")]
                case 0..<0x20:
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hexDigit(b >> 4))
                    out.append(hexDigit(b & 0xF))
                case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    out.append(contentsOf: (bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    i += 2
                default:
                    out.append(b)
                }
                i += 1
            }
        }
    }

    /// Appends a decimal integer.
    static func appendInt(_ v: Int, to out: inout [UInt8]) {
        if v < 0 { out.append(UInt8(ascii: "-")) }
        var n = v.magnitude
        let start = out.count
        repeat {
            out.append(UInt8(0x30 + n % 10))
            n /= 10
        } while n > 0
        out[start...].reverse()
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 {
        v < 10 ? 0x30 + v : 0x61 + v - 10
    }
}
