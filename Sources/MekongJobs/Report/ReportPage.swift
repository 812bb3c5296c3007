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
        var page = Builder(report: report)
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

/// What the page says about one finding: its number on the page and where it is.
private struct FindingRef {
    var number: Int
    var document: Int
    var finding: ReportJob.PlacedFinding
}

/// Builds the body in one pass over the report; findings are numbered in document order.
private struct Builder {
    let report: ReportJob.Report
    var out = ""
    /// Findings by document, with their page numbers (`f1`, `f2`…).
    var refs: [[FindingRef]] = []
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
                    return FindingRef(number: n, document: d, finding: f)
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

    // MARK: Summary

    mutating func summary() {
        let all = refs.joined()
        var bySeverity: [Severity: [FindingRef]] = [:]
        for r in all { bySeverity[r.finding.diagnostic.severity, default: []].append(r) }
        var segments = 0
        var words = 0
        for doc in report.documents {
            switch doc {
            case .article(let a):
                segments += a.segmentCount
                words += a.words
            case .bitext(let b):
                segments += b.rows.count
                words += b.words
            }
        }
        let names = nameUses.values.reduce(0) { $0 + $1.count }
        out += "<section id=\"summary\" class=\"summary\">\n<h2>Summary</h2>\n<div class=\"stats\">\n"
        stat(report.documents.count, report.documents.count == 1 ? "document" : "documents", "#documents", "")
        stat(segments, "segments", "#documents", "")
        stat(words, "words for translation", "#documents", "")
        for (sev, label) in [(Severity.error, "errors"), (.warning, "warnings"), (.info, "notes")] {
            let list = bySeverity[sev] ?? []
            stat(list.count, label, list.first.map { "#f\($0.number)" } ?? "#rules", " sev-\(sev.rawValue)")
        }
        stat(names, "names from the glossary", "#names", " names")
        out += "</div>\n"
        if !report.failures.isEmpty {
            out += "<div class=\"failures\"><h3>Not read</h3><ul>"
            for f in report.failures { out += "<li><code>\(e(f.description))</code></li>" }
            out += "</ul></div>\n"
        }
        documentTable()
        ruleTable(all.map { $0 })
        batchConsistency()
        nameChips()
        out += "</section>\n"
    }

    mutating func stat(_ n: Int, _ label: String, _ href: String, _ cls: String) {
        out += "<a class=\"stat\(cls)\" href=\"\(e(href))\"><b>\(n)</b><span>\(e(label))</span></a>\n"
    }

