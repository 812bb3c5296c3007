import Foundation
import MekongTestSupport
import Testing

@Suite struct ExtractCommandTests {
    static func emptyGlossary() -> String {
        let dir = TestSupport.temporaryFolder("empty")
        return dir
    }

    /// With an empty glossary, extraction on the seeds should propose most people, places and
    /// bodies of the shipped glossary, and few fragments.
    @Test func recallAndPrecisionAgainstTheShippedGlossary() throws {
        let r = try CLI.run(["glossary", "extract", "seeds/", "--glossary", Self.emptyGlossary(), "--format", "json"])
        #expect(r.status == 0)
        let candidates = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        let keys = Set(candidates.map { $0["key"] as! String })
        let shipped = try CLI.run(["glossary", "list", "--format", "json"])
        let concepts = try JSONSerialization.jsonObject(with: Data(shipped.stdout.utf8)) as! [[String: Any]]
        func frKeys(_ c: [String: Any]) -> Set<String> {
            let fr = ((c["terms"] as! [String: Any])["fr"] as! [String: Any])
            let forms = [fr["preferred"] as? String].compactMap { $0 } + (fr["admitted"] as! [String])
            return Set(forms.map(fold))
        }
        let named = concepts.filter { ["person", "place", "body", "organization"].contains($0["type"] as! String) }
        let found = named.filter { !frKeys($0).isDisjoint(with: keys) }
        let allKeys = concepts.reduce(into: Set<String>()) { $0.formUnion(frKeys($1)) }
        let correct = keys.filter { allKeys.contains($0) }
        let recall = Double(found.count) / Double(named.count)
        let precision = Double(correct.count) / Double(keys.count)
        print(
            String(
                format:
                    "extract on the seeds: %d candidates; recall %.2f (%d of %d people, places, bodies, organisations), precision %.2f",
                keys.count, recall, found.count, named.count, precision))
        print(
            "  missed: "
                + named.filter { frKeys($0).isDisjoint(with: keys) }.map { $0["id"] as! String }.joined(separator: ", ")
        )
        print("  not in the glossary: " + keys.subtracting(allKeys).sorted().joined(separator: " | "))
        #expect(recall >= 0.6)
        #expect(precision >= 0.5)
        // No fragments of the usual kinds.
        for fragment in ["photo", "voir", "le", "la", "lors", "selon", "parti", "etat", "decembre"] {
            #expect(!keys.contains(fragment))
        }
    }

    @Test func knownNamesAreSkippedAndNewSpellingsMarked() throws {
        let article = CLI.temporaryFile(
            Array("Titre\n\nLe secrétaire Tran Quoc Cuong a reçu Trần Quốc Cường et Nguyễn Văn An à Hanoï.\n".utf8))
        let r = try CLI.run(["glossary", "extract", article, "--format", "json"])
        let candidates = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        let byKey = Dictionary(uniqueKeysWithValues: candidates.map { ($0["key"] as! String, $0) })
        #expect(byKey["hanoi"] == nil)  // known, in a known form
        #expect(byKey["tran quoc cuong"] == nil)  // both forms are known forms
        #expect(byKey["nguyen van an"] != nil)  // unknown person
        #expect(byKey["nguyen van an"]?["type"] as? String == "person")
    }

    @Test func acronymsComeWithTheirExpansions() throws {
        let article = CLI.temporaryFile(
            Array(
                "Titre\n\nIl est membre du Comité central du Parti populaire révolutionnaire lao (PPRL) depuis 2016.\n"
                    .utf8))
        let r = try CLI.run(["glossary", "extract", article, "--format", "json", "--glossary", Self.emptyGlossary()])
        let candidates = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        let party = try #require(candidates.first { $0["key"] as? String == "parti populaire revolutionnaire lao" })
        #expect(party["acronym"] as? String == "PPRL")
        #expect(party["type"] as? String == "body")
        #expect(candidates.contains { $0["key"] as? String == "pprl" })
        #expect(
            candidates.contains { $0["key"] as? String == "comite central du parti populaire revolutionnaire lao" }
                == false)
    }

    @Test func csvOutputImportsAsIs() throws {
        let g = Self.emptyGlossary()
        let csv = TestSupport.temporaryFolder() + "/extract.csv"
        #expect(
            try CLI.run(["glossary", "extract", "seeds/", "--glossary", g, "--format", "csv", "-o", csv]).status == 0)
        let r = try CLI.run(["glossary", "import", "--glossary", g, csv])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("read as CSV separated by ','\nadded "))
        let list = try CLI.run(["glossary", "list", "--glossary", g, "--status", "proposed"])
        #expect(list.stdout.contains("Sonesay Siphandone"))
    }
}

/// The folding `mekong glossary find` uses, for comparing keys in the test.
private func fold(_ s: String) -> String {
    var out = ""
    var space = false
    for ch in s.replacingOccurrences(of: "Đ", with: "D").replacingOccurrences(of: "đ", with: "d")
        .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    {
        if ch.isLetter || ch.isNumber {
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(ch)
        } else {
            space = true
        }
    }
    return out
}
