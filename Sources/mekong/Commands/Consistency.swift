import ArgumentParser
import MekongGlossary
import MekongJobs
import MekongText

extension Mekong {
    struct Consistency: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Across a corpus: names written several ways, near-identical unknown names, stutters, style mix per article."
        )

        @Argument(help: "Article files or folders.") var inputs: [String] = []
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text
        @OptionGroup var glossary: GlossaryOptions
        @OptionGroup var batch: BatchOptions

        func run() throws {
            try Run.command {
                let (inputs, missing) = Run.inputs(self.inputs)
                if batch.failFast, let first = missing.first { throw first }
                let r = try ConsistencyJob(failFast: batch.failFast).run(inputs, glossary: try glossary.location.load())
                if format != .text {
                    print(try JSONOutput.pretty(r), terminator: "")
                } else {
                    print("Known names written in several ways: \(r.known.count)")
                    for k in r.known {
                        print(
                            "  \(k.concept): "
                                + k.forms.map {
                                    "\($0.form) ×\($0.count) (\($0.places.prefix(2).joined(separator: ", ")))"
                                }.joined(separator: "; "))
                    }
                    print("Unknown names that differ by diacritics or one letter: \(r.unknown.count)")
                    for u in r.unknown { print("  \(u.a) ×\(u.counts[0]) / \(u.b) ×\(u.counts[1]) (\(u.why))") }
                    print("Stuttered names: \(r.stutters.count)")
                    for s in r.stutters {
                        print("  \(s.form) ×\(s.count) (\(s.places.prefix(3).joined(separator: ", ")))")
                    }
                    print("Articles mixing name styles: \(r.styleMix.count)")
                    for m in r.styleMix {
                        print(
                            "  \(m.file): "
                                + NameStyle.allCases.compactMap { s in
                                    m.counts[s.rawValue].map { "\(s.rawValue) \($0)" }
                                }.joined(separator: ", "))
                    }
                }
                let failures = missing + r.failures
                Run.report(failures)
                return .of(failures: failures, found: false)
            }
        }
    }
}
