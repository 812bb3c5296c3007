import Foundation
public import MekongGlossary
public import MekongText

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
    /// The language of the text: French (the rules above) or Vietnamese (``addVietnamese(_:place:)``).
    public let language: Language

    private struct Entry {
        var forms: [String: Int] = [:]
        var count = 0
        var types: [ConceptType: Int] = [:]
        var acronym: String?
        var contexts: [(String, String)] = []
        var places: [String] = []
    }

    /// - Parameter glossary: known concepts; a candidate equal to a known form is not proposed.
    /// - Parameter language: the language of the articles (French or Vietnamese).
    public init(glossary: Glossary?, language: Language = .french) {
        index = glossary.map(GlossaryIndex.init)
        self.language = language
    }

    /// Reads one sentence (a segment) from `place` (`file:line`).
    public func add(sentence: String, place: String) {
        if language == .vietnamese {
            addVietnamese(sentence, place: place)
            return
        }
        let tokens = Self.tokenize(sentence)
        var i = 0
        while i < tokens.count {
            // A function before a name or an institution: an office of its own ("ministre des
            // Affaires étrangères", "Premier ministre", "secrétaire du Comité provincial du
            // Parti"); what follows is read on as usual.
            if let office = Self.office(tokens, at: i) {
                record(Self.join(office), type: .office, acronym: nil, sentence: sentence, place: place)
                i += 1
                continue
            }
            // A capitalised title glued to a person's name: "Président Kaysone Phomvihane".
            if Self.capitalTitles.contains(tokens[i].text), i + 1 < tokens.count, tokens[i + 1].isCapitalised,
                !Self.articles.contains(tokens[i + 1].text), !Self.particles.contains(tokens[i + 1].text)
            {
                record(tokens[i].text, type: .office, acronym: nil, sentence: sentence, place: place)
                i += 1
                continue
            }
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
            while end < tokens.count {
                let t = tokens[end]
                // "ministère de l’Information, de la Culture et du Tourisme": a list inside an
                // institution's name goes on after a comma followed by a particle.
                if t.isPunctuation {
                    guard institution, t.text == ",", end + 1 < tokens.count,
                        Self.particles.contains(tokens[end + 1].text.lowercased())
                    else { break }
                    end += 1
                    continue
                }
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
            if institution { nested(run, sentence: sentence, place: place) }
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

    /// The names inside a long institution name: an organisation after a particle
    /// ("… relevant de l’[Académie des sciences sociales du Yunnan]") and the place it ends with
    /// ("… du [Yunnan]", "… de la province de [Diên Biên]").
    private func nested(_ run: [Token], sentence: String, place: String) {
        // (An organisation inside: "du Parti" in "Comité du Parti de …" is the body's own word.)
        for j in 2..<max(2, run.count) where Self.organizations.contains(run[j].text) {
            guard Self.particles.contains(run[j - 1].text.lowercased()) else { continue }
            let tail = Array(run[j...])
            record(
                Self.join(tail), type: Self.guessType(tail, before: []), acronym: nil, sentence: sentence, place: place)
            break
        }
        guard let p = run.lastIndex(where: { Self.particles.contains($0.text.lowercased()) }), p + 1 < run.count
        else { return }
        let tail = Array(run[(p + 1)...])
        guard tail.allSatisfy({ $0.isCapitalised && !$0.isAcronym }),
            !tail.contains(where: {
                Self.institutions.contains($0.text) || Self.fieldNouns.contains($0.text)
                    || Self.commonCapitalised.contains($0.text) || Self.officeWords.contains($0.text)
            })
        else { return }
        record(Self.join(tail), type: .place, acronym: nil, sentence: sentence, place: place)
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
            if k < tokens.count - 1 && !t.glued && tokens[k + 1].text != "," { out += " " }
        }
        return out
    }

    // MARK: Offices

    /// Capitalised titles written before a person's name.
    static let capitalTitles: Set<String> = [
        "Président", "Présidente", "Vice-Président", "Vice-président", "Secrétaire", "Ministre", "Ambassadeur",
        "Ambassadrice", "Général", "Camarade", "Docteur", "Professeur", "Gouverneur", "Maire", "Directeur",
        "Directrice", "M.", "Mme", "Dr",
    ]
    /// Lower-case words that head the name of an office.
    static let officeHeads: Set<String> = [
        "ministre", "vice-ministre", "président", "présidente", "vice-président", "vice-présidente", "secrétaire",
        "directeur", "directrice", "chef", "ambassadeur", "ambassadrice", "gouverneur", "maire", "préfet",
        "vice-gouverneur", "vice-maire", "secrétaire général", "secrétaire générale",
    ]

    /// The office named at `i`: "Premier ministre" / "vice-Premier ministre", or a lower-case
    /// office head with the institution it belongs to ("ministre des Affaires étrangères",
    /// "président du Comité populaire", "secrétaire du Comité provincial du Parti"), without
    /// the place after it ("… de Hanoï", "… de la province de Diên Biên").
    static func office(_ tokens: [Token], at i: Int) -> [Token]? {
        let t = tokens[i].text
        if t == "Premier" || t == "vice-Premier" || t == "Vice-Premier" {
            return i + 1 < tokens.count && tokens[i + 1].text == "ministre" ? Array(tokens[i...(i + 1)]) : nil
        }
        guard officeHeads.contains(t), i + 2 < tokens.count else { return nil }
        var end = i + 1
        if tokens[end].text == "général" || tokens[end].text == "générale" { end += 1 }
        // The institution comes after a particle; a name right after the title is a person's.
        guard end < tokens.count, particles.contains(tokens[end].text) else { return nil }
        // A particle, then the institution: capitalised words, particles, and up to two
        // lower-case words after a capitalised one ("Affaires étrangères", "Comité populaire").
        var last = -1
        var k = end
        var lowercase = 0
        while k < tokens.count, !tokens[k].isPunctuation {
            let w = tokens[k]
            if particles.contains(w.text) {
                // Stop before a place: "de la province de …", "de Hanoï" (a capitalised word
                // that is not an institution or a field).
                var n = k + 1
                while n < tokens.count, particles.contains(tokens[n].text) { n += 1 }
                guard n < tokens.count, last >= 0 || k == end, tokens[n].isCapitalised else { break }
                let next = tokens[n]
                if last >= 0, placeWords.contains(next.text) { break }
                if last >= 0, next.isCapitalised, !institutions.contains(next.text), !fieldNouns.contains(next.text),
                    !officeWords.contains(next.text)
                {
                    break
                }
                k = n
                continue
            }
            if w.isCapitalised {
                last = k
                lowercase = 0
            } else if last >= 0, w.isLetters, lowercase < 3, !officeStops.contains(w.text) {
                lowercase += 1
                last = k
            } else if w.text == "et", last >= 0, k + 1 < tokens.count,
                particles.contains(tokens[k + 1].text) || tokens[k + 1].isCapitalised
            {
                // "ministre de l’Information et des Communications"
            } else {
                break
            }
            k += 1
        }
        guard last > end else { return nil }
        return Array(tokens[i...last])
    }

    /// Capitalised words that belong to an office's institution besides ``institutions``.
    static let officeWords: Set<String> = ["Parti", "Comité", "Assemblée", "État", "Front", "Gouvernement"]
    /// Lower-case words that end an office's name ("ministre des Affaires étrangères a déclaré").
    static let officeStops: Set<String> = [
        "a", "est", "et", "de", "du", "des", "le", "la", "les", "en", "à", "au", "qui", "que", "pour", "par", "sur",
        "lors", "avec", "dans", "vietnamien", "vietnamienne", "laotien", "laotienne", "chinois", "a", "ont",
    ]

    // MARK: Vietnamese

    /// Words that head a Vietnamese institution's name, whose later syllables may be in lower
    /// case ("Bộ Ngoại giao", "Ủy ban nhân dân tỉnh Điện Biên", "Quốc hội").
    static let vietnameseInstitutions: Set<String> = [
        "Bộ", "Ban", "Ủy", "Uỷ", "Hội", "Viện", "Sở", "Cục", "Đảng", "Mặt", "Tòa", "Toà", "Ngân", "Quốc",
        "Chính", "Trường", "Đại", "Công", "Tập", "Hiệp", "Liên", "Thông", "Học", "Văn", "Trung", "Phòng", "Báo",
        "Đài", "Nhà", "Hãng", "Quân", "Bệnh", "Tỉnh", "Thành",
    ]
    static let vietnameseOrganizations: Set<String> = [
        "Ngân", "Trường", "Đại", "Công", "Tập", "Hiệp", "Báo", "Đài", "Hãng", "Thông", "Bệnh", "Học",
    ]
    /// Capitalised words a run may start with that are not part of the name: titles and classifiers.
    static let vietnameseTitles: Set<String> = [
        "Ông", "Bà", "Anh", "Chị", "Cô", "Chú", "Bác", "Cụ", "Em", "Cháu", "Tỉnh", "Huyện", "Quận", "Xã", "Phường",
        "TP", "Thị", "Sông", "Núi", "Đảo", "Vua", "Tướng", "Ngài", "Bố", "Mẹ", "Cha",
    ]
    /// Lower-case words before a name that say it is a place.
    static let vietnamesePlaceCues: Set<String> = [
        "tỉnh", "huyện", "quận", "xã", "phường", "thành phố", "tp", "thị xã", "thị trấn", "nước", "sông", "đảo", "vùng",
        "miền", "tại", "ở", "về", "sang", "đến", "tới",
    ]
    /// Lower-case words before a name that say it is a person.
    static let vietnamesePersonCues: Set<String> = [
        "ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "em", "cháu", "đồng chí", "thủ tướng", "chủ tịch",
        "bộ trưởng", "bí thư", "tổng bí thư", "giám đốc", "phó", "trưởng", "thư ký", "đại sứ", "vợ", "chồng", "con",
    ]
    /// Capitalised words that start sentences and are no part of a name.
    static let vietnameseSentenceStarts: Set<String> = [
        "Khi", "Theo", "Sau", "Trước", "Trong", "Tại", "Ở", "Với", "Từ", "Nhưng", "Còn", "Vì", "Do", "Nếu", "Dù",
        "Tuy", "Hôm", "Chiều", "Sáng", "Tối", "Trưa", "Đêm", "Ngày", "Năm", "Tháng", "Vợ", "Chồng", "Con", "Nhà",
        "Người", "Ngoài", "Bên", "Giữa", "Cùng", "Cả", "Riêng", "Đến", "Về", "Cho", "Để", "Mới", "Lúc",
    ]
    /// Lower-case words that end a Vietnamese institution's name.
    static let vietnameseStops: Set<String> = [
        "của", "và", "đã", "với", "tại", "ở", "cho", "là", "được", "có", "trong", "về", "đến", "từ", "khi", "các",
        "những", "này", "đó", "thì", "mà", "sẽ", "cũng", "đang", "vừa", "để", "theo", "như", "nhưng", "vì", "do",
        "nên", "năm", "ngày", "tháng", "ra", "vào", "không", "bị", "rất", "đều", "lại", "còn", "vẫn", "phải",
    ]

    /// Vietnamese text: runs of capitalised syllables ("Nguyễn Văn An", "Điện Biên"), titles and
    /// classifiers stripped ("Ông", "Tỉnh"); institution names with their lower-case syllables
    /// ("Bộ Ngoại giao Việt Nam", "Ủy ban nhân dân tỉnh Điện Biên"); acronyms on their own.
    /// A sentence's first word alone is no name.
    func addVietnamese(_ sentence: String, place: String) {
        let tokens = Self.tokenize(sentence)
        var i = 0
        func lower(_ k: Int) -> String { tokens[k].text.lowercased() }
        while i < tokens.count {
            let t = tokens[i]
            guard t.isCapitalised || t.isAcronym, !t.isPunctuation else {
                i += 1
                continue
            }
            if t.isAcronym {
                if t.text.count >= 2 {
                    record(t.text, type: .organization, acronym: nil, sentence: sentence, place: place)
                }
                i += 1
                continue
            }
            let sentenceInitial = i == 0 || [".", "\"", "“", "«", ":", "(", "-", "–"].contains(tokens[i - 1].text)
            if Self.vietnameseTitles.contains(t.text), i + 1 < tokens.count, tokens[i + 1].isCapitalised {
                i += 1
                continue
            }
            // A sentence's first word capitalised only because it comes first: "Khi Tiến …".
            if sentenceInitial, i + 1 < tokens.count, tokens[i + 1].isCapitalised,
                Self.vietnameseStops.contains(t.text.lowercased()) || Self.vietnameseSentenceStarts.contains(t.text)
            {
                i += 1
                continue
            }
            let institution =
                Self.vietnameseInstitutions.contains(t.text) && i + 1 < tokens.count
                && !tokens[i + 1].isPunctuation && !Self.vietnameseStops.contains(lower(i + 1))
            var end = i + 1
            var last = i
            var lowercase = 0
            while end < tokens.count, !tokens[end].isPunctuation, !tokens[end].isAcronym {
                let w = tokens[end]
                if w.isCapitalised {
                    last = end
                    lowercase = 0
                } else if institution, w.isLetters, !Self.vietnameseStops.contains(w.text) {
                    // After a capitalised syllable, its compound's second syllable; more lower-case
                    // syllables only when a capitalised one follows ("nhân dân tỉnh Điện Biên").
                    if lowercase == 0 {
                        last = end
                    } else if lowercase >= 4 {
                        break
                    }
                    lowercase += 1
                } else {
                    break
                }
                end += 1
            }
            let run = Array(tokens[i...last])
            i = last + 1
            if run.count == 1 && (sentenceInitial || institution) { continue }
            // "Trường hợp …", "Nhà nước …" at a sentence's start: a common word, not an institution.
            if institution, sentenceInitial, run.filter(\.isCapitalised).count == 1 { continue }
            let before = (1...2).compactMap { n -> String? in
                let a = run.isEmpty ? 0 : i - run.count - n
                guard a >= 0 else { return nil }
                return tokens[a..<(i - run.count)].map { $0.text.lowercased() }.joined(separator: " ")
            }
            // One syllable alone is mostly a person called by a given name ("Tuấn", "Vy"); it is
            // proposed only after a word that makes it a place ("nước Lào", "sang Mỹ").
            if run.count == 1 && !before.contains(where: Self.vietnamesePlaceCues.contains) { continue }
            let type: ConceptType
            if institution {
                type = Self.vietnameseOrganizations.contains(run[0].text) ? .organization : .body
            } else if before.contains(where: Self.vietnamesePlaceCues.contains) {
                type = .place
            } else if before.contains(where: Self.vietnamesePersonCues.contains)
                || (run.count >= 2 && VietnameseNames.surnames.contains(run[0].text))
            {
                type = .person
            } else {
                type = .other
            }
            record(Self.join(run), type: type, acronym: nil, sentence: sentence, place: place)
        }
    }
}
