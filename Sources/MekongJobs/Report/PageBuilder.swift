import MekongGlossary
import MekongSegmentation
import MekongText

/// What the page says about one finding: its number on the page and where it is.
struct PageFinding {
    var number: Int
    var document: Int
    var finding: ReportJob.PlacedFinding
}

/// Builds the body in one pass over the report; findings are numbered in document order.
struct PageBuilder {
    let report: ReportJob.Report
    var out = ""
    /// Findings by document, with their page numbers (`f1`, `f2`…).
    var refs: [[PageFinding]] = []
    /// Name occurrences by concept id: (document, occurrence id).
    var nameUses: [String: [(doc: Int, id: String, text: String)]] = [:]
    /// For each document, line → paragraph anchor.
    var lineAnchors: [[(line: Int, anchor: String)]] = []

    init(report: ReportJob.Report) {
        self.report = report
        var n = 0
        for (d, doc) in report.documents.enumerated() {
            var findings = doc.findings
            if case .article = doc {
                // Numbered in reading order; findings with no place in the text come last.
                findings = findings.enumerated().sorted {
                    ($0.element.range?.lowerBound ?? Int.max, $0.offset) < (
                        $1.element.range?.lowerBound ?? Int.max, $1.offset
                    )
                }.map(\.element)
            }
            refs.append(
                findings.map { f in
                    n += 1
                    return PageFinding(number: n, document: d, finding: f)
                })
            switch doc {
            case .article(let a):
                lineAnchors.append(a.paragraphs.map { ($0.line, "d\(d + 1)-p\($0.number)") })
            case .bitext:
                lineAnchors.append([])
            }
        }
    }

    var documentsPhrase: String {
        let articles = report.documents.filter { if case .article = $0 { true } else { false } }.count
        let bitexts = report.documents.count - articles
        var parts: [String] = []
        if articles > 0 || bitexts == 0 { parts.append(plural(articles, "article")) }
        if bitexts > 0 { parts.append(plural(bitexts, "translation")) }
        return parts.joined(separator: ", ")
    }

    mutating func body(title: String) -> String {
        // Documents first (they record the names' occurrences), then the summary before them.
        var documents = ""
        swap(&out, &documents)
        for (d, doc) in report.documents.enumerated() {
            switch doc {
            case .article(let a): article(a, d)
            case .bitext(let b): bitext(b, d)
            }
        }
        swap(&out, &documents)
        out = "<body>\n<input type=\"checkbox\" id=\"opt-sentences\" class=\"opt\">\n"
        out += "<header class=\"top\">\n<h1>\(e(title))</h1>\n"
        out +=
            "<p class=\"lede\">\(e(documentsPhrase)) checked by mekong \(e(MekongInfo.version)) against the glossary. "
        out += "Findings are <mark class=\"legend sev-error\">errors</mark>, "
        out += "<mark class=\"legend sev-warning\">warnings</mark> and <mark class=\"legend sev-info\">notes</mark>; "
        out += "<span class=\"legend-name\">glossary names</span> are underlined.</p>\n"
        out += "<p class=\"tools\"><label for=\"opt-sentences\" class=\"toggle\">Show sentence boundaries</label>"
        out +=
            "<span class=\"keys\">Keys: <kbd>j</kbd> next finding, <kbd>k</kbd> previous, <kbd>Esc</kbd> close</span></p>\n"
        out += "</header>\n"
        out += "<nav class=\"findnav\" id=\"findnav\" hidden aria-label=\"Findings\">"
        out += "<button type=\"button\" id=\"prev\" title=\"Previous finding (k)\">◀</button>"
        out += "<span id=\"findpos\">\(e(plural(refs.joined().count, "finding")))</span>"
        out += "<button type=\"button\" id=\"next\" title=\"Next finding (j)\">▶</button></nav>\n"
        out += "<main>\n"
        summary()
        out += documents
        glossaryTable()
        out += "</main>\n<div id=\"card\" class=\"card\" hidden role=\"dialog\"></div>\n"
        return out
    }

    // MARK: Helpers

    func e(_ s: some StringProtocol) -> String { HTMLText.escaped(s) }

    /// Text with invisible characters shown as their code points.
    func visible(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if HTMLText.isInvisible(u) {
                out += "<span class=\"cp\">\(ScriptChecks.codePoint(u.value))</span>"
            } else {
                HTMLText.append(u, to: &out)
            }
        }
        return out
    }

    func findingsPhrase(_ list: [PageFinding]) -> String {
        guard !list.isEmpty else { return " · <span class=\"clean\">no findings</span>" }
        var parts: [String] = []
        for sev in [Severity.error, .warning, .info] {
            let l = list.filter { $0.finding.diagnostic.severity == sev }
            guard let f = l.first else { continue }
            let word = severityWord(sev)
            parts.append(
                "<a class=\"count sev-\(sev.rawValue)\" href=\"#f\(f.number)\">\(e(plural(l.count, word)))</a>")
        }
        return " · " + parts.joined(separator: ", ")
    }

    func severityWord(_ s: Severity) -> String { s == .info ? "note" : s.rawValue }

    func language(_ tag: String) -> String { ReportPage.languageNames[tag] ?? tag }

    func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }

    func inline(_ scalars: [Unicode.Scalar], _ range: Range<Int>, _ marks: [InlineMark]) -> String {
        ReportPage.inline(scalars, range, marks)
    }
}
