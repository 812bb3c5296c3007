/// Text made safe for HTML: every character that could start markup or end an attribute is
/// written as a character reference, so untrusted text (an article, a file name) is only ever text.
enum HTMLText {
    /// `text` for element content or a double- or single-quoted attribute value: `&`, `<`, `>`,
    /// `"` and `'` become references. Control characters other than tab and line feed (including
    /// CR, which the page never needs) are dropped: HTML does not allow them.
    static func escaped(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars { append(s, to: &out) }
        return out
    }

    /// Appends one scalar, escaped.
    static func append(_ s: Unicode.Scalar, to out: inout String) {
        switch s {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "\t", "\n": out.unicodeScalars.append(s)
        default:
            if s.value < 0x20 || (0x7F...0x9F).contains(s.value) { return }
            out.unicodeScalars.append(s)
        }
    }

    /// Whether a scalar is invisible when printed (format characters such as U+200B, U+FEFF, the
    /// bidirectional controls; control characters other than tab, line feed and CR): the page
    /// shows such a character as its code point.
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        if s == "\t" || s == "\n" || s == "\r" { return false }
        return s.properties.generalCategory == .format || (0x2028...0x2029).contains(s.value) || s.value < 0x20
            || (0x7F...0x9F).contains(s.value)
    }
}
