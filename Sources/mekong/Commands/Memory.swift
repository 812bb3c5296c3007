import ArgumentParser
import Foundation
import MekongExchange
import MekongText

extension Mekong {
    /// Translation memory tools.
    struct Memory: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tm",
            abstract: "Look things up in translation memories (TMX): fuzzy matches, concordance, statistics.",
            subcommands: [Lookup.self, Concordance.self, Stats.self])

        /// `--tm FILE…`, `--from`, `--to`.
        struct MemoryOptions: ParsableArguments {
            @Option(help: ArgumentHelp("A TMX memory (repeatable).", valueName: "FILE.tmx")) var tm: [String]
            @Option(help: ArgumentHelp("Source language.", valueName: "fr")) var from: String = "fr"
            @Option(help: ArgumentHelp("Target language.", valueName: "vi")) var to: String = "vi"

            func validate() throws {
                if tm.isEmpty { throw ValidationError("--tm names at least one memory") }
                if LanguageTag(from) == nil || LanguageTag(to) == nil {
                    throw ValidationError("--from and --to must be language tags such as fr, vi, lo")
                }
            }

            func index() throws -> MemoryIndex {
                for path in tm { try TextFile.requireFile(path) }
                let index = try MemoryIndex(paths: tm, source: from, target: to)
                Lifetime.keepUntilExit(index)
                return index
            }
        }

        struct MatchLine: Encodable {
            var score: Double
            var inContext: Bool
            var repaired: Bool
            var source: String
            var target: String
            var origin: String
            var id: String?
        }

        struct Lookup: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "The best fuzzy matches of a sentence, with their scores (exit 1 when none).")
            @Argument(help: "The sentence.") var sentence: String
            @OptionGroup var options: MemoryOptions
            @Option(help: "The lowest score shown.") var threshold: Double = 50
            @Option(help: "How many matches at most.") var limit = 5
            @Option(help: "Output format: text or json.") var format: OutputFormat = .text

            func run() throws {
                try Run.command {
                    let index = try options.index()
                    let matches = index.matches(for: sentence, threshold: threshold, limit: limit).map { m in
                        MatchLine(
                            score: (m.score * 10).rounded() / 10, inContext: m.inContext, repaired: m.repaired,
                            source: index.units[m.unit].source, target: m.target, origin: index.units[m.unit].origin,
                            id: index.units[m.unit].id)
                    }
                    if format != .text {
                        print(try JSONOutput.pretty(matches), terminator: "")
                    } else if matches.isEmpty {
                        print("no match at or above \(Int(threshold)) %")
                    } else {
                        for m in matches {
                            print(
                                "\(m.score) %\(m.repaired ? " (numbers repaired)" : "")\t\(m.origin)\(m.id.map { "#" + $0 } ?? "")"
                            )
                            print("  \(m.source)\n  \(m.target)")
                        }
                    }
                    return matches.isEmpty ? .findings : .ok
                }
            }
        }

        struct Concordance: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract:
                    "Every unit whose source contains these words (case and diacritics ignored; exit 1 when none).")
            @Argument(help: "The words.") var words: String
            @OptionGroup var options: MemoryOptions
            @Option(help: "How many units at most.") var limit = 50
            @Option(help: "Output format: text or json.") var format: OutputFormat = .text

            func run() throws {
                try Run.command {
                    let index = try options.index()
                    let found = index.concordance(words, limit: limit).map { i in
                        MatchLine(
                            score: 0, inContext: false, repaired: false, source: index.units[i].source,
                            target: index.units[i].target,
                            origin: index.units[i].origin, id: index.units[i].id)
                    }
                    if format != .text {
                        print(try JSONOutput.pretty(found), terminator: "")
                    } else {
                        for u in found {
                            print("\(u.origin)\(u.id.map { "#" + $0 } ?? "")\n  \(u.source)\n  \(u.target)")
                        }
                        if found.isEmpty { print("no unit contains \"\(words)\"") }
                    }
                    return found.isEmpty ? .findings : .ok
                }
            }
        }

        struct Stats: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Units, words and files of the memories for a language pair.")
            @OptionGroup var options: MemoryOptions
            @Option(help: "Output format: text or json.") var format: OutputFormat = .text

            struct Counts: Encodable {
                var units: Int
                var sourceWords: Int
                var targetWords: Int
                var byFile: [String: Int]
            }

            func run() throws {
                try Run.command {
                    let index = try options.index()
                    var counts = Counts(units: index.units.count, sourceWords: 0, targetWords: 0, byFile: [:])
                    for u in index.units {
                        counts.sourceWords += u.source.utf8.split(separator: 0x20).count  // bytes: a million units
                        counts.targetWords += u.target.utf8.split(separator: 0x20).count
                        counts.byFile[u.origin, default: 0] += 1
                    }
                    if format != .text {
                        print(try JSONOutput.pretty(counts), terminator: "")
                    } else {
                        print(
                            "\(counts.units) units \(options.from) → \(options.to), \(counts.sourceWords) source words, \(counts.targetWords) target words"
                        )
                        for (f, n) in counts.byFile.sorted(by: { $0.key < $1.key }) { print("  \(f): \(n)") }
                    }
                    return .ok
                }
            }
        }
    }
}
