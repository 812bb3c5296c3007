import MekongGlossary
import MekongSegmentation
import MekongText

/// The HTML page of a ``ReportJob/Report``: one self-contained file (inline CSS and a little
/// inline JavaScript, nothing fetched), readable on a laptop, a phone and on paper.
///
/// Machine-readable marks: every finding is exactly one `<mark class="f">` with `data-rule`,
/// `data-severity`, `data-line` and `data-column` (empty when unknown), placed in the text where
/// it has a place and in a list "not in the text" otherwise; every glossary name is one
/// `<span class="n">` with `data-concept`. Everything that comes from the inputs (text, file
/// names, glossary forms) is escaped, and a Content-Security-Policy allows only the page's own
/// style and script, so an article's `<script>` is text and would not run even if it were not.
public enum ReportPage {
    /// The page.
    /// - Parameter title: the page's heading (default: "Mekong report").
    public static func html(_ report: ReportJob.Report, title: String = "Mekong report") -> String {
        var page = PageBuilder(report: report)
        let body = page.body(title: title)
        let nonce = nonce(for: body)
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        out +=
            "style-src 'nonce-\(nonce)'; script-src 'nonce-\(nonce)'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
        out += "<meta name=\"generator\" content=\"mekong \(HTMLText.escaped(MekongInfo.version))\">\n"
        out += "<title>\(HTMLText.escaped(title)) — \(page.documentsPhrase)</title>\n"
        out += "<style nonce=\"\(nonce)\">\n\(ReportPage.css)</style>\n</head>\n"
        out += body
        out += "<script nonce=\"\(nonce)\">\n\(ReportPage.script)</script>\n</body>\n</html>\n"
        return out
    }

    /// The rule in words, for a reader who does not know the rule ids.
    public static func ruleInWords(_ rule: String) -> String? {
        ruleWords[rule]
    }

    // MARK: Implementation Details

    static let ruleWords: [String: String] = [
        "name-diacritics": "Known name with wrong or missing diacritics",
        "forbidden-form": "A form of the name the glossary forbids",
        "name-inconsistent": "Same name written two ways in one article",
        "name-style-mix": "Vietnamese names in more than one style in one article",
        "name-style-inconsistent": "Name mixing styles (some words with Vietnamese marks, some without)",
        "repeated-fragment": "Stuttered name (a word written twice)",
        "look-alike": "Look-alike letter from another alphabet",
        "not-nfc": "Decomposed text (letter and accent stored apart)",
        "invisible-character": "Invisible character",
        "tone-placement": "Tone mark placed in the minority style (hòa / hoà)",
        "vietnamese-syllable": "Not a possible Vietnamese syllable",
        "vietnamese-syllable-unattested": "Unusual Vietnamese syllable in a name",
        "lao-name-spelling": "Lao name spelt unlike the glossary",
        "lao-am": "ໍ + າ written for ຳ",
        "lao-ho-ligature": "ຫນ / ຫມ written for ໜ / ໝ",
        "lao-mark-order": "Lao marks out of order",
        "lao-stray-mark": "Lao mark with no consonant to sit on",
        "no-name-rules": "Names not checked in this language",
    ]

    static let kindWords: [SegmentKind: String] = [
        .title: "title", .body: "text", .caption: "caption", .related: "related link", .credit: "credit",
        .teaser: "teaser",
    ]

    static let languageNames: [String: String] = ["fr": "French", "vi": "Vietnamese", "lo": "Lao"]

    /// A value that changes whenever the page's body changes (FNV-1a over its bytes): no text in
    /// the body can know it, so no text can carry it.
    static func nonce(for body: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in body.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return "m" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
