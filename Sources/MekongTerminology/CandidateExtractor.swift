import Foundation
public import MekongGlossary
import MekongText

/// A name the corpus uses that the glossary may not know yet.
public struct Candidate: Sendable {
    /// The folded key grouping the variants ("dien bien" for "Diên Biên" and "Dien Bien").
    public var key: String
    /// Surface forms and how often each occurs, most frequent first.
    public var variants: [(form: String, count: Int)]
    /// How many times the name occurs, all variants together.
    public var count: Int
    /// The type guessed most often for its occurrences.
    public var type: ConceptType
    /// An acronym given in parentheses after the name ("PPRL").
    public var acronym: String?
    /// Up to three places: `file:line` and the sentence.
    public var contexts: [(place: String, sentence: String)]
    /// The first 20 distinct places, for the CSV `source` column (`file:line`).
    public var places: [String]
    /// The glossary concept this is a new variant of, when the key is known but the form is not.
    public var variantOf: String?
}

/// Finds candidate names in French news text, streaming: only the candidate table grows.
///
/// Rules (each generalises over news French, none is about the seed articles):
/// - runs of capitalised words joined by particles (de, du, des, d’, la, le, l’, et): "Comité du
///   Parti de Diên Biên"; after an institution word (Académie, Commission, Institut…) a few
///   lower-case words may follow when a capitalised one closes the run: "Académie des sciences
///   sociales du Yunnan";
/// - a sentence's first word counts only if the run goes on ("Le", "Lors", "Photo" do not);
/// - stop words that are capitalised for other reasons (months, days, "Photo", "Voir"…);
/// - a run followed by an acronym in parentheses whose letters match the run's initials gives
///   the concept and its acronym: "Parti populaire révolutionnaire lao (PPRL)";
/// - the type is guessed from the head word (Comité → body, Ministère → body, Agence →
///   organization), the words before (a title → person; "province de", "ville de" → place).
public final class CandidateExtractor {
    private var table: [String: Entry] = [:]
    private let index: GlossaryIndex?

    private struct Entry {
        var forms: [String: Int] = [:]
        var count = 0
        var types: [ConceptType: Int] = [:]
        var acronym: String?
        var contexts: [(String, String)] = []
        var places: [String] = []
    }

    /// - Parameter glossary: known concepts; a candidate equal to a known form is not proposed.
    public init(glossary: Glossary?) {
        index = glossary.map(GlossaryIndex.init)
    }

