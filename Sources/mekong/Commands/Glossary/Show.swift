import ArgumentParser
import MekongGlossary

extension Mekong.Glossary {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one concept.")

        @OptionGroup var options: GlossaryOptions
        @Argument(help: "The concept's id.") var id: String
        @Option(help: "Output format: text or json.") var format: TextOrJSON = .text

        func run() throws {
            try CLIErrors.run {
                guard let c = try options.store.load()[id] else {
                    throw GlossaryError(file: options.glossary, message: "no concept with id '\(id)'")
                }
                print(format == .json ? try ConceptRendering.json(ConceptRendering.object(c)) : ConceptRendering.text(c), terminator: "")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List concepts, optionally of one type or status.")

        @OptionGroup var options: GlossaryOptions
        @Option(help: "Only this type.") var type: ConceptType?
        @Option(help: "Only this status.") var status: ConceptStatus?
        @Option(help: "Output format: text or json.") var format: TextOrJSON = .text

        func run() throws {
            try CLIErrors.run {
                let concepts = try options.store.load().concepts.filter {
                    (type == nil || $0.type == type) && (status == nil || $0.status == status)
                }
                if format == .json {
                    print(try ConceptRendering.json(concepts.map(ConceptRendering.object)), terminator: "")
                } else {
                    for c in concepts {
                        let names = [TermLanguage.fr, .vi, .lo].map { c.preferred($0) ?? "–" }.joined(separator: " / ")
                        print("\(c.id)\t\(c.type.rawValue)\t\(c.status.rawValue)\t\(names)")
                    }
                }
            }
        }
    }

    struct Find: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find concepts by any form, ignoring case and diacritics (exit 1 when none).",
            discussion: "\"Dien Bien\", \"diên biên\" and \"Điện Biên\" find the same concept; a Lao query with no exact match also matches with Lao tone marks ignored.")

        @OptionGroup var options: GlossaryOptions
        @Argument(help: "A name in any language or spelling.") var query: String
        @Option(help: "Output format: text or json.") var format: TextOrJSON = .text

        func run() throws {
            try CLIErrors.run {
                let index = GlossaryIndex(try options.store.load())
                let matches = index.find(query)
                if format == .json {
                    print(try ConceptRendering.json(matches.map { m -> [String: Any] in
                        var o = ConceptRendering.object(index.glossary.concepts[m.conceptIndex])
                        o["match"] = ["language": m.language.tag, "form": m.form, "how": m.how.rawValue]
                        return o
                    }), terminator: "")
                } else {
                    for m in matches {
                        let c = index.glossary.concepts[m.conceptIndex]
                        print("\(c.id)\t\(m.language.tag): \(m.form)\t(\(m.how.rawValue))")
                        print(ConceptRendering.text(c), terminator: "")
                    }
                }
                if matches.isEmpty { throw ExitCode(1) }
            }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count concepts by type, status and language.")

        @OptionGroup var options: GlossaryOptions
        @Option(help: "Output format: text or json.") var format: TextOrJSON = .text

        func run() throws {
            try CLIErrors.run {
                let concepts = try options.store.load().concepts
                var byType: [String: Int] = [:], byStatus: [String: Int] = [:], byLanguage: [String: Int] = [:]
                for c in concepts {
                    byType[c.type.rawValue, default: 0] += 1
                    byStatus[c.status.rawValue, default: 0] += 1
                    for lang in TermLanguage.allCases where c.preferred(lang) != nil { byLanguage[lang.tag, default: 0] += 1 }
                }
                if format == .json {
                    print(try ConceptRendering.json(["concepts": concepts.count, "types": byType, "statuses": byStatus, "languages": byLanguage]), terminator: "")
                    return
                }
                print("\(concepts.count) concepts")
                for t in ConceptType.allCases where byType[t.rawValue] != nil { print("  \(t.rawValue): \(byType[t.rawValue]!)") }
                print("status: " + ConceptStatus.allCases.map { "\($0.rawValue) \(byStatus[$0.rawValue] ?? 0)" }.joined(separator: ", "))
                print("with a preferred form: " + TermLanguage.allCases.map { "\($0.tag) \(byLanguage[$0.tag] ?? 0)" }.joined(separator: ", "))
            }
        }
    }
}
