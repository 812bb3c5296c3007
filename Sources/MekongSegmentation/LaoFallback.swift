/// The last resort for Lao text that has no sentence punctuation for a long stretch.
///
/// Lao separates phrases with single spaces and puts spaces around conjunctions such as ແລະ
/// ("and") and ຫຼື ("or"), so a space is *not* a sentence boundary and the rules never break
/// there. But a translator cannot work on a 2,000-character segment either. So, only for a
/// segment longer than `limit` scalars, we break at a space: the last space before the limit
/// that is not next to a conjunction, and repeat on the rest. A segment with no usable space is
/// left whole.
enum LaoFallback {
    /// Conjunctions a break must not follow or precede (the space around them belongs to them).
    static let conjunctions: [[UInt8]] = ["ແລະ", "ຫຼື", "ຫລື", "ແຕ່", "ເຊິ່ງ", "ຊຶ່ງ", "ທີ່"].map { Array($0.utf8) }

    static func split(_ range: Range<Int>, limit: Int, matcher m: PatternMatcher) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        while true {
            // Walk up to `limit` scalars, remembering the last acceptable space.
            var i = start
            var count = 0
            var lastSpace: Int?
            while i < range.upperBound && count < limit {
                let (c, len) = m.scalar(at: i)
                if c == " " && i > start && acceptable(space: i, in: start..<range.upperBound, m) { lastSpace = i }
                i += len
                count += 1
            }
            guard i < range.upperBound, let cut = lastSpace else { break }
            if let r = SentenceSegmenter.trimmed(start..<cut, m) { result.append(r) }
            start = cut
        }
        if let r = SentenceSegmenter.trimmed(start..<range.upperBound, m) { result.append(r) }
        return result
    }

    private static func acceptable(space i: Int, in r: Range<Int>, _ m: PatternMatcher) -> Bool {
        for word in conjunctions {
            let n = word.count
            if i - n >= r.lowerBound && (0..<n).allSatisfy({ m.base[i - n + $0] == word[$0] }) { return false }
            if i + 1 + n <= r.upperBound && (0..<n).allSatisfy({ m.base[i + 1 + $0] == word[$0] }) { return false }
        }
        return true
    }
}