    /// Reads one sentence (a segment) from `place` (`file:line`).
    public func add(sentence: String, place: String) {
        let tokens = Self.tokenize(sentence)
        var i = 0
        while i < tokens.count {
            let head = tokens[i]
            let lowercaseHead = Self.lowercaseHeads.contains(head.text)
            guard (head.isCapitalised && !Self.stopWords.contains(head.text)) || lowercaseHead else {
                i += 1
                continue
            }
            // Extend the run: capitalised words and particles; "et" and a few lower-case words
            // only inside an institution's name ("ministère de l’Information et des
            // Communications", "Académie des sciences sociales du Yunnan").
            let institution = lowercaseHead || Self.institutions.contains(head.text)
            var end = i + 1
            var lastCapital = lowercaseHead ? -1 : i
            var lowercaseRun = 0
            while end < tokens.count, !tokens[end].isPunctuation {
                let t = tokens[end]
                let previous = tokens[end - 1]
                if t.isCapitalised && !Self.articles.contains(t.text) {
                    // A name right after a field noun starts a new run: "… des Communications Truong Minh Tuan".
                    if previous.isCapitalised && Self.fieldNouns.contains(previous.text)
                        && !Self.fieldNouns.contains(t.text)
                    {
                        break
                    }
                    lastCapital = end
                    lowercaseRun = 0
                } else if t.text == "et" || t.text == "ou" {
                    // Only to join two capitalised parts of one institution's name.
                    guard institution else { break }
                    var k = end + 1
                    while k < tokens.count, Self.particles.contains(tokens[k].text.lowercased()) { k += 1 }
                    guard k < tokens.count, tokens[k].isCapitalised else { break }
                } else if Self.particles.contains(t.text.lowercased()) {
                } else if institution, lowercaseRun < 3, t.isLetters, !t.isCapitalised {
                    lowercaseRun += 1
                } else {
                    break
                }
                end += 1
            }
            guard lastCapital >= i || lowercaseHead else {
                i += 1
                continue
            }
            // "Parti populaire révolutionnaire lao (PPRL)": lower-case words end the name when the
            // acronym after them spells the initials of the whole run.
            if end + 2 < tokens.count, tokens[end].text == "(", tokens[end + 2].text == ")", tokens[end + 1].isAcronym {
                if Self.initialsMatch(Array(tokens[i..<end]), tokens[end + 1].text) {
                    lastCapital = end - 1
                } else if let j = (i + 1..<end).first(where: {
                    tokens[$0].isCapitalised && Self.initialsMatch(Array(tokens[$0..<end]), tokens[end + 1].text)
                }) {
                    // The acronym spells a tail of the run ("Comité central du [Parti populaire
                    // révolutionnaire lao] (PPRL)"): that tail is a name of its own.
                    let tail = Array(tokens[j..<end])
                    record(
                        Self.join(tail), type: Self.guessType(tail, before: []), acronym: tokens[end + 1].text,
                        sentence: sentence, place: place)
                }
            }
            guard lastCapital >= i else {
                i += 1
                continue
            }
            let run = Array(tokens[i...lastCapital])
            let sentenceInitial = i == 0 || tokens[i - 1].text == "«" || tokens[i - 1].text == "\""
            i = lastCapital + 1
            if run.count == 1
                && (sentenceInitial || Self.commonCapitalised.contains(run[0].text)
                    || Self.institutions.contains(run[0].text)
                    || Self.fieldNouns.contains(run[0].text))
            {
                continue
            }
            let text = Self.join(run)
            guard text.unicodeScalars.count >= 2 else { continue }
            // An acronym in parentheses right after: "(PPRL)".
            var acronym: String?
            if i + 2 < tokens.count, tokens[i].text == "(", tokens[i + 2].text == ")", tokens[i + 1].isAcronym {
                acronym = tokens[i + 1].text
            }
            let before = Array(tokens[..<max(0, i - run.count)].suffix(4))
            record(text, type: Self.guessType(run, before: before), acronym: acronym, sentence: sentence, place: place)
            if let acronym, !Self.stopWords.contains(acronym) {
                record(
                    acronym, type: Self.guessType(run, before: []), acronym: nil, sentence: sentence, place: place,
                    expansion: text)
            }
        }
        // Acronyms on their own ("VCCI", "TIC"), Lao script, and lower-case Vietnamese words.
        for t in tokens
        where (t.isAcronym && t.text.count >= 3 && !Self.stopWords.contains(t.text)) || t.isLao
            || (!t.isCapitalised && t.text.unicodeScalars.contains { Language.isVietnameseOnly($0.value) })
        {
            if t.isAcronym, table[Folding.key(t.text)] != nil { continue }
            record(t.text, type: t.isAcronym ? .organization : .other, acronym: nil, sentence: sentence, place: place)
        }
    }

    private func record(
        _ text: String, type: ConceptType, acronym: String?, sentence: String, place: String, expansion: String? = nil
    ) {
        let key = Folding.key(text)
        guard !key.isEmpty else { return }
        var e = table[key] ?? Entry()
        e.forms[text, default: 0] += 1
        e.count += 1
        e.types[type, default: 0] += 1
        if let acronym { e.acronym = acronym }
        if e.contexts.count < 3 { e.contexts.append((place, sentence)) }
        if e.places.count < 20, !e.places.contains(place) { e.places.append(place) }
        table[key] = e
    }

