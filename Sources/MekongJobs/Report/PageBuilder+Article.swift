import MekongGlossary
import MekongSegmentation
import MekongText

extension PageBuilder {
    // MARK: Articles

    mutating func article(_ a: ReportJob.Article, _ d: Int) {
        let id = "d\(d + 1)"
        out += "<section class=\"doc\" id=\"\(id)\" lang=\"\(e(a.language.tag))\">\n<header class=\"doc-head\">"
        out +=
            "<h2><span class=\"docno\">\(d + 1)</span> <span class=\"file\">\(e(a.file))</span></h2><p class=\"doc-meta\">"
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
        var rest: [PageFinding] = []
        for (pi, p) in a.paragraphs.enumerated() {
            let range = p.range
            let isLast = pi == a.paragraphs.count - 1
            // Findings and names that start in this paragraph (at its very end: an empty finding,
            // or anything in the last paragraph).
            var mine: [PageFinding] = []
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
        _ a: ReportJob.Article, _ p: ReportJob.Paragraph, _ d: Int, findings: [PageFinding],
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

    mutating func notes(_ findings: [PageFinding]) {
        guard !findings.isEmpty else { return }
        out += "<ol class=\"notes\">\n"
        for r in findings { note(r) }
        out += "</ol>\n"
    }

    mutating func note(_ r: PageFinding) {
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

    func openMark(_ r: PageFinding) -> String {
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

    func mark(_ r: PageFinding, inner: String) -> String { openMark(r) + inner + "</mark>" }

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
}
