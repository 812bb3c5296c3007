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
        // Counted against every person, place, office, body and organisation (issue 11: 0.71 before
        // offices and long names were extracted).
        let withOffices = concepts.filter { $0["type"] as! String != "event" && $0["type"] as! String != "other" }
        let foundWithOffices = withOffices.filter { !frKeys($0).isDisjoint(with: keys) }
        let recallWithOffices = Double(foundWithOffices.count) / Double(withOffices.count)
        print(
            String(
                format: "  with offices: recall %.2f (%d of %d)", recallWithOffices, foundWithOffices.count,
                withOffices.count))
        #expect(recall >= 0.75)
        #expect(recallWithOffices >= 0.75)
        #expect(precision >= 0.6)
        // No fragments of the usual kinds.
        for fragment in ["photo", "voir", "le", "la", "lors", "selon", "parti", "etat", "decembre"] {
            #expect(!keys.contains(fragment))
        }
    }

    @Test func titlesAreStrippedAndProposedAsOffices() throws {
        let article = CLI.temporaryFile(
            Array(
                """
                Titre

                Le Président Kaysone Phomvihane a reçu le ministre des Affaires étrangères du Laos.
                La délégation du ministère de l’Information, de la Culture et du Tourisme est arrivée.
                Il travaille à l’Institut de recherche relevant de l’Académie des sciences sociales du Yunnan.

                """.utf8))
        let r = try CLI.run(["glossary", "extract", article, "--glossary", Self.emptyGlossary(), "--format", "json"])
        let candidates = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        let byKey = Dictionary(uniqueKeysWithValues: candidates.map { ($0["key"] as! String, $0["type"] as! String) })
        #expect(byKey["kaysone phomvihane"] == "person")
        #expect(byKey["president kaysone phomvihane"] == nil)
        #expect(byKey["president"] == "office")
        #expect(byKey["ministre des affaires etrangeres"] == "office")
        #expect(byKey["ministere de l information de la culture et du tourisme"] == "body")
        #expect(byKey["academie des sciences sociales du yunnan"] == "organization")
        #expect(byKey["yunnan"] == "place")
    }

    @Test func vietnameseArticlesGiveCapitalisedRunsAndInstitutions() throws {
        let article = CLI.temporaryFile(
            Array(
                """
                Tiêu đề

                Khi Thủ tướng Phạm Minh Chính đến tỉnh Điện Biên, Bộ Ngoại giao Việt Nam cho biết như vậy.
                Ủy ban nhân dân tỉnh Điện Biên đã họp với ông Nguyễn Văn An và đoàn của nước Lào.
                Trường hợp này được Bộ Chính trị xem xét.

                """.utf8))
        let r = try CLI.run([
            "glossary", "extract", article, "--lang", "vi", "--glossary", Self.emptyGlossary(), "--format", "json",
        ])
        #expect(r.status == 0)
        let candidates = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        let byKey = Dictionary(uniqueKeysWithValues: candidates.map { ($0["key"] as! String, $0["type"] as! String) })
        #expect(byKey["pham minh chinh"] == "person")
        #expect(byKey["nguyen van an"] == "person")
        #expect(byKey["dien bien"] == "place")
        #expect(byKey["lao"] == "place")
        #expect(byKey["bo ngoai giao viet nam"] == "body")
        #expect(byKey["uy ban nhan dan tinh dien bien"] == "body")
        #expect(byKey["bo chinh tri"] == "body")
        #expect(byKey["truong hop"] == nil)
        #expect(byKey["khi thu"] == nil)
        let csv = try CLI.run(["glossary", "extract", article, "--lang", "vi", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("type,status,vi,note,source"))
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