    /// The candidates seen at least `minCount` times, most frequent first. Names the glossary
    /// already has in exactly that form are left out; a known key in a new form is kept and
    /// marked as a variant of its concept.
    public func candidates(minCount: Int = 1) -> [Candidate] {
        var out: [Candidate] = []
        for (key, e) in table where e.count >= minCount {
            let variants = e.forms.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
                (form: $0.key, count: $0.value)
            }
            var variantOf: String?
            if let index {
                let matches = index.find(variants[0].form).filter { $0.how == .exact }
                if let m = matches.first {
                    let concept = index.glossary.concepts[m.conceptIndex]
                    let known = Set(concept.terms.values.flatMap(\.all))
                    if variants.allSatisfy({ known.contains($0.form) }) { continue }
                    variantOf = concept.id
                }
            }
            let type = e.types.max { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }!.key
            out.append(
                Candidate(
                    key: key, variants: variants, count: e.count, type: type, acronym: e.acronym,
                    contexts: e.contexts, places: e.places, variantOf: variantOf))
        }
        return out.sorted { ($1.count, $0.key) < ($0.count, $1.key) }
    }

    // MARK: Language data

    static let particles: Set<String> = ["de", "du", "des", "d’", "d'", "la", "le", "les", "l’", "l'"]
    static let articles: Set<String> = ["Le", "La", "Les", "L’", "L'", "Un", "Une", "Des"]
    /// Lower-case words that start the name of a body in French ("ministère de l’Intérieur").
    static let lowercaseHeads: Set<String> = ["ministère"]
    /// Nouns naming a field (of a ministry, a commission): a capitalised word right after one
    /// begins another name.
    static let fieldNouns: Set<String> = [
        "Information", "Communications", "Télécommunications", "Postes", "Culture", "Tourisme",
        "Affaires", "Défense", "Sécurité", "Éducation", "Santé", "Finances", "Justice", "Intérieur",
        "Agriculture", "Industrie", "Commerce", "Travail", "Transports", "Propagande", "Sports",
    ]
    /// Capitalised common nouns that are no name on their own.
    static let commonCapitalised: Set<String> = [
        "État", "États", "Etat", "Etats", "Partis", "Congrès", "Résolution", "Conclusion",
        "Premier", "Gouvernement", "Constitution", "Nord", "Sud", "Est", "Ouest", "Centre",
    ]
    static let institutions: Set<String> = [
        "Académie", "Commission", "Comité", "Institut", "Ministère", "ministère", "Parti", "Assemblée",
        "Bureau", "Agence", "Office", "Conseil", "Cour", "Tribunal", "Université", "Banque",
        "Fédération", "Union", "Association", "Front", "Groupe", "Département", "Direction",
    ]
    static let organizations: Set<String> = [
        "Agence", "Banque", "Université", "Association", "Fédération", "Croix-Rouge", "Institut", "Académie",
    ]
    static let bodies: Set<String> = [
        "Comité", "Commission", "Ministère", "ministère", "Parti", "Assemblée", "Bureau", "Conseil", "Secrétariat",
        "Front", "Groupe", "Département", "Direction", "Cour", "Tribunal", "Office",
    ]
    static let titles: Set<String> = [
        "ministre", "président", "présidente", "secrétaire", "général", "gouverneur", "chef", "directeur",
        "directrice", "professeur", "vice-président", "vice-Premier", "Premier", "ambassadeur", "maire",
        "M.", "Mme", "Dr", "laotien", "vietnamien", "chinois", "lao", "ministres", "dirigeant", "membre",
    ]
    static let placeWords: Set<String> = [
        "province", "ville", "capitale", "district", "commune", "région", "village", "département",
    ]
    /// Capitalised for reasons other than being a name.
    static let stopWords: Set<String> = [
        "Le", "La", "Les", "L’", "L'", "Un", "Une", "Des", "De", "Du", "En", "Au", "Aux", "À", "Il", "Elle", "Ils",
        "Elles", "Ce", "Cette",
        "Ces", "Selon", "Lors", "Dans", "Par", "Pour", "Parmi", "Concernant", "Présent", "Enfin", "Passant",
        "Mobilisée", "Surmonter",
        "Photo", "Photos", "Voir", "Plus", "Lire", "Vidéo", "Source", "Ainsi", "Mais", "Cependant", "Toutefois",
        "Outre", "Après", "Avant",
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre",
        "Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre", "Octobre", "Novembre",
        "Décembre",
        "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche", "Nouvel", "Ce", "Son", "Sa", "Ses",
        "Leur",
        "Leurs", "Nous", "Vous", "On", "Oui", "Non", "Vers", "Sur", "Sous", "Avec", "Entre", "Depuis", "Pendant",
        "Chaque", "Tous",
        "Toutes", "Tout", "Hier", "Aujourd’hui", "Demain", "Déjà", "Désormais", "Réorganisation", "Renforcer",
        "Renforcement",
    ]

    /// Whether an acronym spells the initials of the run's words (particles skipped, case
    /// ignored): "PPRL" for "Parti populaire révolutionnaire lao".
    static func initialsMatch(_ run: [Token], _ acronym: String) -> Bool {
        let initials = run.filter { !particles.contains($0.text.lowercased()) && $0.isLetters }
            .compactMap { $0.text.first.map { String($0).uppercased() } }.joined()
        let letters = acronym.filter(\.isLetter).uppercased()
        return !letters.isEmpty && initials == letters
    }

    static func guessType(_ run: [Token], before: [Token]) -> ConceptType {
        let head = run[0].text
        if bodies.contains(head) || lowercaseHeads.contains(head) { return .body }
        if run.count == 1 && run[0].isAcronym { return .organization }
        if organizations.contains(head) { return .organization }
        let previous = before.map(\.text)
        if let last = previous.last?.lowercased(), particles.contains(last),
            previous.dropLast().contains(where: { placeWords.contains($0.lowercased()) })
        {
            return .place
        }
        if previous.contains(where: { placeWords.contains($0.lowercased()) }) { return .place }
        if previous.contains(where: { titles.contains($0) }) { return .person }
        if run.count == 1 && run[0].isAcronym { return .organization }
        if run.count >= 2 && run.count <= 4 && run.allSatisfy({ $0.isCapitalised }) { return .person }
        return .other
    }

    // MARK: Tokens

    struct Token {
        var text: String
        var isCapitalised: Bool
        var isPunctuation: Bool
        var isLetters: Bool
        var isAcronym: Bool
        var isLao: Bool
        /// Joined to the next token without a space (an elided article: "l’").
        var glued: Bool
    }

    static func tokenize(_ s: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        func flush(glued: Bool = false) {
            guard let first = current.unicodeScalars.first else { return }
            // One pass over the scalars for every flag.
            var letters = true
            var lao = false
            var alphabetic = 0
            var allUpper = true
            var acronymChars = true
            for u in current.unicodeScalars {
                let v = u.value
                if v >= 0x0E80 && v <= 0x0EFF { lao = true }
                let isAlpha: Bool
                let isUpper: Bool
                if v < 0x80 {
                    isAlpha = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
                    isUpper = v >= 0x41 && v <= 0x5A
                } else {
                    let p = u.properties
                    isAlpha = p.isAlphabetic
                    isUpper = p.isUppercase
                }
                if isAlpha {
                    alphabetic += 1
                    if !isUpper { allUpper = false }
                }
                if !isAlpha && u != "-" && u != "." && !(v >= 0x0300 && v <= 0x036F) && !(lao && v >= 0x0EB0) {
                    letters = false
                }
                if !isAlpha && u != "/" && u != "-" { acronymChars = false }
            }
            let firstUpper =
                first.value < 0x80 ? (first.value >= 0x41 && first.value <= 0x5A) : first.properties.isUppercase
            tokens.append(
                Token(
                    text: current, isCapitalised: firstUpper && letters, isPunctuation: false, isLetters: letters,
                    isAcronym: alphabetic >= 2 && allUpper && acronymChars, isLao: lao, glued: glued))
            current = ""
        }
        current.reserveCapacity(32)
        var currentCount = 0
        var firstIsUpper = false
        for u in s.unicodeScalars {
            let v = u.value
            let isAlnum: Bool
            if v < 0x80 {
                isAlnum = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            } else {
                switch u.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                    .nonspacingMark, .spacingMark, .decimalNumber, .letterNumber, .otherNumber:
                    isAlnum = true
                default:
                    isAlnum = false
                }
            }
            if u == "’" || u == "'" {
                current.unicodeScalars.append(u)
                flush(glued: true)
                currentCount = 0
            } else if isAlnum || u == "-" || u == "/" || (u == "." && currentCount == 1 && firstIsUpper) {
                if currentCount == 0 { firstIsUpper = v < 0x80 ? (v >= 0x41 && v <= 0x5A) : u.properties.isUppercase }
                current.unicodeScalars.append(u)
                currentCount += 1
            } else if u.properties.isWhitespace {
                flush()
                currentCount = 0
            } else {
                flush()
                currentCount = 0
                tokens.append(
                    Token(
                        text: String(u), isCapitalised: false, isPunctuation: true,
                        isLetters: false, isAcronym: false, isLao: false, glued: false))
            }
        }
        flush()
        return tokens
    }

    static func join(_ tokens: [Token]) -> String {
        var out = ""
        for (k, t) in tokens.enumerated() {
            out += t.text
            if k < tokens.count - 1 && !t.glued { out += " " }
        }
        return out
    }
}
