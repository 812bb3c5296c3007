import Foundation
import MekongExchange
public import MekongText

/// `mekong merge`: translated XLIFF back into articles in their original layout, from the
/// skeleton each file carries (see ``ArticleSkeleton``).
public struct MergeJob: Sendable {
    /// The folder the articles are written to (created if missing).
    public var outputFolder: String
    /// Write an article even if segments for translation have no target (their source is kept).
    public var allowUntranslated: Bool

    /// Creates the job.
    public init(outputFolder: String, allowUntranslated: Bool = false) {
        self.outputFolder = outputFolder
        self.allowUntranslated = allowUntranslated
    }

    /// One article merged (or not, when segments lack a target).
    public struct Article: Sendable, Encodable {
        /// The XLIFF file it came from.
        public var xliff: String
        /// The article's name (the skeleton's file name without extension).
        public var article: String
        /// The file written, or `nil` when nothing was written.
        public var file: String?
        /// Segments whose target was put in place of the source.
        public var translated: Int
        /// Segments whose target is the source unchanged (accepted, counted).
        public var identical: Int
        /// Segments for translation with no target or an empty one (their source was kept).
        public var untranslated: [String]
    }

    /// What a run did.
    public struct Report: Sendable, Encodable {
        /// The articles, in document order.
        public var articles: [Article] = []
        /// Files that could not be read or merged (no skeleton, malformed XML…).
        public var failures: [Diagnostic] = []
        /// Bad input 2; untranslated segments left (without ``MergeJob/allowUntranslated``) 1; else 0.
        public var outcome: Outcome {
            .of(failures: failures, found: articles.contains { $0.file == nil && !$0.untranslated.isEmpty })
        }
    }

    /// Merges every file of every XLIFF document given.
    /// - Throws: ``Diagnostic`` when the output folder cannot be used.
    public func run(_ paths: [String]) throws -> Report {
        try PrepareJob.prepareFolder(outputFolder)
        var report = Report()
        report.failures = try forEachInput(paths.map { .file($0) }) { input in
            let path = input.description
            try TextFile.requireFile(path)
            let document = try XLIFFReader.document(path: path)
            let target = document.target.flatMap(LanguageTag.init)?.description ?? "target"
            for (index, file) in document.files.enumerated() {
                guard let json = file.skeleton, let skeleton = ArticleSkeleton(json: json) else {
                    throw Diagnostic.error(
                        "no-skeleton",
                        "the <file> \(file.original ?? file.id ?? "\(index + 1)") carries no Mekong "
                            + "skeleton: merge reads files `mekong prepare` wrote (and CAT tools returned)", file: path)
                }
                report.articles.append(
                    try merge(document.segments.filter { $0.file == index }, skeleton, file, target, from: path))
            }
        }
        return report
    }

    private func merge(
        _ segments: [XLIFFReader.Segment], _ skeleton: ArticleSkeleton, _ file: XLIFFReader.File, _ target: String,
        from path: String
    ) throws -> Article {
        var replacements: [String: String] = [:]
        var translated = 0
        var identical = 0
        var untranslated: [String] = []
        for s in segments where skeleton.segments[s.id] != nil {
            let t = s.target ?? ""
            if t.isEmpty {
                if s.translate { untranslated.append(s.id) }
                continue
            }
            if t == s.source || t == skeleton.original(of: s.id) {
                if s.translate { identical += 1 }
                continue  // the original range is kept as it is
            }
            replacements[s.id] = t
            translated += 1
        }
        let name = ((file.original ?? file.id ?? "article") as NSString).deletingPathExtension
        var article = Article(
            xliff: path, article: name, file: nil, translated: translated, identical: identical,
            untranslated: untranslated)
        guard untranslated.isEmpty || allowUntranslated else { return article }
        let out = (outputFolder as NSString).appendingPathComponent("\(name).\(target).txt")
        try output { try AtomicWriter.write(skeleton.merged(replacements), to: out) }
        article.file = out
        return article
    }
}
