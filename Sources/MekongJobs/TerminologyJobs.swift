public import MekongGlossary
public import MekongSegmentation
public import MekongTerminology
public import MekongText

/// `mekong glossary extract`: names in articles that the glossary does not know yet.
public struct ExtractJob: Sendable {
    public var minCount: Int
    public var failFast: Bool

    public init(minCount: Int = 1, failFast: Bool = false) {
        self.minCount = minCount
        self.failFast = failFast
    }

    /// A candidate as JSON shows it.
    public struct Item: Sendable, Encodable {
        public struct Form: Sendable, Encodable { public var form: String; public var count: Int }
        public struct Context: Sendable, Encodable { public var place: String; public var sentence: String }
        public var key: String
        public var forms: [Form]
        public var count: Int
        public var type: ConceptType
        public var acronym: String?
        public var variantOf: String?
        public var contexts: [Context]
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

    public struct Report: Sendable {
        public var candidates: [Item] = []
        public var failures: [Diagnostic] = []
        public var outcome: Outcome { .of(failures: failures, found: false) }
    }

    public func run(_ inputs: [Input], glossary: Glossary) throws -> Report {
        let extractor = CandidateExtractor(glossary: glossary)
        let segmenter = ArticleSegmenter(mode: .article, language: .french)
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
    public var failFast: Bool
    public init(failFast: Bool = false) { self.failFast = failFast }

    /// The analyzer's report as JSON shows it.
    public struct Report: Sendable, Encodable {
        public struct FormUse: Sendable, Encodable { public var form: String; public var count: Int; public var places: [String] }
        public struct Known: Sendable, Encodable { public var concept: String; public var forms: [FormUse] }
        public struct Unknown: Sendable, Encodable { public var a: String; public var b: String; public var why: String; public var counts: [Int] }
        public struct StyleMix: Sendable, Encodable { public var file: String; public var counts: [String: Int] }
        public var known: [Known] = []
        public var unknown: [Unknown] = []
        public var stutters: [FormUse] = []
        public var styleMix: [StyleMix] = []
        public var failures: [Diagnostic] = []
        public var outcome: Outcome { .of(failures: failures, found: false) }

        private enum CodingKeys: String, CodingKey { case known, unknown, stutters, styleMix }
    }

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
        func use(_ u: ConsistencyAnalyzer.FormUse) -> Report.FormUse { .init(form: u.form, count: u.count, places: u.places) }
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
        case .standardInput: return try PrepareJob.standardInput()
        }
    }
}
