import MekongGlossary
import MekongSegmentation
import MekongText

extension PageBuilder {
    // MARK: Translations (XLIFF)

    mutating func bitext(_ b: ReportJob.Bitext, _ d: Int) {
        let id = "d\(d + 1)"
        let src = b.sourceLanguage ?? ""
        let trg = b.targetLanguage ?? ""
        out += "<section class=\"doc bitext\" id=\"\(id)\">\n<header class=\"doc-head\">"
        out +=
            "<h2><span class=\"docno\">\(d + 1)</span> <span class=\"file\">\(e(b.file))</span></h2><p class=\"doc-meta\">"
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
}
