import ArgumentParser
import Foundation
import MekongGlossary
import MekongJobs
import MekongText

extension Mekong.Glossary {
    struct TermList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "terms",
            abstract: "List the glossary names a sentence contains, with their forms in every language.",
            discussion: """
                Reads the text from the arguments, or standard input when none is given. Each name \
                found (whatever its diacritics) is printed with its concept and its preferred forms: \
                `Trấn Quốc Cường  tran-quoc-cuong (person, proposed)  fr: Trân Quôc Cuong  vi: Trần \
                Quốc Cường`. Exit status: 0 names found, 1 none, 2 bad input.
                """)

        @Argument(help: "The text (default: standard input).") var text: [String] = []
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text
        @OptionGroup var options: GlossaryOptions

        func run() throws {
            try Run.command {
                let input: String
                if text.isEmpty {
                    let bytes = try TextFile.standardInput()
                    input = String(decoding: bytes, as: UTF8.self)
                } else {
                    input = text.joined(separator: " ")
                }
                let terms = TermsJob().run(input, glossary: try options.location.load())
                if format != .text {
                    print(try JSONOutput.pretty(terms), terminator: "")
                } else if terms.isEmpty {
                    print("no glossary name in this text")
                } else {
                    for t in terms {
                        let forms = ["fr", "vi", "lo", "lo-Latn"].compactMap { l in t.forms[l].map { "\(l): \($0)" } }
                            .joined(separator: "  ")
                        print("\(t.text)\t\(t.concept) (\(t.type.rawValue), \(t.status.rawValue))\t\(forms)")
                    }
                }
                return terms.isEmpty ? .findings : .ok
            }
        }
    }
}