    mutating func documentTable() {
        out += "<h3 id=\"documents\">Documents</h3>\n<div class=\"scroll\"><table class=\"docs\"><thead><tr>"
        out += "<th>File</th><th>Language</th><th class=\"num\">Segments</th><th class=\"num\">Words</th>"
        out +=
            "<th class=\"num\">Errors</th><th class=\"num\">Warnings</th><th class=\"num\">Notes</th></tr></thead><tbody>\n"
        for (d, doc) in report.documents.enumerated() {
            let anchor = "d\(d + 1)"
            out += "<tr><td><a href=\"#\(anchor)\">\(e(doc.file))</a></td>"
            switch doc {
            case .article(let a):
                out += "<td>\(e(language(a.language.tag)))</td><td class=\"num\">\(a.segmentCount)</td>"
                out += "<td class=\"num\">\(a.words)</td>"
            case .bitext(let b):
                let pair = "\(language(b.sourceLanguage ?? "?")) → \(language(b.targetLanguage ?? "?"))"
                out += "<td>\(e(pair))</td><td class=\"num\">\(b.rows.count)</td><td class=\"num\">\(b.words)</td>"
            }
            for sev in [Severity.error, .warning, .info] {
                let list = refs[d].filter { $0.finding.diagnostic.severity == sev }
                if let first = list.first {
                    out +=
                        "<td class=\"num\"><a class=\"count sev-\(sev.rawValue)\" href=\"#f\(first.number)\">\(list.count)</a></td>"
                } else {
                    out += "<td class=\"num zero\">0</td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</tbody></table></div>\n"
    }

    mutating func ruleTable(_ all: [FindingRef]) {
        out += "<h3 id=\"rules\">Findings by rule</h3>\n"
        guard !all.isEmpty else {
            out += "<p class=\"none\">No findings: every known name is spelt as the glossary expects.</p>\n"
            return
        }
        var groups: [String: [FindingRef]] = [:]
        for r in all {
            groups["\(r.finding.diagnostic.severity.rawValue)|\(r.finding.diagnostic.rule)", default: []].append(r)
        }
        let keys = groups.keys.sorted { a, b in
            let (sa, sb) = (groups[a]![0].finding.diagnostic.severity, groups[b]![0].finding.diagnostic.severity)
            return sa != sb ? sa > sb : a < b
        }
        out += "<div class=\"scroll\"><table class=\"rules\"><thead><tr><th>Severity</th><th>Rule</th>"
        out += "<th class=\"num\">Count</th><th>Where</th></tr></thead><tbody>\n"
        for k in keys {
            let list = groups[k]!
            let d = list[0].finding.diagnostic
            out += "<tr><td><span class=\"badge sev-\(d.severity.rawValue)\">\(severityWord(d.severity))</span></td>"
            out += "<td>\(e(ReportPage.ruleInWords(d.rule) ?? d.rule)) <code>\(e(d.rule))</code></td>"
            out += "<td class=\"num\"><a href=\"#f\(list[0].number)\">\(list.count)</a></td><td class=\"places\">"
            for r in list.prefix(40) {
                out += "<a href=\"#f\(r.number)\">\(e(shortPlace(r)))</a> "
            }
            if list.count > 40 { out += "… and \(list.count - 40) more" }
            out += "</td></tr>\n"
        }
        out += "</tbody></table></div>\n"
    }

    func shortPlace(_ r: FindingRef) -> String {
        let doc = report.documents[r.document]
        let name = doc.file.split(separator: "/").last.map(String.init) ?? doc.file
        guard let loc = r.finding.diagnostic.location else { return name }
        if let seg = loc.segment { return "\(name)#\(seg)" }
        return loc.line.map { "\(name):\($0)" } ?? name
    }

    mutating func nameChips() {
        out += "<h3 id=\"names-found\">Names found</h3>\n"
        guard !nameUses.isEmpty else {
            out += "<p class=\"none\">No glossary name in these texts.</p>\n"
            return
        }
        out += "<p class=\"chips\">"
        for id in conceptsByUse() {
            let n = nameUses[id]!.count
            out += "<a class=\"chip\" href=\"#c-\(e(id))\">\(e(displayName(id))) <b>\(n)</b></a> "
        }
        out += "</p>\n"
    }

    /// Concept ids, most used first, then by id.
    func conceptsByUse() -> [String] {
        nameUses.keys.sorted { (nameUses[$0]!.count, $1) > (nameUses[$1]!.count, $0) }
    }

    /// A concept's name for the reader: its French form, else its Vietnamese one, else its id.
    func displayName(_ id: String) -> String {
        let c = report.concepts[id]
        return c?.preferred(.fr) ?? c?.preferred(.vi) ?? c?.preferred(.lo) ?? id
    }

    mutating func batchConsistency() {
        out += "<h3 id=\"batch\">Consistency</h3>\n"
        if report.inconsistent.isEmpty && report.styleMix.isEmpty {
            out += "<p class=\"none\">Every glossary name is written one way, and no article mixes name styles.</p>\n"
            return
        }
        if !report.inconsistent.isEmpty {
            out +=
                "<p>Glossary names written in more than one way (is each form meant?):</p>\n<div class=\"scroll\"><table class=\"batch\">"
            out += "<thead><tr><th>Name</th><th>Written</th><th>Where</th></tr></thead><tbody>\n"
            for k in report.inconsistent {
                for (i, f) in k.forms.enumerated() {
                    out += "<tr\(i == 0 ? " class=\"first\"" : "")>"
                    if i == 0 {
                        out +=
                            "<td rowspan=\"\(k.forms.count)\"><a href=\"#c-\(e(k.concept))\">\(e(displayName(k.concept)))</a></td>"
                    }
                    out += "<td><q>\(e(f.form))</q> × \(f.count)</td><td class=\"places\">"
                    for place in f.places {
                        let label = place.split(separator: "/").last.map(String.init) ?? place
                        if let href = placeAnchor(place) {
                            out += "<a href=\"#\(e(href))\">\(e(label))</a> "
                        } else {
                            out += "\(e(label)) "
                        }
                    }
                    if f.count > f.places.count { out += "…" }
                    out += "</td></tr>\n"
                }
            }
            out += "</tbody></table></div>\n"
        }
        if !report.styleMix.isEmpty {
            out += "<p>Articles writing Vietnamese names in more than one style:</p><ul class=\"batch\">\n"
            for m in report.styleMix {
                let d = report.documents.firstIndex { $0.file == m.file }
                let counts = m.counts.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                    "\($0.key.rawValue) \($0.value)"
                }
                let name = d.map { "<a href=\"#d\($0 + 1)\">\(e(m.file))</a>" } ?? e(m.file)
                out += "<li>\(name): \(e(counts.joined(separator: ", ")))</li>\n"
            }
            out += "</ul>\n"
        }
    }

    /// `file:line` → the anchor of the paragraph holding that line.
    func placeAnchor(_ place: String) -> String? {
        guard let colon = place.lastIndex(of: ":"), let line = Int(place[place.index(after: colon)...]) else {
            return nil
        }
        let file = String(place[..<colon])
        guard let d = report.documents.firstIndex(where: { $0.file == file }) else { return nil }
        return lineAnchors[d].last { $0.line <= line }?.anchor ?? "d\(d + 1)"
    }

    // MARK: Articles

    mutating func article(_ a: ReportJob.Article, _ d: Int) {
        let id = "d\(d + 1)"
        out += "<section class=\"doc\" id=\"\(id)\" lang=\"\(e(a.language.tag))\">\n<header class=\"doc-head\">"
        out += "<h2><span class=\"file\">\(e(a.file))</span></h2><p class=\"doc-meta\">"
        var meta = [language(a.language.tag)]
        if let date = a.date { meta.append(date) }
        meta += [plural(a.segmentCount, "segment"), plural(a.words, "word") + " for translation"]
        out += e(meta.joined(separator: " · "))
        out += findingsPhrase(refs[d])
        out += "</p></header>\n<div class=\"text\">\n"

        // Findings (sorted by place, unplaced last) and names (in text order) are taken in one
        // pass over the paragraphs, which are in text order and do not overlap.
        let sorted = refs[d]
        var fi = 0
        var ni = 0
        var rest: [FindingRef] = []
        for (pi, p) in a.paragraphs.enumerated() {
            let range = p.range
            let isLast = pi == a.paragraphs.count - 1
            // Findings and names that start in this paragraph (at its very end: an empty finding,
            // or anything in the last paragraph).
            var mine: [FindingRef] = []
            while fi < sorted.count, let r = sorted[fi].finding.range {
                if r.lowerBound < range.lowerBound {
                    rest.append(sorted[fi])
                } else if range.contains(r.lowerBound) || (r.lowerBound == range.upperBound && (isLast || r.isEmpty)) {
                    mine.append(sorted[fi])
                } else {
                    break
                }
                fi += 1
            }
            var names: [(Int, ReportJob.PlacedName)] = []
            while ni < a.names.count, a.names[ni].range.lowerBound < range.upperBound {
                if a.names[ni].range.lowerBound >= range.lowerBound { names.append((ni, a.names[ni])) }
                ni += 1
            }
            paragraph(a, p, d, findings: mine, names: names)
        }
        rest += sorted[fi...]
        if !rest.isEmpty {
            out += "<div class=\"outside\"><h3>Not in the article's text</h3><p>Outside any paragraph "
            out += "(a header, a blank line) or about the whole file:</p>\n<ul class=\"outside-list\">\n"
            for r in rest {
                out += "<li>" + mark(r, inner: e(r.finding.diagnostic.found ?? "(whole file)")) + "</li>\n"
            }
            out += "</ul>\n"
            notes(rest)
            out += "</div>\n"
        }
        out += "</div>\n</section>\n"
    }

    mutating func paragraph(
        _ a: ReportJob.Article, _ p: ReportJob.Paragraph, _ d: Int, findings: [FindingRef],
        names: [(Int, ReportJob.PlacedName)]
    ) {
        let kinds = Set(p.segments.map(\.kind))
        let anchor = "d\(d + 1)-p\(p.number)"
        let single = kinds.count == 1 ? kinds.first! : nil
        let tag = single == .title ? "h3" : "p"
        var cls = "para"
        if let single { cls += " k-\(single.rawValue)" }
        if kinds.allSatisfy({ !$0.isTranslatable }) { cls += " nt" }
        out += "<div class=\"block\"><\(tag) class=\"\(cls)\" id=\"\(anchor)\">"
        if let single, !single.isTranslatable {
            out +=
                "<span class=\"kind\">\(e(ReportPage.kindWords[single] ?? single.rawValue)) · not for translation</span> "
        }
        // Pieces: each segment, and the text between segments (spaces, line breaks).
        var pieces: [(Range<Int>, Segment?)] = []
        var at = p.range.lowerBound
        for s in p.segments {
            if s.start > at { pieces.append((at..<s.start, nil)) }
            pieces.append((s.start..<max(s.start, s.end), s))
            at = max(at, s.end)
        }
        var assigned = Array(repeating: false, count: findings.count)
        var namesAssigned = Array(repeating: false, count: names.count)
        var previousKind: SegmentKind? = single
        for (k, (range, segment)) in pieces.enumerated() {
            let last = k == pieces.count - 1
            func inPiece(_ r: Range<Int>) -> Bool {
                range.contains(r.lowerBound) || (last && r.lowerBound >= range.upperBound)
            }
            var marks: [InlineMark] = []
            for (i, f) in findings.enumerated() where !assigned[i] && inPiece(f.finding.range!) {
                assigned[i] = true
                marks.append(InlineMark(range: f.finding.range!, open: openMark(f), close: "</mark>", priority: 0))
            }
            for (i, (n, name)) in names.enumerated() where !namesAssigned[i] && inPiece(name.range) {
                namesAssigned[i] = true
                marks.append(InlineMark(range: name.range, open: openName(name, d, n), close: "</span>", priority: 1))
            }
            if let segment {
                var scls = "s k-\(segment.kind.rawValue)"
                if !segment.kind.isTranslatable { scls += " nt" }
                if segment.isRepetition { scls += " rep" }
                out += "<span class=\"\(scls)\" data-seg=\"\(e(segment.id))\""
                if let r = segment.repeatOf { out += " title=\"repeats \(e(r))\"" }
                out += ">"
                if single == nil, segment.kind != previousKind, !segment.kind.isTranslatable {
                    out +=
                        "<span class=\"kind\">\(e(ReportPage.kindWords[segment.kind] ?? segment.kind.rawValue))</span> "
                }
                previousKind = segment.kind
                out += inline(a.text, range, marks)
                out += "</span>"
            } else {
                out += inline(a.text, range, marks)
            }
        }
        out += "</\(tag)>\n"
        notes(findings)
        out += "</div>\n"
    }

    mutating func notes(_ findings: [FindingRef]) {
        guard !findings.isEmpty else { return }
        out += "<ol class=\"notes\">\n"
        for r in findings { note(r) }
        out += "</ol>\n"
    }

    mutating func note(_ r: FindingRef) {
        let f = r.finding.diagnostic
        let sev = f.severity.rawValue
        out += "<li class=\"note sev-\(sev)\" id=\"nf\(r.number)\"><a class=\"back\" href=\"#f\(r.number)\" "
        out += "title=\"Back to the text\">\(r.number)</a> "
        out += "<span class=\"badge sev-\(sev)\">\(severityWord(f.severity))</span> "
        out += "<b>\(e(ReportPage.ruleInWords(f.rule) ?? f.rule))</b>"
        if let found = f.found {
            out += "<br><q class=\"found\">\(visible(found))</q>\(codePoints(found))"
            if let expected = f.expected {
                out += " → <q class=\"expected\">\(visible(expected))</q>\(codePoints(expected))"
            }
        }
        if f.found == nil || f.rule.hasPrefix("vietnamese-syllable") || f.rule == "no-name-rules" {
            out += "<br><span class=\"message\">\(e(f.message))</span>"
        }
        if f.fixable, f.expected != nil {
            out += "<br><span class=\"fix\"><code>mekong check --fix</code> makes this change</span>"
        } else if f.location?.segment != nil, f.expected != nil {
            out += "<br><span class=\"nofix\">to correct in the translation</span>"
        } else if f.expected != nil {
            out += "<br><span class=\"nofix\"><code>--fix</code> leaves it: a person decides</span>"
        }
        var place: [String] = [f.rule]
        if let seg = f.location?.segment {
            place.append("segment \(seg)")
        } else if let l = f.location?.line {
            place.append("line \(l)")
        }
        if let c = f.location?.column { place.append("column \(c)") }
        out += "<br><span class=\"where\">\(e(place.joined(separator: " · ")))"
        if let c = f.concept { out += " · <a href=\"#c-\(e(c))\">\(e(c))</a>" }
        out += "</span></li>\n"
    }

    /// The code points of a short text (a letter and its look-alike look the same): ` U+00D0`.
    func codePoints(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard scalars.count <= 2 else { return "" }
        let list = scalars.map { ScriptChecks.codePoint($0.value) }
        return " <span class=\"cps\">\(list.joined(separator: " "))</span>"
    }

    func openMark(_ r: FindingRef) -> String {
        let f = r.finding.diagnostic
        var s = "<mark class=\"f sev-\(f.severity.rawValue)"
        if r.finding.range?.isEmpty ?? true { s += " empty" }
        s += "\" id=\"f\(r.number)\" data-n=\"\(r.number)\" data-rule=\"\(e(f.rule))\" "
        s += "data-severity=\"\(f.severity.rawValue)\" data-line=\"\(f.location?.line.map(String.init) ?? "")\" "
        s += "data-column=\"\(f.location?.column.map(String.init) ?? "")\" tabindex=\"0\" "
        s += "aria-describedby=\"nf\(r.number)\" title=\"\(e(ReportPage.ruleInWords(f.rule) ?? f.rule))"
        if let x = f.expected { s += ": expected \(e(x))" }
        s += "\">"
        return s
    }

    func mark(_ r: FindingRef, inner: String) -> String { openMark(r) + inner + "</mark>" }

    mutating func openName(_ name: ReportJob.PlacedName, _ d: Int, _ n: Int) -> String {
        let id = "d\(d + 1)-n\(n + 1)"
        nameUses[name.concept, default: []].append((d, id, name.text))
        var title = name.concept
        if let c = report.concepts[name.concept] {
            let forms = TermLanguage.allCases.compactMap { l in c.preferred(l).map { "\(l.tag): \($0)" } }
            title = forms.joined(separator: " · ") + " (\(c.status.rawValue))"
            if !c.note.isEmpty {
                let note = c.note.unicodeScalars.count > 160 ? String(c.note.prefix(157)) + "…" : c.note
                title += "\n" + note
            }
        }
        return "<span class=\"n\" id=\"\(id)\" data-concept=\"\(e(name.concept))\" title=\"\(e(title))\">"
    }

    // MARK: Translations (XLIFF)

    mutating func bitext(_ b: ReportJob.Bitext, _ d: Int) {
        let id = "d\(d + 1)"
        let src = b.sourceLanguage ?? ""
        let trg = b.targetLanguage ?? ""
        out += "<section class=\"doc bitext\" id=\"\(id)\">\n<header class=\"doc-head\">"
        out += "<h2><span class=\"file\">\(e(b.file))</span></h2><p class=\"doc-meta\">"
        let untranslated = b.rows.filter { $0.untranslated && $0.segment.translate }
        var meta = ["\(language(src)) → \(language(trg))", plural(b.rows.count, "segment")]
        meta.append(plural(b.words, "word") + " for translation")
        out += e(meta.joined(separator: " · "))
        if let first = untranslated.first, let i = b.rows.firstIndex(where: { $0.segment.id == first.segment.id }) {
            out += " · <a class=\"count untr\" href=\"#\(id)-r\(i + 1)\">\(untranslated.count) untranslated</a>"
        } else {
            out += " · all translated"
        }
        out += findingsPhrase(refs[d])
        out += "</p></header>\n<div class=\"scroll\"><table class=\"pairs\"><colgroup><col class=\"segid\"><col><col>"
        out += "</colgroup><thead><tr><th class=\"segid\">Segment</th>"
        out += "<th>Source (\(e(src)))</th><th>Target (\(e(trg)))</th></tr></thead><tbody>\n"
        var k = 0
        var refIndex = 0
        for (i, row) in b.rows.enumerated() {
            var cls: [String] = []
            if !row.segment.translate { cls.append("nt") }
            if row.untranslated && row.segment.translate { cls.append("untranslated") }
            out += "<tr id=\"\(id)-r\(i + 1)\"\(cls.isEmpty ? "" : " class=\"\(cls.joined(separator: " "))\"")>"
            out += "<td class=\"segid\"><code>\(e(row.segment.id))</code>"
            if !row.segment.translate { out += "<span class=\"kind\">not for translation</span>" }
            if row.untranslated && row.segment.translate {
                out +=
                    "<span class=\"badge untr\">\(row.segment.target == nil || row.segment.target!.isEmpty ? "untranslated" : "same as source")</span>"
            }
            out += "</td><td lang=\"\(e(src))\">"
            let source = Array(row.segment.source.unicodeScalars)
            out += inline(
                source, 0..<source.count,
                row.sourceNames.enumerated().map { n, name in
                    InlineMark(range: name.range, open: openName(name, d, k + n), close: "</span>", priority: 1)
                })
            k += row.sourceNames.count
            out += "</td><td lang=\"\(e(trg))\">"
            let mine = refs[d][refIndex..<(refIndex + row.findings.count)]
            refIndex += row.findings.count
            if let target = row.segment.target {
                let t = Array(target.unicodeScalars)
                var marks = row.targetNames.enumerated().map { n, name in
                    InlineMark(range: name.range, open: openName(name, d, k + n), close: "</span>", priority: 1)
                }
                k += row.targetNames.count
                for r in mine {
                    marks.append(
                        InlineMark(
                            range: r.finding.range ?? t.count..<t.count, open: openMark(r), close: "</mark>",
                            priority: 0))
                }
                out += inline(t, 0..<t.count, marks)
            } else {
                out += "<span class=\"missing\">(no target)</span>"
            }
            out += "</td></tr>\n"
            if !mine.isEmpty {
                out += "<tr class=\"notes-row\"><td></td><td colspan=\"2\">"
                notes(Array(mine))
                out += "</td></tr>\n"
            }
        }
        out += "</tbody></table></div>\n"
        let rest = refs[d][refIndex...]
        if !rest.isEmpty {
            out += "<div class=\"outside\"><h3>About the whole file</h3><ul class=\"outside-list\">\n"
            for r in rest {
                out += "<li>" + mark(r, inner: e(r.finding.diagnostic.found ?? "(whole file)")) + "</li>\n"
            }
            out += "</ul>\n"
            notes(Array(rest))
            out += "</div>\n"
        }
        out += "</section>\n"
    }

