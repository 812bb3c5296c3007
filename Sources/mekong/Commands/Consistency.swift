import ArgumentParser
import Foundation
import MekongChecks
import MekongGlossary
import MekongTerminology
import MekongText

extension Mekong {
    struct Consistency: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Across a corpus: names written several ways, near-identical unknown names, stutters, style mix per article.")

        @Argument(help: "Article files or directories.") var inputs: [String] = []
        @Option(help: "Output format: text or json.") var format: TextOrJSON = .text
        @OptionGroup var glossary: GlossaryOptions

        func run() throws {
            try CLIErrors.run {
                let analyzer = ConsistencyAnalyzer(glossary: try glossary.store.load())
                for path in try InputFiles.expand(inputs) {
                    let reader = try InputFiles.reader(path)
                    while let l = try reader.next() { analyzer.add(line: String(decoding: l.bytes, as: UTF8.self), number: l.number, file: path) }
                }
                let r = analyzer.report()
                if format == .json {
                    let object: [String: Any] = [
                        "known": r.known.map { ["concept": $0.concept, "forms": $0.forms.map { ["form": $0.form, "count": $0.count, "places": $0.places] }] },
                        "unknown": r.unknown.map { ["a": $0.a, "b": $0.b, "why": $0.why, "counts": [$0.counts.0, $0.counts.1]] },
                        "stutters": r.stutters.map { ["form": $0.form, "count": $0.count, "places": $0.places] },
                        "styleMix": r.styleMix.map { ["file": $0.file, "counts": Dictionary(uniqueKeysWithValues: $0.counts.map { ($0.key.rawValue, $0.value) })] },
                    ]
                    print(try ConceptRendering.json(object), terminator: "")
                    return
                }
                print("Known names written in several ways: \(r.known.count)")
                for k in r.known {
                    print("  \(k.concept): " + k.forms.map { "\($0.form) ×\($0.count) (\($0.places.prefix(2).joined(separator: ", ")))" }.joined(separator: "; "))
                }
                print("Unknown names that differ by diacritics or one letter: \(r.unknown.count)")
                for u in r.unknown { print("  \(u.a) ×\(u.counts.0) / \(u.b) ×\(u.counts.1) (\(u.why))") }
                print("Stuttered names: \(r.stutters.count)")
                for s in r.stutters { print("  \(s.form) ×\(s.count) (\(s.places.prefix(3).joined(separator: ", ")))") }
                print("Articles mixing name styles: \(r.styleMix.count)")
                for m in r.styleMix {
                    print("  \(m.file): " + NameStyle.allCases.compactMap { s in m.counts[s].map { "\(s.rawValue) \($0)" } }.joined(separator: ", "))
                }
            }
        }
    }
}
