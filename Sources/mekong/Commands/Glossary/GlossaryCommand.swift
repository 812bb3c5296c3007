public import ArgumentParser
import Foundation
import MekongGlossary

extension Mekong {
    /// The trilingual glossary of names.
    struct Glossary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Keep the trilingual glossary of people, places, offices and bodies.",
            discussion: """
                The glossary is a directory of TSV files, one per concept type (person.tsv, \
                place.tsv, …), one concept per line: human-editable and diff-friendly. Forms are \
                written "preferred | admitted | !forbidden". Languages: fr, vi, lo, lo-Latn.
                """,
            subcommands: [
                Add.self, Edit.self, Remove.self, Show.self, List.self, Find.self, Lint.self, Extract.self,
                Import.self, Export.self, Stats.self, TermList.self,
            ]
        )
    }
}

/// The options that set a concept's fields (`add` and `edit`).
struct ConceptFieldOptions: ParsableArguments {
    @Option(help: "Concept type: person, place, office, body, organization, event, other.")
    var type: ConceptType?
    @Option(help: "Status: proposed or approved.")
    var status: ConceptStatus?
    @Option(help: ArgumentHelp("French forms: \"preferred | admitted | !forbidden\".", valueName: "FORMS"))
    var fr: String?
    @Option(help: ArgumentHelp("Vietnamese forms.", valueName: "FORMS"))
    var vi: String?
    @Option(help: ArgumentHelp("Lao forms (Lao script).", valueName: "FORMS"))
    var lo: String?
    @Option(name: .customLong("lo-latn"), help: ArgumentHelp("Romanised Lao forms.", valueName: "FORMS"))
    var loLatn: String?
    @Option(help: "A note (what is unverified, who checked it).")
    var note: String?
    @Option(
        help: ArgumentHelp(
            "Where the name was seen, e.g. seeds/000_ac40248b14b1adc8.txt:3 (repeatable).", valueName: "FILE:LINE"))
    var source: [String] = []

    /// Applies the options given to a concept.
    func apply(to c: inout Concept) {
        if let type { c.type = type }
        if let status { c.status = status }
        for (value, lang) in [(fr, TermLanguage.fr), (vi, .vi), (lo, .lo), (loLatn, .loLatn)] {
            guard let value else { continue }
            let t = Terms(cell: value)
            c.terms[lang] = t.isEmpty ? nil : t
        }
        if let note { c.note = note }
        if !source.isEmpty { c.sources = source }
    }

    func validateForms() throws {
        for (value, flag) in [(fr, "--fr"), (vi, "--vi"), (lo, "--lo"), (loLatn, "--lo-latn"), (note, "--note")] {
            if let value, value.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                throw ValidationError("\(flag) must not contain tabs or line breaks")
            }
        }
    }
}

extension ConceptType: ExpressibleByArgument {}
extension ConceptStatus: ExpressibleByArgument {}

/// Renders concepts for people and programs.
enum ConceptRendering {
    static func text(_ c: Concept) -> String {
        var out = "\(c.id)  \(c.type.rawValue)  \(c.status.rawValue)\n"
        for lang in TermLanguage.allCases {
            if let t = c.terms[lang] {
                out += "  " + lang.tag.padding(toLength: 8, withPad: " ", startingAt: 0) + t.cell + "\n"
            }
        }
        if !c.note.isEmpty { out += "  note    \(c.note)\n" }
        for s in c.sources { out += "  source  \(s)\n" }
        return out
    }

}

/// A concept as JSON shows it: id, type, status, note, sources, and terms by language tag.
struct ConceptJSON: Encodable {
    struct Forms: Encodable {
        var preferred: String?
        var admitted: [String]
        var forbidden: [String]
    }
    struct Match: Encodable {
        var language: String
        var form: String
        var how: String
    }
    var id: String
    var type: ConceptType
    var status: ConceptStatus
    var note: String
    var sources: [String]
    var terms: [String: Forms]
    var match: Match?

    init(_ c: Concept, match: Match? = nil) {
        id = c.id
        type = c.type
        status = c.status
        note = c.note
        sources = c.sources
        terms = Dictionary(
            uniqueKeysWithValues: c.terms.map {
                (
                    $0.key.tag,
                    Forms(preferred: $0.value.preferred, admitted: $0.value.admitted, forbidden: $0.value.forbidden)
                )
            })
        self.match = match
    }

    private enum CodingKeys: String, CodingKey { case id, type, status, note, sources, terms, match }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encode(status, forKey: .status)
        try c.encode(note, forKey: .note)
        try c.encode(sources, forKey: .sources)
        try c.encode(terms, forKey: .terms)
        try c.encodeIfPresent(match, forKey: .match)
    }
}