    // MARK: Names

    mutating func glossaryTable() {
        out += "<section id=\"names\" class=\"names\">\n<h2>Names from the glossary</h2>\n"
        guard !nameUses.isEmpty else {
            out += "<p class=\"none\">No glossary name in these texts.</p>\n</section>\n"
            return
        }
        out += "<div class=\"scroll\"><table class=\"glossary\"><thead><tr><th>Name</th><th class=\"num\">Found</th>"
        out += "<th>fr</th><th>vi</th><th>lo</th><th>lo-Latn</th><th>Status, note</th></tr></thead><tbody>\n"
        for id in conceptsByUse() {
            let uses = nameUses[id]!
            let c = report.concepts[id]
            out += "<tr id=\"c-\(e(id))\"><th scope=\"row\">\(e(displayName(id)))"
            out +=
                "<br><code>\(e(id))</code>\(c.map { " <span class=\"type\">\(e($0.type.rawValue))</span>" } ?? "")</th>"
            out += "<td class=\"num\"><a href=\"#\(uses[0].id)\">\(uses.count)</a></td>"
            for l in [TermLanguage.fr, .vi, .lo, .loLatn] {
                out += "<td>"
                if let t = c?.terms[l] {
                    var parts: [String] = []
                    if let p = t.preferred { parts.append("<b>\(e(p))</b>") }
                    parts += t.admitted.map { e($0) }
                    parts += t.forbidden.map { "<s title=\"forbidden\">\(e($0))</s>" }
                    out += parts.joined(separator: "<br>")
                }
                out += "</td>"
            }
            out += "<td><span class=\"status st-\(e(c?.status.rawValue ?? ""))\">\(e(c?.status.rawValue ?? ""))</span> "
            out += "\(e(c?.note ?? ""))</td></tr>\n"
        }
        out += "</tbody></table></div>\n</section>\n"
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

    func findingsPhrase(_ list: [FindingRef]) -> String {
        guard let first = list.first else { return " · <span class=\"clean\">no findings</span>" }
        var parts: [String] = []
        for sev in [Severity.error, .warning, .info] {
            let l = list.filter { $0.finding.diagnostic.severity == sev }
            guard let f = l.first else { continue }
            let word = sev == .info ? "note" : sev.rawValue
            parts.append(
                "<a class=\"count sev-\(sev.rawValue)\" href=\"#f\(f.number)\">\(e(plural(l.count, word)))</a>")
        }
        _ = first
        return " · " + parts.joined(separator: ", ")
    }

    func severityWord(_ s: Severity) -> String { s == .info ? "note" : s.rawValue }

    func language(_ tag: String) -> String { ReportPage.languageNames[tag] ?? tag }

    func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }

    func inline(_ scalars: [Unicode.Scalar], _ range: Range<Int>, _ marks: [InlineMark]) -> String {
        ReportPage.inline(scalars, range, marks)
    }
}

