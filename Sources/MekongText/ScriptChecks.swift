/// Checks on the code points of names that look right and are not: look-alike letters, Lao
/// spelling variants and out-of-order marks. Shared by the glossary's lint and `mekong check`.
public enum ScriptChecks {
    /// One problem at a scalar offset of the text.
    public struct Finding: Hashable, Sendable {
        /// The rule id: `look-alike`, `lao-ho-ligature`, `lao-hl`, `lao-am`, `lao-mark-order` or `lao-stray-mark`.
        public var rule: String
        /// 0-based offset of the first scalar concerned, in Unicode scalars.
        public var offset: Int
        /// The scalar, or the two scalars, as the text has them, starting at ``offset``.
        public var found: String
        /// What to write instead (`Đ` for `Ð`, `ໜ` for `ຫນ`), or `nil` when there is no single right
        /// replacement (a Cyrillic, Greek or Thai letter, a stray Lao mark).
        public var expected: String?
        /// What is wrong, in words a translator understands, naming the code points (`U+00D0`).
        public var message: String
    }

    /// Look-alike code points: Ð (U+00D0, Icelandic eth) or Ɖ (U+0189, African D) for Đ;
    /// Cyrillic or Greek letters inside a Latin word; Thai letters inside Lao text.
    public static func lookAlikes(in text: String) -> [Finding] {
        var findings: [Finding] = []
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            switch s.value {
            case 0x00D0, 0x0189:
                findings.append(
                    Finding(
                        rule: "look-alike", offset: i, found: String(s), expected: "Đ",
                        message: "U+\(hex(s.value)) looks like Đ but is not Vietnamese Đ (U+0110)"))
            case 0x00F0, 0x0256:
                findings.append(
                    Finding(
                        rule: "look-alike", offset: i, found: String(s), expected: "đ",
                        message: "U+\(hex(s.value)) looks like đ but is not Vietnamese đ (U+0111)"))
            case 0x0400...0x04FF, 0x0370...0x03FF:
                let neighbours = [i > 0 ? scalars[i - 1] : nil, i + 1 < scalars.count ? scalars[i + 1] : nil].compactMap
                { $0 }
                if neighbours.contains(where: isLatinLetter) {
                    findings.append(
                        Finding(
                            rule: "look-alike", offset: i, found: String(s), expected: nil,
                            message:
                                "\(s.value >= 0x0400 ? "Cyrillic" : "Greek") letter U+\(hex(s.value)) inside a Latin word"
                        ))
                }
            case 0x0E01...0x0E5B:
                let neighbours = [i > 0 ? scalars[i - 1] : nil, i + 1 < scalars.count ? scalars[i + 1] : nil].compactMap
                { $0 }
                if neighbours.contains(where: { (0x0E80...0x0EFF).contains($0.value) }) {
                    findings.append(
                        Finding(
                            rule: "look-alike", offset: i, found: String(s), expected: nil,
                            message: "Thai character U+\(hex(s.value)) inside Lao text"))
                }
            default:
                break
            }
        }
        return findings
    }

    /// Lao spelling problems: ຫນ/ຫມ where the standard ligatures ໜ/ໝ are expected, ຫລ where
    /// standard Lao writes ຫຼ, ໍ+າ (also ໍ + tone mark + າ) where ຳ is one character, a tone mark
    /// written before a vowel sign above or below, and a combining mark with no consonant to sit on.
    public static func laoSpelling(in text: String) -> [Finding] {
        var findings: [Finding] = []
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count {
            let v = s[i].value
            let next = i + 1 < s.count ? s[i + 1].value : 0
            if v == 0x0EAB && (next == 0x0E99 || next == 0x0EA1) {
                let expected = next == 0x0E99 ? "ໜ" : "ໝ"
                findings.append(
                    Finding(
                        rule: "lao-ho-ligature", offset: i, found: String(s[i]) + String(s[i + 1]), expected: expected,
                        message:
                            "ຫ + \(next == 0x0E99 ? "ນ" : "ມ") is written \(expected) (one character) in standard Lao"))
                i += 2
                continue
            }
            // ຫລ for ຫຼ: ຫ never closes a syllable and modern spelling writes every vowel, so ຫ
            // directly before ລ is always the cluster hl, which standard Lao writes with the
            // subscript ◌ຼ (U+0EBC): ຫຼວງ, ຫຼາຍ, not ຫລວງ, ຫລາຍ (the habit of old texts and of
            // keyboards without ◌ຼ).
            if v == 0x0EAB && next == 0x0EA5 {
                findings.append(
                    Finding(
                        rule: "lao-hl", offset: i, found: "\u{0EAB}\u{0EA5}", expected: "\u{0EAB}\u{0EBC}",
                        message: "ຫ + ລ is written ຫຼ (ຫ + subscript ◌ຼ U+0EBC) in standard Lao"))
                i += 2
                continue
            }
            // ໍ + tone mark + າ (ນໍ້າ) for tone mark + ຳ (ນ້ຳ).
            if v == 0x0ECD && isLaoToneMark(next) && i + 2 < s.count && s[i + 2].value == 0x0EB2 {
                findings.append(
                    Finding(
                        rule: "lao-am", offset: i, found: String(s[i]) + String(s[i + 1]) + String(s[i + 2]),
                        expected: String(s[i + 1]) + "\u{0EB3}",
                        message:
                            "ໍ + tone mark + າ looks like the tone mark + ຳ but is three characters; write ຳ (U+0EB3)"
                    ))
                i += 3
                continue
            }
            if v == 0x0ECD && next == 0x0EB2 {
                findings.append(
                    Finding(
                        rule: "lao-am", offset: i, found: "\u{0ECD}\u{0EB2}", expected: "\u{0EB3}",
                        message: "ໍ + າ looks like ຳ but is two characters; write ຳ (U+0EB3)"))
                i += 2
                continue
            }
            if isLaoToneMark(v) && isLaoVowelSignAboveOrBelow(next) {
                findings.append(
                    Finding(
                        rule: "lao-mark-order", offset: i, found: String(s[i]) + String(s[i + 1]),
                        expected: String(s[i + 1]) + String(s[i]),
                        message: "tone mark before a vowel sign: the vowel sign comes first"))
            }
            if isLaoCombining(v) && (i == 0 || !(0x0E80...0x0EFF).contains(s[i - 1].value)) {
                findings.append(
                    Finding(
                        rule: "lao-stray-mark", offset: i, found: String(s[i]), expected: nil,
                        message: "Lao mark U+\(hex(v)) with no consonant before it"))
            }
            i += 1
        }
        return findings
    }

    static func isLaoToneMark(_ v: UInt32) -> Bool { (0x0EC8...0x0ECB).contains(v) }

    static func isLaoVowelSignAboveOrBelow(_ v: UInt32) -> Bool {
        v == 0x0EB1 || (0x0EB4...0x0EB9).contains(v) || v == 0x0EBB || v == 0x0ECD
    }

    static func isLaoCombining(_ v: UInt32) -> Bool {
        v == 0x0EB1 || (0x0EB4...0x0EBC).contains(v) || (0x0EC8...0x0ECD).contains(v)
    }

    static func isLatinLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xC0...0x24F).contains(v)
            || (0x1E00...0x1EFF).contains(v)
    }

    /// The code point as messages write it: `U+0001`, `U+1EA1`.
    public static func codePoint(_ v: UInt32) -> String { "U+" + hex(v) }

    static func hex(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: Swift.max(0, 4 - h.count)) + h
    }
}
