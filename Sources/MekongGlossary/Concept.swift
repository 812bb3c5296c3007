import Foundation
public import MekongText

/// What a concept names.
public enum ConceptType: String, CaseIterable, Hashable, Sendable, Codable {
    case person, place, office, body, organization, event, other
}

/// Whether the spellings have been checked by a person who can vouch for them.
public enum ConceptStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case proposed, approved
}

/// The languages of the glossary: French, Vietnamese, Lao in Lao script, and romanised Lao.
public enum TermLanguage: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case fr, vi, lo
    case loLatn = "lo-Latn"

    /// The BCP 47 tag: `fr`, `vi`, `lo`, `lo-Latn`.
    public var tag: String { rawValue }

    /// Parses a tag as ``LanguageTag`` does (`fr-FR`, `vi_VN`, `LO`): Lao with the Latin
    /// script (`lo-Latn`) is romanised Lao.
    public init?(tag: String) {
        guard let t = LanguageTag(tag) else { return nil }
        switch t.primary {
        case "fr": self = .fr
        case "vi": self = .vi
        case "lo": self = t.script == "Latn" ? .loLatn : .lo
        default: return nil
        }
    }

    /// The language of text in this glossary language (romanised Lao is Latin-script text).
    public var textLanguage: Language? {
        switch self {
        case .fr: return .french
        case .vi: return .vietnamese
        case .lo: return .lao
        case .loLatn: return nil
        }
    }

    /// The glossary language of a text language.
    public init(_ language: Language) {
        switch language {
        case .french: self = .fr
        case .vietnamese: self = .vi
        case .lao: self = .lo
        }
    }

    /// Orders as declared: `fr` < `vi` < `lo` < `lo-Latn` (the order of the glossary's columns).
    public static func < (a: TermLanguage, b: TermLanguage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The forms of a concept in one language.
public struct Terms: Hashable, Sendable, Codable {
    /// The form to use.
    public var preferred: String?
    /// Other correct forms (a short form, another romanisation).
    public var admitted: [String]
    /// Forms that must not be used (a common misspelling).
    public var forbidden: [String]

    /// Forms as given: not normalised (``Glossary/upsert(_:)`` stores them in NFC) nor checked.
    public init(preferred: String? = nil, admitted: [String] = [], forbidden: [String] = []) {
        self.preferred = preferred
        self.admitted = admitted
        self.forbidden = forbidden
    }

    /// Whether there is no form at all.
    public var isEmpty: Bool { preferred == nil && admitted.isEmpty && forbidden.isEmpty }

    /// Every form, preferred first.
    public var all: [String] { (preferred.map { [$0] } ?? []) + admitted + forbidden }

    /// Parses the cell syntax shared by TSV and CSV: forms separated by `|`, the first preferred,
    /// the others admitted, a form prefixed with `!` forbidden: `Luang Prabang | Louang Phrabang | !Luang Phabang`.
    public init(cell: String) {
        self.init()
        guard !cell.isEmpty else { return }
        // On bytes: '|' and '!' are ASCII and never inside a multi-byte sequence.
        for (k, raw) in cell.utf8.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).enumerated() {
            var part = Substring(raw).trimmedSpaces
            if part.isEmpty { continue }
            if part.utf8.first == UInt8(ascii: "!") {
                part = part.dropFirst().trimmedSpaces
                if !part.isEmpty { forbidden.append(String(part)) }
            } else if k == 0 {
                preferred = String(part)
            } else {
                admitted.append(String(part))
            }
        }
    }

    /// The cell syntax: `preferred | admitted | !forbidden`. With admitted forms but no
    /// preferred one, the cell starts with an empty form: `| admitted`.
    public var cell: String {
        var forms: [String] = []
        if let preferred { forms.append(preferred) } else if !admitted.isEmpty { forms.append("") }
        forms += admitted
        forms += forbidden.map { "!" + $0 }
        return String(forms.joined(separator: " | ").trimmedSpaces)
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and no-break spaces (a cheap stand-in for
    /// Foundation's trimming, working on scalars).
    var trimmedSpaces: SubSequence {
        let scalars = unicodeScalars
        var lo = scalars.startIndex
        var hi = scalars.endIndex
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{00A0}" }
        while lo < hi, isSpace(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo, isSpace(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
        return self[lo..<hi]
    }
}

/// A concept: one person, place, office or body, with its names in each language.
public struct Concept: Hashable, Sendable, Codable {
    /// Stable identifier: lower-case ASCII letters, digits and hyphens, starting with a letter
    /// (so that it is also a valid XML ID for TBX).
    public var id: String
    /// What the concept names; it also decides the TSV file the concept is stored in (`person.tsv`).
    public var type: ConceptType
    /// Whether a person who can vouch for the spellings has checked them.
    public var status: ConceptStatus
    /// The forms in each language; ``normalized()`` drops the languages without any form.
    public var terms: [TermLanguage: Terms]
    /// A note for translators, empty when there is none; glossary files cannot hold tabs or line
    /// breaks in it.
    public var note: String
    /// Where the concept was seen: `seeds/000_ac40248b14b1adc8.txt:3`.
    public var sources: [String]

    /// A concept from its parts, as given: `id` is not checked (see ``isValidID(_:)``) and texts are
    /// not normalised (see ``normalized()``).
    public init(
        id: String, type: ConceptType, status: ConceptStatus = .proposed, terms: [TermLanguage: Terms] = [:],
        note: String = "", sources: [String] = []
    ) {
        self.id = id
        self.type = type
        self.status = status
        self.terms = terms
        self.note = note
        self.sources = sources
    }

    /// The preferred form in a language, if any.
    public func preferred(_ language: TermLanguage) -> String? { terms[language]?.preferred }

    /// An id made from a French name: `Điện Biên` → `dien-bien`.
    public static func slug(_ name: String) -> String {
        let key = Folding.key(name)
        var out = ""
        for s in key.unicodeScalars {
            if (0x61...0x7A).contains(s.value) || (0x30...0x39).contains(s.value) {
                out.unicodeScalars.append(s)
            } else if s == " ", !out.isEmpty, out.last != "-" {
                out += "-"
            }
        }
        while out.last == "-" { out.removeLast() }
        if out.isEmpty || !(out.first!.isLetter) { out = "c-" + out }
        return String(out.prefix(60))
    }

    /// The Vietnamese name that a form written in French text stands for, when the rules for
    /// Vietnamese names (styles: full, press, ASCII) apply to it: the form folds like the
    /// concept's Vietnamese name, which needs Vietnamese letters, and the concept is a person
    /// or its French name is the Vietnamese one ("Diên Biên"), not an exonym ("Laos" / "Lào",
    /// "Hanoï" / "Hà Nội"). The one statement of that rule in Mekong.
    /// - Parameter key: the written form's ``Folding/keyBytes(_:)``.
    public func vietnameseName(forFoldedForm key: [UInt8]) -> String? {
        guard let vi = preferred(.vi), Folding.keyBytes(vi) == key, NameStyle.looksVietnamese(vi) else { return nil }
        guard type == .person || preferred(.fr).map({ Folding.keyBytes($0) == key }) == true else { return nil }
        return vi
    }

    /// Whether `id` is well-formed.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, (0x61...0x7A).contains(first.value) else { return false }
        return id.unicodeScalars.allSatisfy {
            (0x61...0x7A).contains($0.value) || (0x30...0x39).contains($0.value) || $0 == "-"
        }
    }
}
