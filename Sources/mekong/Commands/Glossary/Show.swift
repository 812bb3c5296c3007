import ArgumentParser
import MekongGlossary
import MekongJobs
import MekongText

extension Mekong.Glossary {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one concept.")

        @OptionGroup var options: GlossaryOptions
        @Argument(help: "The concept's id.") var id: String
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func run() throws {
            try Run.command {
                let location = options.location
                guard let c = try location.load()[id] else {
                    throw Diagnostic.error("no-such-concept", "no concept with id '\(id)'", file: location.directory)
                }
                print(
                    format == .text ? ConceptRendering.text(c) : try JSONOutput.pretty(ConceptJSON(c)), terminator: "")
                return .ok
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List concepts, optionally of one type or status.")

        @OptionGroup var options: GlossaryOptions
        @Option(help: "Only this type.") var type: ConceptType?
        @Option(help: "Only this status.") var status: ConceptStatus?
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func run() throws {
            try Run.command {
                let concepts = try options.location.load().concepts.filter {
                    (type == nil || $0.type == type) && (status == nil || $0.status == status)
                }
                if format != .text {
                    print(try JSONOutput.pretty(concepts.map { ConceptJSON($0) }), terminator: "")
                } else {
                    for c in concepts {
                        let names = [TermLanguage.fr, .vi, .lo].map { c.preferred($0) ?? "–" }.joined(separator: " / ")
                        print("\(c.id)\t\(c.type.rawValue)\t\(c.status.rawValue)\t\(names)")
                    }
                }
                return .ok
            }
        }
    }

    struct Find: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find concepts by any form, ignoring case and diacritics (exit 1 when none).",
            discussion: """
                "Dien Bien", "diên biên" and "Điện Biên" find the same concept; a Lao query with no \
                exact match also matches with Lao tone marks ignored. When nothing matches, the \
                nearest concepts are suggested: one letter away, or the same consonants.
                """)

        @OptionGroup var options: GlossaryOptions
        @Argument(help: "A name in any language or spelling.") var query: String
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func run() throws {
            try Run.command {
                let index = GlossaryIndex(try options.location.load())
                Lifetime.keepUntilExit(index)
                let matches = index.find(query)
                let suggestions = matches.isEmpty ? index.suggestions(for: query) : []
                if format != .text {
                    if matches.isEmpty {
                        print(
                            try JSONOutput.pretty(
                                FindResult(
                                    matches: [],
                                    suggestions: suggestions.map { m in
                                        ConceptJSON(
                                            index.glossary.concepts[m.conceptIndex],
                                            match: .init(language: m.language.tag, form: m.form, how: m.how.rawValue))
                                    })), terminator: "")
                        return .findings
                    }
                    print(
                        try JSONOutput.pretty(
                            matches.map { m in
                                ConceptJSON(
                                    index.glossary.concepts[m.conceptIndex],
                                    match: .init(language: m.language.tag, form: m.form, how: m.how.rawValue))
                            }), terminator: "")
                } else {
                    for m in matches {
                        let c = index.glossary.concepts[m.conceptIndex]
                        print("\(c.id)\t\(m.language.tag): \(m.form)\t(\(m.how.rawValue))")
                        print(ConceptRendering.text(c), terminator: "")
                    }
                    if matches.isEmpty {
                        print("no concept matches \"\(query)\"" + (suggestions.isEmpty ? "" : "; the nearest:"))
                        for m in suggestions {
                            let c = index.glossary.concepts[m.conceptIndex]
                            print("  \(c.id)\t\(m.language.tag): \(m.form)\t(\(m.how.rawValue))")
                        }
                    }
                }
                return matches.isEmpty ? .findings : .ok
            }
        }
    }

    /// `find --format json` when nothing matched.
    struct FindResult: Encodable {
        var matches: [ConceptJSON]
        var suggestions: [ConceptJSON]
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count concepts by type, status and language.")

        @OptionGroup var options: GlossaryOptions
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        struct Counts: Encodable {
            var concepts: Int
            var types: [String: Int]
            var statuses: [String: Int]
            var languages: [String: Int]
        }

        func run() throws {
            try Run.command {
                let concepts = try options.location.load().concepts
                var counts = Counts(concepts: concepts.count, types: [:], statuses: [:], languages: [:])
                for c in concepts {
                    counts.types[c.type.rawValue, default: 0] += 1
                    counts.statuses[c.status.rawValue, default: 0] += 1
                    for lang in TermLanguage.allCases where c.preferred(lang) != nil {
                        counts.languages[lang.tag, default: 0] += 1
                    }
                }
                if format != .text {
                    print(try JSONOutput.pretty(counts), terminator: "")
                    return .ok
                }
                print("\(concepts.count) concepts")
                for t in ConceptType.allCases where counts.types[t.rawValue] != nil {
                    print("  \(t.rawValue): \(counts.types[t.rawValue]!)")
                }
                print(
                    "status: "
                        + ConceptStatus.allCases.map { "\($0.rawValue) \(counts.statuses[$0.rawValue] ?? 0)" }.joined(
                            separator: ", "))
                print(
                    "with a preferred form: "
                        + TermLanguage.allCases.map { "\($0.tag) \(counts.languages[$0.tag] ?? 0)" }.joined(
                            separator: ", "))
                return .ok
            }
        }
    }
}
