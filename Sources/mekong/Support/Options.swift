import ArgumentParser
import MekongJobs
import MekongText

/// `--glossary DIR`, shared by every command that reads the glossary.
struct GlossaryOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The glossary folder (default: $MEKONG_GLOSSARY, else ./glossary). It must exist.", valueName: "DIR"))
    var glossary: String?

    var location: GlossaryLocation { GlossaryLocation(option: glossary) }
}

/// `--lang`, parsed once.
struct LanguageOption: ParsableArguments {
    @Option(
        help: ArgumentHelp("Language of the text: fr, vi or lo (default: guessed per file).", valueName: "fr|vi|lo"))
    var lang: String?

    var language: Language? { lang.flatMap(Language.init(tag:)) }

    func validate() throws {
        if let lang, Language(tag: lang) == nil { throw ValidationError("--lang must be fr, vi or lo, not '\(lang)'") }
    }
}

/// `--fail-fast`, for batch commands.
struct BatchOptions: ParsableArguments {
    @Flag(
        name: .customLong("fail-fast"),
        help: "Stop at the first file that cannot be read (default: go on, report it, exit 2 at the end).")
    var failFast = false
}
