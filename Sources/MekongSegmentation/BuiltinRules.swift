import Foundation
public import MekongText

/// Mekong's shipped segmentation rules: `Resources/rules/mekong.srx` plus the abbreviation
/// lists for French and Vietnamese.
public enum BuiltinRules {
    /// Longest Lao segment, in scalars, before ``LaoFallback`` splits at a space.
    public static let laoLongSegmentLimit = 300

    /// The shipped SRX document.
    public static func document() throws -> SRXDocument {
        try SRXDocument.load(path: try resourcePath("mekong", "srx"))
    }

    /// The path of the shipped SRX file, for users who want to load it into another tool.
    public static func srxPath() throws -> String { try resourcePath("mekong", "srx") }

    /// The abbreviation list for a language (Lao's lists only titles such as "ດຣ.").
    public static func abbreviations(for language: Language) throws -> AbbreviationList? {
        let path = try resourcePath("abbreviations-\(language.tag)", "txt")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try AbbreviationList(text: text, name: path)
    }

    /// The default segmenter for a language, built once per process (building compiles the
    /// rules' automata, a few milliseconds) and shared: segmenters are immutable.
    public static func segmenter(for language: Language) throws -> SentenceSegmenter {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let s = cache[language] { return s }
        let s = try makeSegmenter(for: language)
        cache[language] = s
        return s
    }

    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cache: [Language: SentenceSegmenter] = [:]

    private static func makeSegmenter(for language: Language) throws -> SentenceSegmenter {
        try SentenceSegmenter(
            rules: try document().rules(for: language.tag),
            language: language.tag,
            abbreviations: try abbreviations(for: language),
            longSegmentLimit: language == .lao ? laoLongSegmentLimit : nil,
            joinsPunctuationOnlySegments: true,
            splitsRunOnHeadings: language == .french
        )
    }

    private static func resourcePath(_ name: String, _ ext: String) throws -> String {
        if let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "rules") {
            return url.path
        }
        throw SRXError.make(origin: "\(name).\(ext)", message: "built-in rule file missing from the package resources")
    }
}
