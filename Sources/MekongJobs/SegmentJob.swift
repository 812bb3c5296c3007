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
    /// Threads segmenting at once (``OrderedPipeline/defaultThreads`` unless told); the output
    /// is the same whatever the number.
    public var threads = OrderedPipeline.defaultThreads
    /// With a language given in plain mode, a file is cut for the threads into pieces of about
    /// this many bytes, each ending after a blank line (a paragraph is never cut).
    public var pieceSize = 1 << 20
    /// In article mode, a file up to this size is segmented whole on another thread (its
    /// segments wait in memory for their turn); a larger one on the caller's, streamed.
    public var wholeFileLimit = 16 << 20

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
        if threads > 1, inputs.count > 1 || (mode == .plain && language != nil) {
            try runInParallel(inputs, segmenter, &report, emit)
            return report
        }
        report.failures = try forEachInput(inputs, failFast: failFast) { input in
            try segmenter.segment(try input.lineReader(), article: input.articleName) { s in
                report.segments += 1
                try output { try emit(s) }
            }
            report.articles += 1
        }
        return report
    }

    /// What one thread is given: a piece of a file, a whole file, or a file to stream on the
    /// caller's thread (too large to wait in memory).
    private struct Piece: Sendable {
        enum Text: Sendable {
            case bytes([UInt8], startsFile: Bool)
            /// A whole file of this many bytes, read by the thread.
            case whole(Int)
            case streamed
            case unreadable([Diagnostic])
        }
        var input: Input
        var inputIndex: Int
        var text: Text
        var endsInput: Bool
    }

    /// A piece's segments, numbered as if the piece were the whole file (paragraphs from 1,
    /// lines and scalar offsets from its start): the caller's thread adds what came before.
    private struct PieceResult: Sendable {
        var piece: Piece
        var segments: [Segment] = []
        var lines = 0
        var scalars = 0
        var failure: [Diagnostic]?
    }

    /// The same output as one thread: pieces are segmented on ``threads`` threads and handed
    /// back in order; plain paragraphs are renumbered, offsets and error lines moved by what
    /// the earlier pieces of the file held.
    private func runInParallel(
        _ inputs: [Input], _ segmenter: ArticleSegmenter, _ report: inout Report, _ emit: (Segment) throws -> Void
    ) throws {
        let cutFiles = mode == .plain && language != nil
        var index = 0
        var reader: PieceReader?
        var readerPieces = 0
        func next() throws -> Piece? {
            if index < inputs.count {
                let input = inputs[index]
                if !cutFiles {
                    index += 1
                    // Standard input (no size known) is streamed too: it may be any length.
                    let text: Piece.Text
                    if let size = input.fileSize, size <= wholeFileLimit {
                        text = .whole(size)
                    } else {
                        text = .streamed
                    }
                    return Piece(input: input, inputIndex: index - 1, text: text, endsInput: true)
                }
                do {
                    if reader == nil {
                        reader = try input.pieceReader(pieceSize: pieceSize)
                        readerPieces = 0
                    }
                    if let bytes = try reader!.next() {
                        readerPieces += 1
                        return Piece(
                            input: input, inputIndex: index, text: .bytes(bytes, startsFile: readerPieces == 1),
                            endsInput: false)
                    }
                    reader = nil
                    index += 1
                    // An empty last piece: the file is read (an empty file too).
                    return Piece(
                        input: input, inputIndex: index - 1, text: .bytes([], startsFile: false), endsInput: true)
                } catch {
                    reader = nil
                    index += 1
                    return Piece(
                        input: input, inputIndex: index - 1,
                        text: .unreadable(error.diagnostics(file: input.description)),
                        endsInput: true)
                }
            }
            return nil
        }
        let work: @Sendable (Piece) -> PieceResult = { piece in
            var result = PieceResult(piece: piece)
            do {
                let lines: LineReader
                switch piece.text {
                case .bytes(let bytes, let startsFile):
                    if bytes.isEmpty { return result }
                    lines = LineReader(bytes: bytes, name: piece.input.description, startsFile: startsFile)
                case .whole: lines = try piece.input.lineReader()
                case .streamed: return result
                case .unreadable(let failure):
                    result.failure = failure
                    return result
                }
                try segmenter.segment(lines, article: piece.input.articleName) { result.segments.append($0) }
                result.lines = lines.linesRead
                result.scalars = lines.scalarsRead
            } catch {
                result.failure = error.diagnostics(file: piece.input.description)
            }
            return result
        }
        // Where the file being delivered stands: what its earlier pieces held.
        var failedInput = -1
        var currentInput = -1
        var paragraphs = 0
        var lines = 0
        var scalars = 0
        func fail(_ failure: [Diagnostic], _ inputIndex: Int) throws {
            failedInput = inputIndex
            if failFast { throw failure.count == 1 ? failure[0] as Error : Diagnostics(failure) }
            report.failures += failure
        }
        func deliver(_ result: PieceResult) throws {
            let piece = result.piece
            guard piece.inputIndex != failedInput else { return }
            if piece.inputIndex != currentInput {
                currentInput = piece.inputIndex
                paragraphs = 0
                lines = 0
                scalars = 0
            }
            if case .streamed = piece.text {
                do {
                    try segmenter.segment(try piece.input.lineReader(), article: piece.input.articleName) { s in
                        report.segments += 1
                        try output { try emit(s) }
                    }
                } catch let stop as Stop {
                    throw stop
                } catch {
                    try fail(error.diagnostics(file: piece.input.description), piece.inputIndex)
                    return
                }
            }
            for var s in result.segments {
                s.paragraph += paragraphs
                s.start += scalars
                s.end += scalars
                report.segments += 1
                try output { try emit(s) }
            }
            if var failure = result.failure {
                for k in failure.indices where failure[k].location?.line != nil { failure[k].location!.line! += lines }
                try fail(failure, piece.inputIndex)
            } else if piece.endsInput {
                report.articles += 1
            }
            paragraphs += result.segments.last?.paragraph ?? 0
            lines += result.lines
            scalars += result.scalars
        }
        // Pieces go to the threads in batches of about `pieceSize` bytes: one hand-off per 5 KB
        // article cost more in thread wake-ups than segmenting it (perf: 8 % of a run in sem_post).
        func nextBatch() throws -> [Piece]? {
            var batch: [Piece] = []
            var bytes = 0
            while bytes < pieceSize, batch.count < 1_024, let piece = try next() {
                batch.append(piece)
                switch piece.text {
                case .bytes(let b, _): bytes += b.count
                case .whole(let size): bytes += size
                case .streamed, .unreadable: bytes = pieceSize
                }
            }
            return batch.isEmpty ? nil : batch
        }
        do {
            try OrderedPipeline.run(
                threads: threads, next: nextBatch, work: { $0.map(work) },
                deliver: { try $0.forEach(deliver) })
        } catch let stop as Stop {
            throw stop.underlying
        }
    }
}
