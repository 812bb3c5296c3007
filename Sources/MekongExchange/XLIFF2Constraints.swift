public import MekongText
import MekongXML

/// The constraints of XLIFF 2.0/2.1/2.2 that the XML Schemas cannot express and libxml2 cannot
/// check (the OASIS Schematron needs XSLT 2): unique ids, references that must resolve, inline
/// codes that must pair, language and `xml:space` agreement, fragment identifiers, and the
/// constraints of the Glossary, Metadata and Translation Candidates modules.
///
/// One streaming pass: only the current `<unit>` is held in memory (a unit is small), plus the
/// ids of a `<file>`'s units and its groups' elements (notes, metadata). Each violation is an error at its line, naming its rule
/// (`xliff2-unique-id`, `xliff2-data-ref`, …).
public enum XLIFF2Constraints {
    /// The violations in the file at `path` (empty when it keeps every constraint checked here).
    /// - Throws: ``Diagnostic`` `malformed-xml` (or `entity-refused`) when the file is not well-formed.
    public static func errors(inFile path: String) throws -> [Diagnostic] {
        let pass = Pass(path: path)
        try pass.run()
        return pass.errors.sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }
    }

    final class Node {
        let name: String
        let ns: String
        let attrs: [String: String]
        let line: Int
        var children: [Node] = []
        weak var parent: Node?
        var text = ""

        init(name: String, ns: String, attrs: [String: String], line: Int) {
            self.name = name
            self.ns = ns
            self.attrs = attrs
            self.line = line
        }

        subscript(_ key: String) -> String? { attrs[key] }
        var isCore: Bool { ns == "xlf" }
        func `is`(_ n: String, _ namespace: String = "xlf") -> Bool { name == n && ns == namespace }

        /// Every descendant in document order.
        func descendants(_ into: inout [Node]) {
            for c in children {
                into.append(c)
                c.descendants(&into)
            }
        }
        var allDescendants: [Node] {
            var out: [Node] = []
            descendants(&out)
            return out
        }
        func ancestor(_ n: String) -> Node? {
            var p = parent
            while let x = p {
                if x.is(n) { return x }
                p = x.parent
            }
            return nil
        }
        /// The nearest value of an attribute on this node or an ancestor.
        func inherited(_ key: String) -> String? {
            var p: Node? = self
            while let x = p {
                if let v = x[key] { return v }
                p = x.parent
            }
            return nil
        }
        /// Descendants of this node that are not inside a nested file, group or unit.
        func scoped() -> [Node] {
            var out: [Node] = []
            func walk(_ n: Node) {
                for c in n.children {
                    if c.isCore, ["file", "group", "unit"].contains(c.name) { continue }
                    out.append(c)
                    walk(c)
                }
            }
            walk(self)
            return out
        }
    }

    static let prefixes: [String: String] = [
        "urn:oasis:names:tc:xliff:document:2.0": "xlf", "urn:oasis:names:tc:xliff:document:2.2": "xlf",
        "urn:oasis:names:tc:xliff:glossary:2.0": "gls", "urn:oasis:names:tc:xliff:metadata:2.0": "mda",
        "urn:oasis:names:tc:xliff:matches:2.0": "mtc", "urn:oasis:names:tc:xliff:fs:2.0": "fs",
        "urn:oasis:names:tc:xliff:resourcedata:2.0": "res", "urn:oasis:names:tc:xliff:sizerestriction:2.0": "slr",
        "urn:oasis:names:tc:xliff:validation:2.0": "val", "urn:oasis:names:tc:xliff:changetracking:2.0": "ctr",
        "http://www.w3.org/2005/11/its": "its", "urn:oasis:names:tc:xliff:itsm:2.1": "itsm",
        "urn:oasis:names:tc:xliff:pgs:1.0": "pgs", "http://www.w3.org/XML/1998/namespace": "xml",
    ]
    static let inlineCodes: Set<String> = ["ph", "pc", "sc", "ec", "mrk", "sm", "em", "cp"]

    final class Pass {
        let path: String
        var errors: [Diagnostic] = []
        var srcLang: String?
        var trgLang: String?
        var sawTarget: (Int)?
        var fileIDs: [String: Int] = [:]
        var subFlows: [(ids: [String], line: Int)] = []
        var unitIDs: [String: Int] = [:]
        var sizeInfoRefs: [(id: String, line: Int)] = []
        var sizeData: Set<String> = []

        init(path: String) { self.path = path }

        func error(_ rule: String, _ line: Int, _ message: String) {
            errors.append(Diagnostic.error("xliff2-\(rule)", message, file: path, line: line))
        }

        func run() throws {
            let reader = try XMLStreamReader(path: path)
            var stack: [Node] = []
            while let event = try reader.next() {
                switch event {
                case .startElement(let qname, let namespace, let attributes, _):
                    let local = qname.split(separator: ":").last.map(String.init) ?? qname
                    let ns = namespace.flatMap { XLIFF2Constraints.prefixes[$0] } ?? (namespace ?? "")
                    var attrs: [String: String] = [:]
                    for a in attributes {
                        let l = a.name.split(separator: ":").last.map(String.init) ?? a.name
                        if let n = a.namespace {
                            attrs["\(XLIFF2Constraints.prefixes[n] ?? n):\(l)"] = a.value
                        } else {
                            attrs[l] = a.value
                        }
                    }
                    let node = Node(name: local, ns: ns, attrs: attrs, line: reader.currentLine)
                    if let parent = stack.last {
                        node.parent = parent
                        parent.children.append(node)
                    } else if node.is("xliff") {
                        root(node)
                    }
                    stack.append(node)
                case .text(let t):
                    stack.last?.text += t
                case .endElement:
                    guard let node = stack.popLast() else { continue }
                    local(node)
                    if node.is("unit") {
                        unit(node)
                        if let id = node["id"] {
                            if let first = unitIDs[id] {
                                error(
                                    "unique-id", node.line,
                                    "<unit id=\"\(id)\">: another unit of this file has that id (line \(first))")
                            } else {
                                unitIDs[id] = node.line
                            }
                        }
                        // Done with: only its id is kept, so memory does not grow with the file.
                        if node.parent?.children.last === node { node.parent?.children.removeLast() }
                    } else if node.is("file") {
                        file(node)
                        node.parent?.children.removeAll { $0 === node }
                    }
                }
            }
        }

        // MARK: Document and file

        func root(_ x: Node) {
            srcLang = x["srcLang"]
            trgLang = x["trgLang"]
            for key in ["srcLang", "trgLang"] {
                if let v = x[key], !XLIFF2Constraints.isLanguageTag(v) {
                    error(
                        "language-tag", x.line,
                        "\(key)=\"\(v)\" is not a well-formed language tag (BCP 47, such as fr, vi or lo-Latn)")
                }
            }
        }

        func file(_ f: Node) {
            if let id = f["id"] {
                if let first = fileIDs[id] {
                    error(
                        "unique-id", f.line,
                        "two <file> elements have id \"\(id)\" (the first at line \(first)): file ids must be unique")
                } else {
                    fileIDs[id] = f.line
                }
            }
            if trgLang == nil, let line = sawTarget {
                error(
                    "trglang-required", line,
                    "there is a <target> but the <xliff> element has no trgLang: say which language the translation is in"
                )
                sawTarget = nil
            }
            // Group ids among groups (units, already gone, were checked as they ended).
            var ids: [String: Int] = [:]
            for n in f.allDescendants where n.is("group") {
                guard let id = n["id"] else { continue }
                if let first = ids[id] {
                    error(
                        "unique-id", n.line,
                        "<group id=\"\(id)\">: another group of this file has that id (line \(first))")
                } else {
                    ids[id] = n.line
                }
            }
            for (refs, line) in subFlows {
                for r in refs where unitIDs[r] == nil {
                    error("subflows", line, "subFlows names unit \"\(r)\", which is not a unit of this file")
                }
            }
            subFlows = []
            unitIDs = [:]
            for (id, line) in sizeInfoRefs where !sizeData.contains(id) {
                error("slr", line, "slr:sizeInfoRef=\"\(id)\" names nothing in an slr:data element")
            }
            sizeInfoRefs = []
            sizeData = []
            for n in [f] + f.allDescendants where n.is("file") || n.is("group") { scope(n) }
            for n in f.allDescendants where n.is("skeleton") {
                let hasContent = !n.children.isEmpty || !n.text.allSatisfy(\.isWhitespace)
                if n["href"] != nil && hasContent {
                    error("skeleton", n.line, "<skeleton> has both an href and content: it must have one or the other")
                } else if n["href"] == nil && !hasContent {
                    error(
                        "skeleton", n.line,
                        "<skeleton> is empty and has no href: it must point to the skeleton or contain it")
                }
            }
        }

        /// Checks that hold in the scope of a file, group or unit: note ids, extension ids,
        /// inherited xml:lang, Metadata ids.
        func scope(_ s: Node) {
            let inScope = s.scoped()
            for notes in inScope where notes.is("notes") { unique(notes.children.filter { $0.is("note") }, "note") }
            // Extension elements (not XLIFF, not an OASIS module): ids unique among siblings.
            for n in [s] + inScope {
                let ext = n.children.filter { !$0.isCore && XLIFF2Constraints.prefixes.values.contains($0.ns) == false }
                var seen: [String: Int] = [:]
                for e in ext {
                    guard let id = e["id"] ?? e["xml:id"] else { continue }
                    let key = "\(e.ns)|\(id)"
                    if let first = seen[key] {
                        error(
                            "unique-id", e.line,
                            "extension element <\(e.name) id=\"\(id)\"> repeats an id used at line \(first) in the same place"
                        )
                    } else {
                        seen[key] = e.line
                    }
                }
            }
            if let lang = s["xml:lang"], !XLIFF2Constraints.isLanguageTag(lang) {
                error("language-tag", s.line, "xml:lang=\"\(lang)\" is not a well-formed language tag (BCP 47)")
            }
            // Metadata: metaGroup and metadata ids unique within the metadata element.
            for md in inScope where md.is("metadata", "mda") {
                unique(md.allDescendants.filter { $0.is("metaGroup", "mda") }, "metaGroup", prefix: "mda")
            }
        }

        func unique(_ nodes: [Node], _ what: String, prefix: String? = nil) {
            var seen: [String: Int] = [:]
            for n in nodes {
                guard let id = n["id"] else { continue }
                if let first = seen[id] {
                    error(
                        "unique-id", n.line,
                        "two <\(prefix.map { "\($0):" } ?? "")\(what)> elements have id \"\(id)\" (the first at line \(first)): ids must be unique"
                    )
                } else {
                    seen[id] = n.line
                }
            }
        }

        /// Checks of one element and its attributes (modules' attribute rules).
        func local(_ n: Node) {
            for (key, value) in n.attrs {
                if key.hasPrefix("fs:"), key != "fs:fs", key != "fs:subFs" {
                    error(
                        "fs", n.line, "\(key) is not an attribute of the Format Style module (only fs:fs and fs:subFs)")
                }
                if key == "slr:equivStorage", Int(value) == nil || Int(value)! < 0 {
                    error("slr", n.line, "\(key)=\"\(value)\" must be a whole number")
                }
            }
            if let known = XLIFF2Constraints.moduleElements[n.ns], !known.contains(n.name) {
                error("module-element", n.line, "<\(n.ns):\(n.name)> is not an element of its module")
            }
            for key in ["slr:sizeRestriction", "slr:storageRestriction"] {
                if let v = n[key], !XLIFF2Constraints.isSizePattern(v) {
                    error(
                        "slr", n.line,
                        "\(key)=\"\(v)\" must be *, a whole number, or two separated by a comma (25,100 or 35,*)")
                }
            }
            if n.is("ec"), n["startRef"] != nil {
                for key in ["slr:sizeInfo", "slr:sizeInfoRef", "fs:fs", "fs:subFs"] where n[key] != nil {
                    error(
                        key.hasPrefix("fs") ? "fs" : "slr", n.line,
                        "\(key) must not be on an <ec> that closes an <sc> (startRef): put it on the <sc>")
                }
            }
            if let ref = n["slr:sizeInfoRef"] { sizeInfoRefs.append((ref, n.line)) }
            if n.is("data", "slr") { for d in n.allDescendants { if let id = d["id"] { sizeData.insert(id) } } }
            if n.is("rule", "val") {
                let kinds = ["isPresent", "isNotPresent", "startsWith", "endsWith"].filter { n[$0] != nil }
                let custom = n.attrs.keys.contains { $0.contains(":") && !$0.hasPrefix("xml:") }
                if kinds.count + (custom ? 1 : 0) != 1 {
                    error(
                        "val-rule", n.line,
                        "a val:rule needs exactly one of isPresent, isNotPresent, startsWith, endsWith (or a custom rule)"
                    )
                }
                if n["existsInSource"] != nil, n["isNotPresent"] != nil || kinds.isEmpty {
                    error("val-rule", n.line, "existsInSource goes only with isPresent, startsWith or endsWith")
                }
            }
            if n.is("resourceData", "res") {
                unique(n.children.filter { $0.is("resourceItem", "res") }, "resourceItem", prefix: "res")
                unique(n.children.filter { $0.is("resourceItemRef", "res") }, "resourceItemRef", prefix: "res")
            }
            if n.ns == "res", n.name == "source" || n.name == "target" {
                let hasContent = !n.children.isEmpty || !n.text.allSatisfy(\.isWhitespace)
                if n["href"] != nil && hasContent {
                    error("res", n.line, "res:\(n.name) has both href and content: it must have one or the other")
                }
                // A res:target may be in another locale (a resource variant), a res:source may not.
                if n.name == "source", let lang = n["xml:lang"], let expect = srcLang,
                    lang.lowercased() != expect.lowercased()
                {
                    error(
                        "res", n.line,
                        "res:\(n.name) is in \"\(lang)\", not in the file's \(n.name) language \"\(expect)\"")
                }
            }
        }

        // MARK: Unit

        func unit(_ u: Node) {
            scope(u)
            let content = u.scoped()
            let parts = u.children.filter { $0.is("segment") || $0.is("ignorable") }
            if !u.children.contains(where: { $0.is("segment") }) {
                error(
                    "unit-segment", u.line, "<unit id=\"\(u["id"] ?? "")\"> has no <segment>: a unit needs at least one"
                )
            }
            // Language of sources and targets: xml:lang is inherited (file, group, unit).
            for p in parts {
                if p.is("segment"), p["subState"] != nil, p["state"] == nil {
                    error("substate", p.line, "<segment> has subState but no state: subState refines a state")
                }
                let sources = p.children.filter { $0.is("source") }
                let targets = p.children.filter { $0.is("target") }
                for s in sources {
                    if let lang = s.inherited("xml:lang"), let src = srcLang, lang.lowercased() != src.lowercased() {
                        error(
                            "source-language", s.line,
                            "the source is in \"\(lang)\" (xml:lang\(s["xml:lang"] == nil ? ", inherited" : "")) but the file says srcLang=\"\(src)\""
                        )
                    }
                }
                for t in targets {
                    if sawTarget == nil { sawTarget = t.line }
                    if let lang = t.inherited("xml:lang"), let trg = trgLang, lang.lowercased() != trg.lowercased() {
                        error(
                            "target-language", t.line,
                            "the target is in \"\(lang)\" (xml:lang\(t["xml:lang"] == nil ? ", inherited" : "")) but the file says trgLang=\"\(trg)\""
                        )
                    }
                    if let s = sources.first,
                        (s.inherited("xml:space") ?? "default") != (t.inherited("xml:space") ?? "default")
                    {
                        error(
                            "xml-space", t.line,
                            "the target's xml:space (\(t.inherited("xml:space") ?? "default")) differs from its source's (\(s.inherited("xml:space") ?? "default"))"
                        )
                    }
                }
            }
            order(u, parts)
            ids(u, parts)
            let data = Set(
                u.children.filter { $0.is("originalData") }.flatMap { $0.children.filter { $0.is("data") } }.compactMap
                { $0["id"] })
            let notes = Set(u.children.filter { $0.is("notes") }.flatMap { $0.children }.compactMap { $0["id"] })
            for p in parts {
                for side in p.children where side.is("source") || side.is("target") {
                    inline(side, u, data: data, notes: notes)
                }
                if let s = p.children.first(where: { $0.is("source") }) {
                    let t = p.children.first(where: { $0.is("target") })
                    if let t { nonRemovable(s, t) }
                    reordering(s, t)
                }
            }
            pairing(u, parts, side: "source")
            pairing(u, parts, side: "target")
            modules(u, content)
        }

        /// `order` on targets: unique, and between 1 and the number of segments and ignorables.
        func order(_ u: Node, _ parts: [Node]) {
            var seen: [Int: Int] = [:]
            for p in parts {
                for t in p.children where t.is("target") {
                    guard let o = t["order"] else { continue }
                    guard let v = Int(o), v >= 1, v <= parts.count else {
                        error(
                            "order", t.line,
                            "order=\"\(o)\" is not between 1 and \(parts.count), the number of segments and ignorables of the unit"
                        )
                        continue
                    }
                    if let first = seen[v] {
                        error("order", t.line, "order=\"\(o)\" is used twice in the unit (also at line \(first))")
                    }
                    seen[v] = t.line
                }
            }
            // A target without order takes its own position; that position must not be claimed twice.
            for (i, p) in parts.enumerated() {
                guard let t = p.children.first(where: { $0.is("target") }), t["order"] == nil, let other = seen[i + 1]
                else { continue }
                error("order", other, "order=\"\(i + 1)\" claims the place of a target that keeps it (line \(t.line))")
            }
        }

        /// Ids unique in the unit: segments, ignorables, data and the inline codes of the sources
        /// (a target's codes repeat its source's ids).
        func ids(_ u: Node, _ parts: [Node]) {
            var seen: [String: Int] = [:]
            func add(_ n: Node) {
                guard let id = n["id"] else { return }
                if let first = seen[id] {
                    error(
                        "unique-id", n.line,
                        "<\(n.name) id=\"\(id)\">: another element of this unit has that id (line \(first)); ids must be unique in a unit"
                    )
                } else {
                    seen[id] = n.line
                }
            }
            for p in parts {
                add(p)
                for s in p.children where s.is("source") {
                    for n in s.allDescendants where n.isCore && XLIFF2Constraints.inlineCodes.contains(n.name) {
                        add(n)
                    }
                }
            }
            for od in u.children where od.is("originalData") { unique(od.children.filter { $0.is("data") }, "data") }
            var sourceKinds: [String: String] = [:]
            var sourceMarks: [String: Node] = [:]
            for p in parts {
                for s in p.children where s.is("source") {
                    for n in s.allDescendants where n.isCore && XLIFF2Constraints.inlineCodes.contains(n.name) {
                        guard let id = n["id"] else { continue }
                        sourceKinds[id] = n.name
                        if n.name == "mrk" { sourceMarks[id] = n }
                    }
                }
            }
            // A target may hold a code once only, of the kind its source has.
            for p in parts {
                for t in p.children where t.is("target") {
                    for n in t.allDescendants where n.isCore && XLIFF2Constraints.inlineCodes.contains(n.name) {
                        if let id = n["id"], n.name == "mrk", let s = sourceMarks[id],
                            (s["translate"] ?? "") != (n["translate"] ?? "")
                        {
                            error(
                                "code-kind", n.line,
                                "<mrk id=\"\(id)\"> in the target has translate=\"\(n["translate"] ?? "")\", its source's has \"\(s["translate"] ?? "")\""
                            )
                        }
                        if let id = n["id"], let kind = sourceKinds[id], kind != n.name {
                            error(
                                "code-kind", n.line,
                                "<\(n.name) id=\"\(id)\"> in the target does not correspond to the source's <\(kind) id=\"\(id)\">"
                            )
                        }
                    }
                    var inTarget: [String: Int] = [:]
                    for n in t.allDescendants where n.isCore && XLIFF2Constraints.inlineCodes.contains(n.name) {
                        guard let id = n["id"] else { continue }
                        if let first = inTarget[id] {
                            error(
                                "unique-id", n.line,
                                "<\(n.name) id=\"\(id)\"> appears twice in the same target (line \(first))")
                        }
                        inTarget[id] = n.line
                    }
                }
            }
        }

        /// References and attribute rules of inline codes and annotations.
        func inline(_ side: Node, _ u: Node, data: Set<String>, notes: Set<String>) {
            let all = side.allDescendants
            let codes = Dictionary(
                all.filter { $0.isCore && XLIFF2Constraints.inlineCodes.contains($0.name) }.compactMap { n in
                    n["id"].map { ($0, n) }
                },
                uniquingKeysWith: { a, _ in a })
            let unitCodes = u.scoped().filter {
                $0.isCore && XLIFF2Constraints.inlineCodes.contains($0.name) && $0.ancestor("source") != nil
            }
            let sourceCodes = Dictionary(
                unitCodes.compactMap { n in n["id"].map { ($0, n) } }, uniquingKeysWith: { a, _ in a })
            for n in all where n.isCore {
                for key in ["dataRef", "dataRefStart", "dataRefEnd"] {
                    guard let ref = n[key] else { continue }
                    if !data.contains(ref) {
                        error(
                            "data-ref", n.line,
                            "\(key)=\"\(ref)\" on <\(n.name)> names no <data> of this unit's originalData")
                    }
                }
                if let t = n["subType"], n["type"] == nil {
                    error("subtype", n.line, "<\(n.name)> has subType=\"\(t)\" but no type: subType refines a type")
                }
                if let st = n["subType"], let ty = n["type"], st.hasPrefix("xlf:") {
                    let expected: [String: String] = [
                        "xlf:lb": "fmt", "xlf:pb": "fmt", "xlf:b": "fmt", "xlf:i": "fmt", "xlf:u": "fmt",
                        "xlf:var": "ui",
                    ]
                    if let e = expected[st], e != ty {
                        error("subtype", n.line, "subType=\"\(st)\" needs type=\"\(e)\", not \"\(ty)\"")
                    } else if expected[st] == nil {
                        error(
                            "subtype", n.line,
                            "subType=\"\(st)\" is not one of the xlf: values (xlf:lb, xlf:pb, xlf:b, xlf:i, xlf:u, xlf:var)"
                        )
                    }
                }
                if let of = n["copyOf"] {
                    if let target = sourceCodes[of] ?? codes[of] {
                        if target["canCopy"] == "no" {
                            error("copy-of", n.line, "copyOf=\"\(of)\" copies a code marked canCopy=\"no\"")
                        }
                    } else {
                        error("copy-of", n.line, "copyOf=\"\(of)\" names no inline code of this unit")
                    }
                    if n["dataRef"] != nil || n["dataRefStart"] != nil || n["dataRefEnd"] != nil {
                        error("copy-of", n.line, "<\(n.name)> with copyOf must not also point to original data")
                    }
                }
                if let flows = n["subFlows"] ?? n["subFlowsStart"] ?? n["subFlowsEnd"] {
                    subFlows.append((flows.split(separator: " ").map(String.init), n.line))
                }
                if n.name == "cp", let hex = n["hex"] {
                    if let v = UInt32(hex, radix: 16), v <= 0x10FFFF {
                        let allowed =
                            v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v)
                            || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
                        if allowed {
                            error(
                                "cp", n.line,
                                "<cp hex=\"\(hex)\"/> stands for a character XML can hold: write the character itself")
                        }
                    } else {
                        error("cp", n.line, "<cp hex=\"\(hex)\"/> is not a Unicode code point")
                    }
                }
                if n.name == "mrk" || n.name == "sm", n["type"] == "comment" {
                    let value = n["value"]
                    let ref = n["ref"]
                    if value != nil && ref != nil {
                        error(
                            "comment", n.line, "a comment annotation has both value and ref: it must have exactly one")
                    } else if value == nil && ref == nil {
                        error(
                            "comment", n.line,
                            "a comment annotation has neither value nor ref: it must say the comment or point to a note"
                        )
                    } else if let ref {
                        let target = XLIFF2Constraints.fragmentTarget(ref)
                        let path = ref.split(separator: "/").map(String.init)
                        let otherUnit =
                            path.contains { $0.hasPrefix("u=") && $0 != "u=\(u["id"] ?? "")" }
                            || (ref.contains("f=") && !ref.contains("u="))
                        if target.prefix != "n" || !notes.contains(target.id) || otherUnit {
                            error(
                                "comment", n.line, "ref=\"\(ref)\" does not point to a note of this unit (write #n=ID)")
                        }
                    }
                }
                if let ref = n["ref"], ref.hasPrefix("#"), n.name == "mrk" || n.name == "sm" {
                    if let problem = XLIFF2Constraints.fragmentProblem(ref) {
                        error(
                            "fragment-id", n.line, "ref=\"\(ref)\" is not a valid XLIFF fragment identifier: \(problem)"
                        )
                    }
                }
                if n.name == "sm" || n.name == "mrk", n["translate"] != nil, n["translate"] != "yes",
                    n["translate"] != "no"
                {
                    error("translate", n.line, "translate must be yes or no")
                }
            }
        }

        /// canReorder: a `no` code continues a sequence a `firstNo` code starts; codes of a
        /// sequence can be neither copied nor deleted; a target keeps each sequence whole, in order,
        /// in the same element.
        func reordering(_ s: Node, _ t: Node?) {
            func key(_ n: Node) -> String { n["id"] ?? n["startRef"].map { "ec:" + $0 } ?? "" }
            func parentKey(_ n: Node) -> String {
                guard let p = n.parent else { return "" }
                return p.is("source") || p.is("target") ? "side" : "\(p.name)|\(p["id"] ?? "")"
            }
            let codes = s.allDescendants.filter { $0.isCore && ["ph", "pc", "sc", "ec"].contains($0.name) }
            var sequences: [[Node]] = []
            for (i, n) in codes.enumerated() {
                let value = n["canReorder"] ?? "yes"
                if value != "yes" {
                    for a in ["canCopy", "canDelete"] where n[a] != "no" {
                        error(
                            "can-reorder", n.line,
                            "<\(n.name) \(key(n))> has canReorder=\"\(value)\", so \(a) must be \"no\"")
                    }
                }
                if value == "firstNo" {
                    sequences.append([n])
                } else if value == "no" {
                    let previous = i > 0 ? (codes[i - 1]["canReorder"] ?? "yes") : "yes"
                    if previous == "yes" || sequences.isEmpty {
                        error(
                            "can-reorder", n.line,
                            "<\(n.name) \(key(n))> has canReorder=\"no\" but no code with canReorder=\"firstNo\" starts its sequence"
                        )
                    } else {
                        sequences[sequences.count - 1].append(n)
                    }
                }
            }
            guard let t, !sequences.isEmpty else { return }
            let targetCodes = t.allDescendants.filter { $0.isCore && ["ph", "pc", "sc", "ec"].contains($0.name) }
            let index = Dictionary(targetCodes.enumerated().map { (key($1), $0) }, uniquingKeysWith: { a, _ in a })
            for seq in sequences {
                guard let start = index[key(seq[0])] else { continue }
                for (k, code) in seq.enumerated() {
                    let j = start + k
                    guard j < targetCodes.count, key(targetCodes[j]) == key(code),
                        parentKey(targetCodes[j]) == parentKey(code)
                    else {
                        error(
                            "can-reorder", t.line,
                            "the target breaks the sequence that <\(seq[0].name) \(key(seq[0]))> starts (canReorder=\"firstNo\"): its codes must stay together, in order, in the same element"
                        )
                        break
                    }
                }
            }
        }

        /// Codes with canDelete="no" in a source must be in its target.
        func nonRemovable(_ s: Node, _ t: Node) {
            let inTarget = Set(t.allDescendants.compactMap { $0["id"] ?? $0["startRef"].map { "ec:" + $0 } })
            for n in s.allDescendants where n.isCore && n["canDelete"] == "no" {
                let key = n["id"] ?? n["startRef"].map { "ec:" + $0 }
                if let key, !inTarget.contains(key) {
                    error(
                        "can-delete", t.line,
                        "the target lacks <\(n.name)> \(key) (line \(n.line)), which is marked canDelete=\"no\"")
                }
            }
        }

        /// sc/ec and sm/em pairs across the unit's sources (or targets).
        func pairing(_ u: Node, _ parts: [Node], side: String) {
            var seq: [Node] = []
            for p in parts {
                for s in p.children where s.is(side) {
                    seq += s.allDescendants.filter { $0.isCore && ["sc", "ec", "sm", "em"].contains($0.name) }
                }
            }
            if seq.isEmpty { return }
            var openSC: [String: Node] = [:]
            var openSM: [String: Node] = [:]
            let allSC = Set(seq.filter { $0.name == "sc" }.compactMap { $0["id"] })
            let allSM = Set(seq.filter { $0.name == "sm" }.compactMap { $0["id"] })
            for n in seq {
                switch n.name {
                case "sc":
                    if n["isolated"] != "yes", let id = n["id"] { openSC[id] = n }
                case "ec":
                    if n["isolated"] == "yes" {
                        if n["startRef"] != nil {
                            error("isolated", n.line, "an isolated <ec> must use id, not startRef")
                        }
                        if n["id"] == nil { error("isolated", n.line, "an isolated <ec> needs an id") }
                        continue
                    }
                    guard let ref = n["startRef"] else {
                        error(
                            "isolated", n.line,
                            "<ec> without startRef must be marked isolated=\"yes\" (its <sc> is not in this unit)")
                        continue
                    }
                    if n["id"] != nil { error("isolated", n.line, "an <ec> with startRef must not have an id") }
                    if let sc = openSC.removeValue(forKey: ref) {
                        for a in ["type", "subType", "dir", "copyOf"] where n[a] != nil && n[a] != sc[a] {
                            error(
                                "code-pair", n.line,
                                "\(a) differs between <sc id=\"\(ref)\"> (line \(sc.line)) and its <ec>")
                        }
                        for a in ["canCopy", "canDelete", "canOverlap", "canReorder"]
                        where (sc[a] ?? "yes") != (n[a] ?? "yes") {
                            if a == "canReorder", sc[a] == "firstNo", n[a] == "no" { continue }
                            error(
                                "code-pair", n.line,
                                "\(a) differs between <sc id=\"\(ref)\"> (line \(sc.line)) and its <ec>")
                        }
                    } else if allSC.contains(ref) {
                        error("code-pair", n.line, "<ec startRef=\"\(ref)\"> comes before its <sc>, or closes it twice")
                    } else {
                        error(
                            "code-pair", n.line,
                            "<ec startRef=\"\(ref)\"> has no <sc id=\"\(ref)\"> in this unit (if it is alone, write isolated=\"yes\" and id)"
                        )
                    }
                case "sm":
                    if let id = n["id"] { openSM[id] = n }
                case "em":
                    guard let ref = n["startRef"] else { continue }
                    if openSM.removeValue(forKey: ref) == nil {
                        error(
                            "marker-pair", n.line,
                            allSM.contains(ref)
                                ? "<em startRef=\"\(ref)\"> comes before its <sm>"
                                : "<em startRef=\"\(ref)\"> has no <sm id=\"\(ref)\"> in this unit")
                    }
                default: break
                }
            }
            for (id, sc) in openSC {
                error("isolated", sc.line, "<sc id=\"\(id)\"> has no <ec> in this unit: mark it isolated=\"yes\"")
            }
            for (id, sm) in openSM {
                error("marker-pair", sm.line, "<sm id=\"\(id)\"> has no <em> in this unit")
            }
        }

        // MARK: Modules

        func modules(_ u: Node, _ content: [Node]) {
            let markers = Set(content.filter { ($0.is("mrk") || $0.is("sm")) }.compactMap { $0["id"] })
            for g in content where g.is("glossary", "gls") {
                var seen: [String: Int] = [:]
                for e in g.allDescendants where (e.is("glossEntry", "gls") || e.is("translation", "gls")) {
                    guard let id = e["id"] else { continue }
                    if let first = seen[id] {
                        error(
                            "gls-unique-id", e.line,
                            "gls:\(e.name) id=\"\(id)\" is used twice in the glossary (line \(first))")
                    }
                    seen[id] = e.line
                }
                for e in g.children where e.is("glossEntry", "gls") {
                    if !e.children.contains(where: { $0.is("translation", "gls") || $0.is("definition", "gls") }) {
                        error("gls-entry", e.line, "a gls:glossEntry needs a gls:translation or a gls:definition")
                    }
                }
            }
            for e in content where e.ns == "gls" && e["ref"] != nil {
                let ref = e["ref"]!
                if ref.hasPrefix("#"), !ref.contains("="), !markers.contains(String(ref.dropFirst())) {
                    error("gls-ref", e.line, "ref=\"\(ref)\" on gls:\(e.name) names no <mrk> of this unit")
                }
            }
            let unitIDs = Dictionary(
                content.compactMap { n in n["id"].map { ($0, n) } }, uniquingKeysWith: { a, _ in a })
            let noteCount = content.filter { $0.is("note") }.count
            for r in content where r.is("revisions", "ctr") {
                if let ref = r["ref"] {
                    guard let target = unitIDs[ref] else {
                        error("ctr-ref", r.line, "ctr:revisions ref=\"\(ref)\" names no element of this unit")
                        continue
                    }
                    for item in r.allDescendants where item.is("item", "ctr") {
                        if let p = item["property"], p != "content", target[p] == nil {
                            error(
                                "ctr-property", item.line,
                                "ctr:item property=\"\(p)\" is neither content nor an attribute of <\(target.name) id=\"\(ref)\">"
                            )
                        }
                    }
                } else if r["appliesTo"] == "note", noteCount > 1 {
                    error(
                        "ctr-ref", r.line,
                        "ctr:revisions applies to a note of a unit that has several: say which with ref")
                }
            }
            for m in content where m.is("matches", "mtc") {
                var seen: [String: Int] = [:]
                for match in m.children where match.is("match", "mtc") {
                    if let id = match["id"] {
                        if let first = seen[id] {
                            error("mtc-unique-id", match.line, "mtc:match id=\"\(id)\" is used twice (line \(first))")
                        }
                        seen[id] = match.line
                    }
                    if match["subType"] != nil, match["type"] == nil {
                        error("mtc-subtype", match.line, "mtc:match has subType but no type")
                    }
                    if let ref = match["ref"] {
                        if !ref.hasPrefix("#") || ref.contains("/") && !ref.contains("=") {
                            error(
                                "mtc-ref", match.line,
                                "ref=\"\(ref)\" must be a fragment identifier (#ID) pointing into this unit")
                        } else if !ref.contains("="), !markers.contains(String(ref.dropFirst())),
                            !content.contains(where: { $0["id"] == String(ref.dropFirst()) })
                        {
                            error("mtc-ref", match.line, "ref=\"\(ref)\" names nothing in this unit")
                        }
                    }
                    for side in match.children
                    where (side.is("source") || side.is("target")) && match["reference"] != "yes" {
                        if side["xml:lang"] != nil {
                            let expect = side.name == "source" ? srcLang : trgLang
                            if let expect, side["xml:lang"]!.lowercased() != expect.lowercased() {
                                error(
                                    "mtc-lang", side.line,
                                    "the match's \(side.name) is in \"\(side["xml:lang"]!)\", not \"\(expect)\"")
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: Language tags and fragment identifiers

    /// Whether `tag` is a well-formed BCP 47 language tag (syntax only).
    public static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty else { return false }
        func alpha(_ s: String) -> Bool { s.allSatisfy { $0.isASCII && $0.isLetter } }
        func alnum(_ s: String) -> Bool { s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        if first.lowercased() == "x" || first.lowercased() == "i" {
            return parts.count > 1 && parts.dropFirst().allSatisfy { !$0.isEmpty && $0.count <= 8 && alnum($0) }
        }
        guard alpha(first), (2...8).contains(first.count), first.count != 4 else { return false }
        var i = 1
        var state = 0  // 0 extlang/script, 1 region, 2 variants, 3 extensions
        while i < parts.count {
            let p = parts[i]
            guard !p.isEmpty, p.count <= 8, alnum(p) else { return false }
            if p.count == 1 {
                // Extension or private use: needs at least one subtag after it.
                guard i + 1 < parts.count else { return false }
                return parts[(i + 1)...].allSatisfy { !$0.isEmpty && $0.count <= 8 && alnum($0) }
            }
            if state == 0, p.count == 3, alpha(p), first.count <= 3 {
                i += 1
                continue
            }
            if state == 0, p.count == 4, alpha(p) {
                state = 1
                i += 1
                continue
            }
            if state <= 1, (p.count == 2 && alpha(p)) || (p.count == 3 && p.allSatisfy(\.isNumber)) {
                state = 2
                i += 1
                continue
            }
            if (p.count >= 5) || (p.count == 4 && p.first!.isNumber) {
                state = 2
                i += 1
                continue
            }
            return false
        }
        return true
    }

    /// The elements each OASIS module defines (a module's namespace admits no others).
    static let moduleElements: [String: Set<String>] = [
        "gls": ["glossary", "glossEntry", "term", "translation", "definition"],
        "mda": ["metadata", "metaGroup", "meta"], "mtc": ["matches", "match"],
        "res": ["resourceData", "resourceItemRef", "resourceItem", "source", "target", "reference"],
        "slr": ["profiles", "normalization", "data"], "val": ["validation", "rule"],
        "ctr": ["changeTrack", "revisions", "revision", "item"], "fs": [],
    ]

    /// `*`, `N`, `N,N` or `N,*` (Size and Length Restriction).
    static func isSizePattern(_ v: String) -> Bool {
        func number(_ s: Substring) -> Bool { !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
        if v == "*" { return true }
        let parts = v.split(separator: ",", omittingEmptySubsequences: false)
        if parts.count == 1 { return number(parts[0]) }
        return parts.count == 2 && number(parts[0]) && (number(parts[1]) || parts[1] == "*")
    }

    static let corePrefixes: Set<String> = ["f", "g", "u", "n", "d", "t"]
    static let modulePrefixes: Set<String> = [
        "gls", "mtc", "res", "slr", "val", "ctr", "mda", "its", "fs", "pgs", "tbx",
    ]

    /// The last prefix and id of a fragment identifier (`#n=n1` → ("n", "n1"); `#m1` → ("", "m1")).
    static func fragmentTarget(_ ref: String) -> (prefix: String, id: String) {
        let body = ref.hasPrefix("#") ? ref.dropFirst() : Substring(ref)
        let last = body.split(separator: "/").last.map(String.init) ?? ""
        if let eq = last.firstIndex(of: "=") { return (String(last[..<eq]), String(last[last.index(after: eq)...])) }
        return ("", last)
    }

    /// What is wrong with an XLIFF fragment identifier (`#/f=f1/u=1/n=n1`, `#m1`), or `nil`.
    static func fragmentProblem(_ ref: String) -> String? {
        var body = Substring(ref.dropFirst())
        if body.hasPrefix("/") { body = body.dropFirst() }
        let parts = body.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        func nmtoken(_ s: String) -> Bool {
            !s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber || "._-:".contains($0) }
        }
        if !body.contains("=") {
            return parts.count == 1 && nmtoken(parts[0]) ? nil : "an id alone must be a single name, without slashes"
        }
        var seen: Set<String> = []
        var rank = 0  // f=0, g=1, u=2, leaf=3
        for (i, p) in parts.enumerated() {
            guard let eq = p.firstIndex(of: "=") else {
                return "\"\(p)\" has no prefix= (every part of a path needs one)"
            }
            let prefix = String(p[..<eq])
            let id = String(p[p.index(after: eq)...])
            guard nmtoken(prefix), !prefix.contains(":") else { return "the prefix \"\(prefix)\" is not a name" }
            guard nmtoken(id) else { return "\"\(id)\" is not an id" }
            if !corePrefixes.contains(prefix) && !modulePrefixes.contains(prefix) {
                return prefix.count == 1
                    ? "\"\(prefix)\" is no XLIFF prefix (f, g, u, n, d, t) and a module's prefix has at least two letters"
                    : "the prefix \"\(prefix)\" is not registered (XLIFF's own are f, g, u, n, d, t; modules: gls, mtc, res, slr, val, ctr, mda)"
            }
            if prefix != "g", !seen.insert(prefix).inserted { return "the prefix \(prefix)= appears twice" }
            let r: Int
            switch prefix {
            case "f": r = 0
            case "g": r = 1
            case "u": r = 2
            default: r = 3
            }
            if r < rank { return "\(prefix)= comes after a part that must follow it (order: f, g, u, then the leaf)" }
            if r == 3 && i != parts.count - 1 { return "\(prefix)= names a leaf and must be the last part" }
            if r == 3 && rank == 3 { return "only one leaf (n=, d=, t= or a module's) may end the path" }
            rank = Swift.max(rank, r)
        }
        return nil
    }
}
