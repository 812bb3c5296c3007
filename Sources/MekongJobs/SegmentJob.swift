public import MekongSegmentation
public import MekongText

/// `mekong segment`: the segments of articles, streamed in order.
public struct SegmentJob: Sendable {
    /// Article structure, or every paragraph as body text.
    public var mode: ArticleSegmenter.Mode
    /// The language, or `nil` to guess it per article.
    public var language: Language?
    /// An SRX file to use instead of the built-in rules.
    public var rulesPath: String?
    /// With ``rulesPath``: also apply Mekong's abbreviation lists and initials handling.
    public var withAbbreviations: Bool
    /// Stop at the first bad input.
    public var failFast: Bool

    /// Makes a job that segments article structure with the built-in rules, guessing the language per
    /// article and going on past a bad input, unless told otherwise.
    public init(
        mode: ArticleSegmenter.Mode = .article, language: Language? = nil, rulesPath: String? = nil,
        withAbbreviations: Bool = false, failFast: Bool = false
    ) {
        self.withAbbreviations = withAbbreviations
        self.mode = mode
        self.language = language
        self.rulesPath = rulesPath
        self.failFast = failFast
    }

    /// What a run did.
    public struct Report: Sendable, Encodable {
        /// Inputs read whole.
        public var articles = 0
        /// Segments emitted.
        public var segments = 0
        /// One diagnostic per input that could not be read (the others were segmented).
        public var failures: [Diagnostic] = []
        /// `.badInput` when an input failed, else `.ok`.
        public var outcome: Outcome { .of(failures: failures, found: false) }
    }

    /// Segments every input, calling `emit` for each segment in order.
    /// - Throws: ``Diagnostic`` for a rules file that cannot be used (nothing is segmented
    ///   then), or what `emit` throws.
    /// - Parameter warn: called with each warning about the rules, as it arises (a language the
    ///   rules file has no rules for, an Okapi option that is ignored).
    public func run(_ inputs: [Input], warn: @escaping (Diagnostic) -> Void = { _ in }, emit: (Segment) throws -> Void)
        throws -> Report
    {
        let rules = try rulesPath.map { try SRXDocument.load(path: $0) }
        let segmenter = ArticleSegmenter(
            mode: mode, language: language, rules: rules, withAbbreviations: withAbbreviations)
        segmenter.warnings.forEach(warn)
        segmenter.onWarning = warn
        var report = Report()
        report.failures = try forEachInput(inputs, failFast: failFast) { input in
            try segmenter.segment(try input.lineReader(), article: input.articleName) { s in
                report.segments += 1
                try output { try emit(s) }
            }
            report.articles += 1
        }
        return report
    }
}
