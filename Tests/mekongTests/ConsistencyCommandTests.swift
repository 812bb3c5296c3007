import Foundation
import MekongTestSupport
import Testing

@Suite struct ConsistencyCommandTests {
    @Test func reportsFormsNearNamesStuttersAndStyleMix() throws {
        let dir = TestSupport.temporaryFolder("consistency")
        _ = FileManager.default.createFile(
            atPath: dir + "/a.txt",
            contents: Data(
                """
                Titre

                Le ministre Thongsavanh Phomvihane a reçu Bouasone Vongsay à Diên Biên Biên.
                Le ministre Trần Quốc Cường et Truong Minh Tuan ont parlé.
                """.utf8))
        _ = FileManager.default.createFile(
            atPath: dir + "/b.txt",
            contents: Data(
                """
                Titre

                Le ministre Thongsavanh Phomvihan a revu Bouasone Vongsày. Trân Quôc Cuong était là.
                """.utf8))
        let r = try CLI.run(["consistency", dir, "--format", "json"])
        #expect(r.status == 0)
        let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let known = o["known"] as! [[String: Any]]
        #expect(known.contains { $0["concept"] as? String == "tran-quoc-cuong" })
        let unknown = o["unknown"] as! [[String: Any]]
        #expect(
            unknown.contains {
                ($0["a"] as? String)?.hasPrefix("Bouasone Vongsa") == true
                    && $0["why"] as? String == "diacritics or case"
            })
        let stutters = o["stutters"] as! [[String: Any]]
        #expect(stutters.contains { $0["form"] as? String == "Diên Biên Biên" })
        let mix = o["styleMix"] as! [[String: Any]]
        #expect(mix.count == 1)
        // full (Trần Quốc Cường) and ascii (Truong Minh Tuan)
        #expect((mix.first?["file"] as? String)?.hasSuffix("a.txt") == true)
        // One letter off a glossary name: "Phomvihan" for Phomvihane.
        #expect(
            unknown.contains {
                $0["a"] as? String == "Thongsavanh Phomvihan"
                    && $0["why"] as? String == "one letter from thongsavanh-phomvihane"
            })
    }

    @Test func oneLetterApartUnknownNames() throws {
        let article = CLI.temporaryFile(
            Array("Titre\n\nLe délégué Khamphanh Sisavath a parlé. Plus tard Khamphan Sisavath a répondu.\n".utf8))
        let r = try CLI.run(["consistency", article])
        #expect(
            r.stdout.contains("Khamphanh Sisavath ×1 / Khamphan Sisavath ×1 (one letter)")
                || r.stdout.contains("Khamphan Sisavath ×1 / Khamphanh Sisavath ×1 (one letter)"))
    }

    /// False friends: sentence-initial capitals, months, "Photo", "Le", country adjectives.
    @Test func falseFriendsAreNotCandidates() throws {
        let article = CLI.temporaryFile(
            Array(
                """
                Titre

                Lors de la réunion du 17 décembre, Photo : VNA. Le Vietnam et le Laos, pays voisins, ont signé.
                Selon les responsables laotiens et vietnamiens, Mardi 3 Mars, rien ne change. Voir plus
                """.utf8))
        let r = try CLI.run([
            "glossary", "extract", article, "--format", "json", "--glossary", ExtractCommandTests.emptyGlossary(),
        ])
        let keys = (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]).map {
            $0["key"] as! String
        }
        for bad in ["lors", "photo", "le", "selon", "mardi", "mars", "voir", "laotiens", "vietnamiens", "decembre"] {
            #expect(!keys.contains(bad), "\(bad)")
        }
        #expect(keys.contains("vietnam"))
        #expect(keys.contains("laos"))
    }
}
