import MekongGlossary
import MekongSegmentation
import MekongText

extension PageBuilder {
    // MARK: Summary

    mutating func summary() {
        let all = refs.joined()
        var bySeverity: [Severity: [PageFinding]] = [:]
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
        stat(names, "names found", "#names-found", " names")
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
        out +=
            "<th class=\"num\">#</th><th>File</th><th>Language</th><th class=\"num\">Segments</th><th class=\"num\">Words</th>"
        out +=
            "<th class=\"num\">Errors</th><th class=\"num\">Warnings</th><th class=\"num\">Notes</th></tr></thead><tbody>\n"
        for (d, doc) in report.documents.enumerated() {
            let anchor = "d\(d + 1)"
            out += "<tr><td class=\"num\">\(d + 1)</td><td><a href=\"#\(anchor)\">\(e(doc.file))</a></td>"
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

    mutating func ruleTable(_ all: [PageFinding]) {
        out += "<h3 id=\"rules\">Findings by rule</h3>\n"
        guard !all.isEmpty else {
            out += "<p class=\"none\">No findings: every known name is spelt as the glossary expects.</p>\n"
            return
        }
        var groups: [String: [PageFinding]] = [:]
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

    func shortPlace(_ r: PageFinding) -> String {
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

    // MARK: Names

    /// Links to each occurrence of a name, grouped by document: `article: 1 2 3`.
    mutating func usesCell(_ uses: [(doc: Int, id: String, text: String)]) {
        out += "<td class=\"uses\">"
        var byDoc: [(Int, [(doc: Int, id: String, text: String)])] = []
        for u in uses {
            if byDoc.last?.0 == u.doc { byDoc[byDoc.count - 1].1.append(u) } else { byDoc.append((u.doc, [u])) }
        }
        for (d, list) in byDoc {
            out += "<span class=\"use\"><a class=\"use-doc\" href=\"#d\(d + 1)\" "
            out += "title=\"\(e(report.documents[d].file))\">doc \(d + 1)</a>: "
            for (i, u) in list.prefix(20).enumerated() {
                out += "<a href=\"#\(e(u.id))\" title=\"\(e(u.text))\">\(i + 1)</a> "
            }
            if list.count > 20 { out += "… " }
            out += "</span>"
        }
        out += "</td>"
    }

    mutating func glossaryTable() {
        out += "<section id=\"names\" class=\"names\">\n<h2>Names from the glossary</h2>\n"
        guard !nameUses.isEmpty else {
            out += "<p class=\"none\">No glossary name in these texts.</p>\n</section>\n"
            return
        }
        out +=
            "<div class=\"scroll\"><table class=\"glossary\"><thead><tr><th>Name</th><th class=\"num\">Found</th><th>Where</th>"
        out += "<th>fr</th><th>vi</th><th>lo</th><th>lo-Latn</th><th>Status, note</th></tr></thead><tbody>\n"
        for id in conceptsByUse() {
            let uses = nameUses[id]!
            let c = report.concepts[id]
            out += "<tr id=\"c-\(e(id))\"><th scope=\"row\">\(e(displayName(id)))"
            out +=
                "<br><code>\(e(id))</code>\(c.map { " <span class=\"type\">\(e($0.type.rawValue))</span>" } ?? "")</th>"
            out += "<td class=\"num\"><a href=\"#\(uses[0].id)\">\(uses.count)</a></td>"
            usesCell(uses)
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
}
