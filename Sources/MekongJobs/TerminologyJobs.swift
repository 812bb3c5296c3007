public import MekongGlossary
import MekongSegmentation
import MekongTerminology
public import MekongText

/// `mekong glossary extract`: names in articles that the glossary does not know yet.
public struct ExtractJob: Sendable {
    /// Names seen fewer times than this in the whole corpus are left out.
    public var minCount: Int
    /// Whether the first bad input ends the run (it throws) instead of being recorded as a failure.
    public var failFast: Bool
    /// The language of the articles: French or Vietnamese.
    public var language: Language

    /// Makes a job that keeps every candidate and goes on past a bad input, unless told otherwise.
    public init(minCount: Int = 1, failFast: Bool = false, language: Language = .french) {
        self.minCount = minCount
        self.failFast = failFast
        self.language = language
    }

    /// A candidate as JSON shows it.
    public struct Item: Sendable, Encodable {
        /// A surface form and how often it occurs.
        public struct Form: Sendable, Encodable {
            /// The name as written.
            public var form: String
            /// How often it occurs in the corpus.
            public var count: Int
        }
        /// Where a name occurs.
        public struct Context: Sendable, Encodable {
            /// The place, as `file:line` (lines from 1).
            public var place: String
            /// The sentence the name is in.
            public var sentence: String
        }
        /// The folded key grouping the forms ("dien bien" for "Diên Biên" and "Dien Bien").
        public var key: String
        /// The surface forms and how often each occurs, most frequent first.
        public var forms: [Form]
        /// How often the name occurs in the corpus, all forms together.
        public var count: Int
        /// What the name most likely names.
        public var type: ConceptType
        /// An acronym given in parentheses after the name ("PPRL"), if any.
        public var acronym: String?
        /// The glossary concept this is a new form of, when its key is known but the form is not.
        public var variantOf: String?
        /// Up to three places the name occurs, each with its sentence.
        public var contexts: [Context]
        /// Every place the name occurs, as `file:line`, for the CSV `source` column; not in the JSON.
        public var places: [String]

        init(_ c: Candidate) {
            key = c.key
            forms = c.variants.map { Form(form: $0.form, count: $0.count) }
            count = c.count
            type = c.type
            acronym = c.acronym
            variantOf = c.variantOf
            contexts = c.contexts.map { Context(place: $0.place, sentence: $0.sentence) }
            places = c.places
        }

        private enum CodingKeys: String, CodingKey { case key, forms, count, type, acronym, variantOf, contexts }
        /// Writes an object with `key`, `forms`, `count`, `type`, `acronym`, `variantOf` (both `null` when
        /// absent) and `contexts`; ``places`` is left out.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encode(forms, forKey: .forms)
            try c.encode(count, forKey: .count)
            try c.encode(type, forKey: .type)
            try c.encode(acronym, forKey: .acronym)
            try c.encode(variantOf, forKey: .variantOf)
            try c.encode(contexts, forKey: .contexts)
        }
    }

    /// What the job found: the candidates and the inputs that could not be read.
    public struct Report: Sendable {
        /// The names the glossary does not know yet, most frequent first.
        public var candidates: [Item] = []
        /// One diagnostic per input that failed, in input order.
        public var failures: [Diagnostic] = []
        /// `.badInput` when an input failed, else `.ok`: candidates are not findings.
        public var outcome: Outcome { .of(failures: failures, found: false) }
    }

    /// Reads each article, segments it in ``language`` and collects the names found outside credits.
    /// - Throws: only with ``failFast``: what the first bad input throws.
    public func run(_ inputs: [Input], glossary: Glossary) throws -> Report {
        let extractor = CandidateExtractor(glossary: glossary, language: language)
        let segmenter = ArticleSegmenter(mode: .article, language: language)
        var report = Report()
        report.failures = try forEachInput(inputs, failFast: failFast) { input in
            let bytes = try InputBytes.read(input)
            // Sources point at lines: map a segment's scalar offset back to its line.
            var lineStarts: [Int] = []
            let lines = LineReader(bytes: bytes, name: input.description)
            while let l = try lines.next() { lineStarts.append(l.scalarOffset) }
            try segmenter.segment(LineReader(bytes: bytes, name: input.description), article: input.articleName) { s in
                guard s.kind != .credit else { return }
                let line = (lineStarts.lastIndex { $0 <= s.start } ?? 0) + 1
                extractor.add(sentence: s.text, place: "\(input.description):\(line)")
            }
        }
        report.candidates = extractor.candidates(minCount: minCount).map(Item.init)
        return report
    }
}