/// An element to open at a range of a text and close at its end.
struct InlineMark {
    var range: Range<Int>
    var open: String
    var close: String
    /// At the same range, lower opens first (outside): findings 0, names 1.
    var priority: Int
}

extension ReportPage {
    /// Renders `text[range]` with marks nested inside it. A mark that would cross the end of the
    /// mark it starts in is cut at that end (so every mark stays one element); a mark that would
    /// be empty gets a visible sign by CSS. Line breaks become `<br>`, invisible characters
    /// their code points.
    static func inline(_ scalars: [Unicode.Scalar], _ range: Range<Int>, _ marks: [InlineMark]) -> String {
        let lower = max(0, min(range.lowerBound, scalars.count))
        let upper = max(lower, min(range.upperBound, scalars.count))
        var out = ""
        var pos = lower
        func emit(_ to: Int) {
            guard to > pos else { return }
            for i in pos..<to {
                let u = scalars[i]
                if u == "\n" {
                    out += "<br>"
                } else if u == "\r" {
                    continue
                } else if HTMLText.isInvisible(u) {
                    out += "<span class=\"cp\">\(ScriptChecks.codePoint(u.value))</span>"
                } else {
                    HTMLText.append(u, to: &out)
                }
            }
            pos = to
        }
        let sorted = marks.map { m -> InlineMark in
            var m = m
            let s = max(lower, min(m.range.lowerBound, upper))
            m.range = s..<max(s, min(m.range.upperBound, upper))
            return m
        }.sorted {
            ($0.range.lowerBound, -$0.range.upperBound, $0.priority) < (
                $1.range.lowerBound, -$1.range.upperBound, $1.priority
            )
        }
        var stack: [(end: Int, close: String)] = []
        for var m in sorted {
            while let top = stack.last, top.end <= m.range.lowerBound {
                emit(top.end)
                out += top.close
                stack.removeLast()
            }
            if let top = stack.last, m.range.upperBound > top.end {
                m.range = m.range.lowerBound..<top.end
            }
            emit(m.range.lowerBound)
            out += m.open
            stack.append((m.range.upperBound, m.close))
        }
        while let top = stack.popLast() {
            emit(top.end)
            out += top.close
        }
        emit(upper)
        return out
    }

    /// ``inline(_:_:_:)`` over a whole text, for tests: marks as (range, open, close, priority).
    static func inlineForTests(_ text: String, _ marks: [(Range<Int>, String, String, Int)]) -> String {
        let scalars = Array(text.unicodeScalars)
        return inline(
            scalars, 0..<scalars.count, marks.map { InlineMark(range: $0.0, open: $0.1, close: $0.2, priority: $0.3) })
    }
}
