public import MekongText

/// Applies fixable findings to a text file: the replacements that do not overlap, right to left
/// within a line, written atomically (refused if the file changed since it was read).
public enum Fixer {
    /// One replacement made.
    public struct Applied: Hashable, Sendable, Encodable, CustomStringConvertible {
        /// The path of the file rewritten.
        public var file: String
        /// The 1-based line of the replacement.
        public var line: Int
        /// The 1-based column where the replaced text started, in the unit of the finding's location
        /// (Unicode scalars unless it says otherwise), in the line as it was read; 1 when it had none.
        public var column: Int
        /// The rule id of the finding fixed (`name-diacritics`).
        public var rule: String
        /// The text replaced; empty when the finding did not record it.
        public var found: String
        /// The text written in its place.
        public var expected: String

        /// `file:line:column: fixed "…" -> "…" [rule]`.
        public var description: String {
            "\(file):\(line):\(column): fixed \"\(Diagnostic.escaped(found))\" -> \"\(Diagnostic.escaped(expected))\" [\(rule)]"
        }
    }

    /// Applies the fixable findings of `path` (a BOM and CR/LF line ends are kept).
    /// - Returns: what was replaced, in file order (empty: the file was not touched).
    /// - Throws: ``Diagnostic`` when the file cannot be read or replaced.
    public static func apply(_ findings: [Diagnostic], toFile path: String) throws -> [Applied] {
        let fixes = findings.filter {
            $0.fixable && $0.expected != nil && $0.byteRange != nil && $0.location?.line != nil
        }
        guard !fixes.isEmpty else { return [] }
        var (bytes, fingerprint) = try TextFile.bytesAndFingerprint(at: path)
        var bom: [UInt8] = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bom = Array(bytes[0..<3])
            bytes.removeFirst(3)
        }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        var applied: [Applied] = []
        for (number, group) in Dictionary(grouping: fixes, by: { $0.location!.line! }) where number <= lines.count {
            var line = lines[number - 1]
            let hasCR = line.last == 0x0D
            if hasCR { line.removeLast() }
            var lastStart = Int.max
            for f in group.sorted(by: { $0.byteRange!.lowerBound > $1.byteRange!.lowerBound }) {
                let range = f.byteRange!
                guard range.upperBound <= lastStart, range.upperBound <= line.count else { continue }
                line.replaceSubrange(range, with: Array(f.expected!.utf8))
                lastStart = range.lowerBound
                applied.append(
                    Applied(
                        file: path, line: number, column: f.location?.column ?? 1, rule: f.rule,
                        found: f.found ?? "", expected: f.expected!))
            }
            if hasCR { line.append(0x0D) }
            lines[number - 1] = line
        }
        guard !applied.isEmpty else { return [] }
        try AtomicWriter.write(bom + Array(lines.joined(separator: [0x0A])), to: path, unchangedSince: fingerprint)
        return applied.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }
}