/// `mekong consistency`: across a corpus, names written several ways, near-identical unknown
/// names, stutters, and articles mixing name styles.
public struct ConsistencyJob: Sendable {
    /// Whether the first bad input ends the run (it throws) instead of being recorded as a failure.
    public var failFast: Bool
    /// Makes a job that goes on past a bad input, unless `failFast`.
    public init(failFast: Bool = false) { self.failFast = failFast }

    /// The analyzer's report as JSON shows it.
    public struct Report: Sendable, Encodable {
        /// A form of a name and where it occurs.
        public struct FormUse: Sendable, Encodable {
            /// The name as written.
            public var form: String
            /// How often it occurs in the corpus.
            public var count: Int
            /// Where it occurs, as `file:line` (only the first five for a known concept).
            public var places: [String]
        }
        /// A glossary concept the corpus writes in more than one way.
        public struct Known: Sendable, Encodable {
            /// The concept id.
            public var concept: String
            /// The forms used, most frequent first.
            public var forms: [FormUse]
        }
        /// Two names that are probably one name spelt two ways, the first unknown to the glossary.
        public struct Unknown: Sendable, Encodable {
            /// The first name, as written.
            public var a: String
            /// The second name, as written (a glossary name when ``why`` is "one letter from …").
            public var b: String
            /// How they differ: "diacritics or case", "one letter" or "one letter from <concept id>".
            public var why: String
            /// How often ``a`` and ``b`` occur, in that order (0 for a glossary name).
            public var counts: [Int]
        }
        /// An article that writes Vietnamese names in more than one style.
        public struct StyleMix: Sendable, Encodable {
            /// The article, as named in messages.
            public var file: String
            /// How many names are written in each style, by style (`full`, `press`, `ascii`).
            public var counts: [String: Int]
        }
        /// Known concepts written in more than one way, sorted by concept id.
        public var known: [Known] = []
        /// Pairs of unknown names that are probably one name spelt two ways.
        public var unknown: [Unknown] = []
        /// Names with a word repeated ("Hà Hà Nội"), probably a typo.
        public var stutters: [FormUse] = []
        /// Articles that write Vietnamese names in more than one style, sorted by file.
        public var styleMix: [StyleMix] = []
        /// One diagnostic per input that failed, in input order; not in the JSON.
        public var failures: [Diagnostic] = []
        /// `.badInput` when an input failed, else `.ok`: inconsistencies are not findings.
        public var outcome: Outcome { .of(failures: failures, found: false) }

        private enum CodingKeys: String, CodingKey { case known, unknown, stutters, styleMix }
    }

    /// Reads each input line by line and analyzes the whole corpus.
    /// - Throws: only with ``failFast``: what the first bad input throws.
    public func run(_ inputs: [Input], glossary: Glossary) throws -> Report {
        let analyzer = ConsistencyAnalyzer(glossary: glossary)
        var report = Report()
        report.failures = try forEachInput(inputs, failFast: failFast) { input in
            let reader = try input.lineReader()
            while let l = try reader.next() {
                analyzer.add(line: String(decoding: l.bytes, as: UTF8.self), number: l.number, file: input.description)
            }
        }
        let r = analyzer.report()
        func use(_ u: ConsistencyAnalyzer.FormUse) -> Report.FormUse {
            .init(form: u.form, count: u.count, places: u.places)
        }
        report.known = r.known.map { .init(concept: $0.concept, forms: $0.forms.map(use)) }
        report.unknown = r.unknown.map { .init(a: $0.a, b: $0.b, why: $0.why, counts: [$0.counts.0, $0.counts.1]) }
        report.stutters = r.stutters.map(use)
        report.styleMix = r.styleMix.map { m in
            .init(file: m.file, counts: Dictionary(uniqueKeysWithValues: m.counts.map { ($0.key.rawValue, $0.value) }))
        }
        return report
    }
}

/// The bytes of an input read whole (an article, so small).
enum InputBytes {
    static func read(_ input: Input) throws -> [UInt8] {
        switch input {
        case .file(let path): return try TextFile.bytes(at: path)
        case .standardInput: return try TextFile.standardInput()
        }
    }
}
