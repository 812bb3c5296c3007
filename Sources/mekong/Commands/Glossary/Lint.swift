import ArgumentParser
import MekongGlossary
import MekongJobs

extension Mekong.Glossary {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the glossary (exit 1 when anything is found).",
            discussion: """
                Finds: two concepts with the same folded form; decomposed (NFD) text; look-alike \
                code points (Ð U+00D0 for Đ, Cyrillic or Greek letters in Latin words, Thai in Lao); \
                a variant that is another concept's preferred form; malformed Lao (ຫນ/ຫມ for ໜ/ໝ, \
                ໍ+າ for ຳ, a tone mark before a vowel sign); an approved concept lacking fr, vi or lo.
                """)

        @OptionGroup var options: GlossaryOptions
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func run() throws {
            try Run.command {
                let findings = GlossaryLint.run(try options.location.load())
                if format != .text {
                    print(try JSONOutput.pretty(findings), terminator: "")
                } else {
                    for f in findings { print(f.description) }
                }
                return findings.isEmpty ? .ok : .findings
            }
        }
    }
}
