import ArgumentParser
import MekongExchange
import MekongGlossary
import MekongJobs
import MekongSegmentation
import MekongText

extension Mekong {
    /// Reads translated XLIFF back.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Read translated XLIFF (1.2 or 2.x) back: report untranslated and changed segments, check names in the targets, and add the pairs to a TMX memory.",
            discussion: """
                Untranslated: a segment for translation with no target, an empty one, or the source \
                copied unchanged (whatever its state: OmegaT does not update it). Changed: a segment \
                whose source is already in the memory with another translation. Name findings in \
                targets are printed as FILE#SEGMENT: severity: found "…", expected "…" [rule] \
                (concept). With --tm, translated pairs are added to the memory (no duplicates, \
                atomic write); a --tm file that is not a TMX is refused and left as it is. Exit \
                status: 0 ok, 1 errors in the targets, 2 bad input.
                """
        )

        @Argument(help: "Translated XLIFF files.") var files: [String]
        @Option(
            help: ArgumentHelp("TMX memory to add the translated pairs to (created if missing).", valueName: "FILE.tmx")
        ) var tm: String?
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text
        @OptionGroup var glossary: GlossaryOptions
        @OptionGroup var batch: BatchOptions

        func run() throws {
            try Run.command {
                let report = try ImportJob(memoryPath: tm, failFast: batch.failFast).run(
                    files, glossary: try glossary.location.load())
                if format == .text {
                    for f in report.files {
                        print(
                            "\(f.file): \(f.segments) segments, \(f.translated) translated, \(f.untranslated.count) untranslated, \(f.changed.count) changed"
                        )
                        for id in f.untranslated { print("  untranslated \(id)") }
                        for id in f.changed { print("  changed      \(id)") }
                        if f.nameRules == nil {
                            print("  names not checked: the glossary has names only in fr, vi and lo")
                        }
                        for d in f.findings { print(d.description) }
                    }
                    if let memory = report.memory {
                        print("\(memory): \(report.added) pairs added, \(report.total) in all")
                    }
                } else {
                    print(try JSONOutput.pretty(report), terminator: "")
                }
                Run.report(report.warnings + report.failures)
                return report.outcome
            }
        }
    }

    /// Individual exchange formats.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one exchange file: xliff (an article), tmx (glossary term pairs) or tbx (the glossary).",
            discussion: """
                `mekong export tbx` and `tbx2008` are the same as `mekong glossary export --format \
                tbx|tbx2008` (kept for scripts). -o names a file.
                """)

        enum What: String, ExpressibleByArgument, CaseIterable { case xliff, tmx, tbx, tbx2008 }

        @Argument(help: "xliff, tmx, tbx or tbx2008.") var what: What
        @Argument(help: "For xliff: the article file.") var article: String?
        @Option(
            help: ArgumentHelp(
                "Target language (xliff, tmx). For tmx, several (vi,lo) give multilingual units.", valueName: "vi|lo"))
        var to: String = "vi"
        @Option(help: "XLIFF version: 2.1, 2.0 or 1.2.") var xliff: XLIFFWriter.Version = .v21
        @OptionGroup var output: FileOutputOption
        @OptionGroup var glossary: GlossaryOptions

        func validate() throws {
            if what == .xliff && article == nil { throw ValidationError("export xliff needs an article file") }
            guard let all = Language.list(to), what == .tmx || all.count == 1 else {
                throw ValidationError("--to must be fr, vi or lo (several, comma-separated, only for tmx)")
            }
        }

        func run() throws {
            try Run.command {
                let g = try glossary.location.load()
                let targets = Language.list(to)!.map(TermLanguage.init)
                let out = try Output(path: output.output)
                switch what {
                case .tbx: try out.write(bytes: try TBXFormat.bytes(g, version: .v2019))
                case .tbx2008: try out.write(bytes: try TBXFormat.bytes(g, version: .v2008))
                case .tmx:
                    try out.write(
                        bytes: try TMXWriter.bytes(
                            TMXWriter.termUnits(g, source: .fr, targets: targets), sourceLanguage: "fr"))
                case .xliff:
                    let input = Input.file(article!)
                    var segments: [MekongSegmentation.Segment] = []
                    try ArticleSegmenter().segment(try input.lineReader(), article: input.articleName) {
                        segments.append($0)
                    }
                    let handoff = HandoffArticle.build(
                        id: input.articleName, original: input.articleName + ".txt",
                        segments: segments, matcher: NameMatcher(g), target: targets[0])
                    try out.write(bytes: try XLIFFWriter.bytes(handoff, target: targets[0].tag, version: xliff))
                }
                try out.finish()
                return .ok
            }
        }
    }
}
