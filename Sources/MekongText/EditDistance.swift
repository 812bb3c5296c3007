/// Small edit-distance tests for names (suggestions, near-identical spellings).
public enum EditDistance {
    /// Whether `a` and `b` are at most one insertion, deletion or substitution apart.
    ///
    /// ```swift
    /// EditDistance.withinOne(Array("phomvihan"), Array("phomvihane"))   // true
    /// ```
    /// - Complexity: O(*n*).
    public static func withinOne<T: Equatable>(_ a: [T], _ b: [T]) -> Bool {
        if a == b { return true }
        if abs(a.count - b.count) > 1 { return false }
        var i = 0
        var j = 0
        var edits = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                i += 1
                j += 1
                continue
            }
            edits += 1
            if edits > 1 { return false }
            if a.count == b.count {
                i += 1
                j += 1
            } else if a.count < b.count {
                j += 1
            } else {
                i += 1
            }
        }
        return edits + (a.count - i) + (b.count - j) <= 1
    }
}
