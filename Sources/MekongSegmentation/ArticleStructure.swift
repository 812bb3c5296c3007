#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Recognises the parts of a news article that are not running text. All checks work on one
/// line or unit of text, trimmed, and generalise over agencies and layouts rather than the
/// seed articles: an agency credit is any short run of capitals ("VNA/CVN", "- AFP", "KPL"), a
/// caption ends with a photo credit in French, Vietnamese or Lao, and so on.
enum ArticleStructure {
    /// ` date 2025-12-17 Title` or `date 2025-04 Title`: the date and the byte offset of the title.
    static func header(_ line: [UInt8]) -> (date: String, titleStart: Int)? {
        var i = 0
        while i < line.count, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
        let word = Array("date".utf8)
        guard line.count >= i + word.count + 8, Array(line[i..<(i + 4)]) == word else { return nil }
        i += 4
        guard line[i] == 0x20 || line[i] == 0x09 else { return nil }
        while i < line.count, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
        let dateStart = i
        func digits(_ n: Int) -> Bool {
            guard i + n <= line.count, line[i..<(i + n)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
            i += n
            return true
        }
        guard digits(4), i < line.count, line[i] == 0x2D else { return nil }
        i += 1
        guard digits(2) else { return nil }
        if i < line.count, line[i] == 0x2D {
            i += 1
            guard digits(2) else { return nil }
        }
        let date = String(decoding: line[dateStart..<i], as: UTF8.self)
        guard i < line.count, line[i] == 0x20 || line[i] == 0x09 else { return nil }
        while i < line.count, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
        guard i < line.count else { return nil }
        return (date, i)
    }

    /// Markers after which a page lists other articles ("Voir plus", "Xem thêm").
    static let teaserMarkers: Set<String> = [
        "voir plus", "voir aussi", "lire plus", "à lire aussi", "dans la même rubrique",
        "xem thêm", "tin liên quan", "tin cùng chuyên mục", "các tin khác", "đọc thêm",
    ]

    static func isTeaserMarker(_ text: Substring) -> Bool {
        var t = text.lowercased()
        while let last = t.last, last == ":" || last == "»" || last == ">" || last == " " || last == "…" {
            t.removeLast()
        }
        return teaserMarkers.contains(t)
    }

    /// `>> Renforcer la coopération…`: a related-article link.
    static func isRelated(_ b: ArraySlice<UInt8>) -> Bool {
        let s = Array(b.prefix(4))
        if s.starts(with: [0x3E, 0x3E]) || s.starts(with: [0x3E, 0x20, 0x3E]) { return true }  // ">>", "> >"
        return s.starts(with: [0xC2, 0xBB, 0xC2, 0xBB])  // "»»"
    }

    /// An agency credit on its own: "VNA/CVN", "- VNA", "(VNA)", "TTXVN", "AFP/VNA", "KPL".
    static func isCredit(_ text: Substring) -> Bool {
        var s = text[...]
        while let f = s.first, f == "-" || f == "–" || f == "—" || f == " " || f == "(" { s.removeFirst() }
        while let l = s.last, l == ")" || l == " " || l == "." { s.removeLast() }
        guard !s.isEmpty, s.unicodeScalars.count <= 30 else { return false }
        var tokens = 0
        for token in s.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "," }) {
            guard token.unicodeScalars.count >= 2, token.unicodeScalars.count <= 12,
                token.unicodeScalars.allSatisfy({
                    $0.properties.isUppercase || $0 == "&" || $0.properties.generalCategory == .decimalNumber
                }),
                token.unicodeScalars.first!.properties.isUppercase
            else { return false }
            tokens += 1
        }
        return tokens >= 1 && tokens <= 4
    }

    /// Words that introduce a photo credit at the end of a caption ("… Photo : VNA").
    static let photoLabels: Set<String> = [
        "photo", "photos", "ảnh", "nguồn ảnh", "ພາບ", "ຮູບ", "crédit photo", "illustration",
    ]

    /// A photo caption: ends with a photo credit ("… Photo : VNA", "Ảnh: TTXVN"), or contains
    /// a stray image label such as "ảnh 1". Works on the unit's bytes and decodes only the
    /// parts it needs (this runs on every paragraph).
    static func isCaption(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            if mayContainImageLabel(b), imageLabel(in: String(decoding: b, as: UTF8.self)[...]) != nil { return true }
            // A short credit after the last colon, introduced by a photo label.
            var colon = b.count - 1
            let limit = Swift.max(0, b.count - 160)
            while colon >= limit, b[colon] != UInt8(ascii: ":") { colon -= 1 }
            guard colon >= limit else { return false }
            // After the colon: 1 to 40 scalars of credit.
            let after = UnsafeBufferPointer(rebasing: b[(colon + 1)...])
            let afterScalars = after.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            guard after.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0xC2 && $0 != 0xA0 }), afterScalars <= 41
            else { return false }
            // Before it: the last one or two words, decoded alone.
            var end = colon
            while end > 0, b[end - 1] == 0x20 || b[end - 1] == 0xA0 || b[end - 1] == 0xC2 { end -= 1 }
            var start = end
            var words = 0
            while start > 0, end - start < 40 {
                let c = b[start - 1]
                if c == 0x20 || c == UInt8(ascii: ".") || c == UInt8(ascii: "(") {
                    words += 1
                    if words == 2 { break }
                }
                start -= 1
            }
            let tail = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
            return isPhotoLabel(tail)
        }
    }

    /// Whether the last one or two words of `text` name a photo credit ("Photo", "Ảnh",
    /// "Crédit photo", "ພາບ").
    static func isPhotoLabel(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "(" || $0 == "\u{00A0}" }).suffix(2)
        let last = words.last.map { $0.lowercased() } ?? ""
        let lastTwo = words.joined(separator: " ").lowercased()
        return photoLabels.contains(last) || photoLabels.contains(lastTwo)
    }

    /// A cheap byte test before the Character-level search: "ả"/"Ả" in NFC (E1 BA A3 / A2) or
    /// a combining hook above (CC 89) in NFD.
    static func mayContainImageLabel(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        // ả/Ả is E1 BA A3/A2, a hook above in NFD is CC 89: most lines have neither lead byte,
        // which memchr rules out far faster than a byte loop.
        guard let base = b.baseAddress else { return false }
        let n = b.count
        func found(_ lead: Int32, _ matches: (Int) -> Bool) -> Bool {
            var from = 0
            while from < n, let q = memchr(base + from, lead, n - from) {
                let i = UnsafeRawPointer(q).assumingMemoryBound(to: UInt8.self) - base
                if matches(i) { return true }
                from = i + 1
            }
            return false
        }
        return found(0xE1) { i in i + 2 < n && b[i + 1] == 0xBA && (b[i + 2] == 0xA2 || b[i + 2] == 0xA3) }
            || found(0xCC) { i in i + 1 < n && b[i + 1] == 0x89 }
    }

    /// The range of a stray image label "ảnh 1" / "Ảnh 2" (the CMS's name for a picture).
    static func imageLabel(in text: Substring) -> Range<Substring.Index>? {
        var searchStart = text.startIndex
        while let r = text[searchStart...].firstRange(of: "ảnh") ?? text[searchStart...].firstRange(of: "Ảnh") {
            defer { searchStart = r.upperBound }
            let atWordStart = r.lowerBound == text.startIndex || !text[text.index(before: r.lowerBound)].isLetter
            var j = r.upperBound
            guard atWordStart, j < text.endIndex, text[j] == " " || text[j] == "\u{00A0}" else { continue }
            j = text.index(after: j)
            let digitsStart = j
            while j < text.endIndex, text[j].isASCII, text[j].isNumber { j = text.index(after: j) }
            guard j > digitsStart, j == text.endIndex || !text[j].isLetter else { continue }
            return r.lowerBound..<j
        }
        return nil
    }
}

private extension Substring {
    /// The first occurrence of `needle`, compared by Characters (so NFC and NFD both match).
    func firstRange(of needle: String) -> Range<Substring.Index>? {
        guard !needle.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(needle) {
                return i..<self.index(i, offsetBy: needle.count)
            }
            i = index(after: i)
        }
        return nil
    }
}
