import Foundation

/// The original article inside the XLIFF file that carries it, so that a translated file can
/// be merged back into an article in its original layout with nothing else at hand.
///
/// It travels as JSON: in XLIFF 2 as the text of `<skeleton>` (which admits text), in XLIFF 1.2
/// as `<skl><internal-file form="application/vnd.mekong.skeleton+json">`. It holds the article's
/// text exactly (without a byte-order mark, which ``bom`` records), and for each segment id the
/// range it came from, in Unicode scalars from the start of the text, end exclusive (the
/// offsets `mekong segment --format jsonl` gives):
///
/// ```json
/// {"bom":false,"format":"mekong-skeleton/1","segments":{"a-p1-s1":[6,58]},"text":" date 2025-12-17 Titre…"}
/// ```
///
/// Merging puts each segment's target in place of its range; everything outside the ranges
/// (header, blank lines, line ends, trailing spaces) is kept byte for byte.
public struct ArticleSkeleton: Codable, Sendable, Equatable {
    /// `mekong-skeleton/1`.
    public var format: String
    /// Whether the article started with a UTF-8 byte-order mark.
    public var bom: Bool
    /// The article's text (after the BOM), exactly.
    public var text: String
    /// Segment id → `[start, end]` in Unicode scalars of ``text``.
    public var segments: [String: [Int]]

    /// The format tag this version writes and reads.
    public static let currentFormat = "mekong-skeleton/1"
    /// The `form` of the XLIFF 1.2 `<internal-file>` that holds it.
    public static let mediaType = "application/vnd.mekong.skeleton+json"

    /// A skeleton of an article's bytes (a BOM is recorded, not kept) and its segments' ranges.
    public init(bytes: [UInt8], ranges: [(id: String, start: Int, end: Int)]) {
        var body = bytes[...]
        bom = body.starts(with: [0xEF, 0xBB, 0xBF])
        if bom { body = body.dropFirst(3) }
        format = Self.currentFormat
        text = String(decoding: body, as: UTF8.self)
        segments = Dictionary(ranges.map { ($0.id, [$0.start, $0.end]) }, uniquingKeysWith: { a, _ in a })
    }

    /// Reads the JSON a hand-off wrote.
    /// - Returns: `nil` when `json` is not a Mekong skeleton of a version this code reads.
    public init?(json: String) {
        guard let s = try? JSONDecoder().decode(ArticleSkeleton.self, from: Data(json.utf8)),
            s.format == Self.currentFormat
        else {
            return nil
        }
        self = s
    }

    /// The JSON written into the XLIFF file (keys sorted, so the same article gives the same bytes).
    public var json: String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? e.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The article with `replacements` (segment id → text) put in place of the segments'
    /// ranges, as bytes (with the BOM if the original had one). A replacement's line breaks
    /// (`\n`) become `\r\n` where the original range used `\r\n`.
    public func merged(_ replacements: [String: String]) -> [UInt8] {
        let scalars = Array(text.unicodeScalars)
        let ranges = segments.compactMap { id, r -> (String, Int, Int)? in
            guard r.count == 2, r[0] >= 0, r[0] <= r[1], r[1] <= scalars.count else { return nil }
            return (id, r[0], r[1])
        }.sorted { $0.1 < $1.1 }
        var out = String.UnicodeScalarView()
        var at = 0
        for (id, start, end) in ranges where start >= at {
            out.append(contentsOf: scalars[at..<start])
            let original = String(String.UnicodeScalarView(scalars[start..<end]))
            if var replacement = replacements[id] {
                if original.unicodeScalars.contains("\r") {
                    replacement = replacement.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
                        of: "\n", with: "\r\n")
                }
                out.append(contentsOf: replacement.unicodeScalars)
            } else {
                out.append(contentsOf: original.unicodeScalars)
            }
            at = end
        }
        out.append(contentsOf: scalars[at...])
        return (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(String(out).utf8)
    }

    /// The source text of a segment as the article writes it (line ends as they are).
    public func original(of id: String) -> String? {
        guard let r = segments[id], r.count == 2 else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard r[0] >= 0, r[0] <= r[1], r[1] <= scalars.count else { return nil }
        return String(String.UnicodeScalarView(scalars[r[0]..<r[1]]))
    }
}
