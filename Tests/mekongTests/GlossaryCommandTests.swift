import Foundation
import MekongTestSupport
import Testing

@Suite struct GlossaryCommandTests {
    func directory() -> String {
        let dir = TestSupport.temporaryFolder("cli-glossary")
        return dir
    }

    @Test func addFindShowEditRemove() throws {
        let g = directory()
        let add = try CLI.run([
            "glossary", "add", "--glossary", g, "--type", "place", "--fr", "Diên Biên | Dien Bien", "--vi", "Điện Biên",
        ])
        #expect(add.status == 0)
        #expect(add.stdout == "dien-bien\n")
        let find = try CLI.run(["glossary", "find", "--glossary", g, "dien bien"])
        #expect(find.status == 0)
        #expect(find.stdout.hasPrefix("dien-bien\tfr: Diên Biên\t(exact)\n"))
        #expect(try CLI.run(["glossary", "find", "--glossary", g, "Vientiane"]).status == 1)
        #expect(try CLI.run(["glossary", "edit", "--glossary", g, "dien-bien", "--status", "approved"]).status == 0)
        let show = try CLI.run(["glossary", "show", "--glossary", g, "dien-bien", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as! [String: Any]
        #expect(object["status"] as? String == "approved")
        #expect(((object["terms"] as! [String: Any])["vi"] as! [String: Any])["preferred"] as? String == "Điện Biên")
        let again = try CLI.run([
            "glossary", "add", "--glossary", g, "--type", "place", "--fr", "Dien Bien", "--id", "dien-bien",
        ])
        #expect(again.status == 2)
        #expect(again.stderr.contains("a concept with id 'dien-bien' exists"))
        #expect(try CLI.run(["glossary", "remove", "--glossary", g, "dien-bien"]).status == 0)
        #expect(try CLI.run(["glossary", "show", "--glossary", g, "dien-bien"]).status == 2)
    }

    /// Two (here eight) processes adding at once: every add lands, the file stays well-formed.
    @Test func concurrentAddsAllLand() throws {
        let g = directory()
        let names = (1...8).map { "Province \($0)" }
        let processes = try names.map { name -> Process in
            let p = Process()
            p.executableURL = CLI.executable
            p.arguments = ["glossary", "add", "--glossary", g, "--type", "place", "--fr", name]
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            return p
        }
        for p in processes {
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
        let list = try CLI.run(["glossary", "list", "--glossary", g])
        #expect(list.stdout.split(separator: "\n").count == 8)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: g).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func importReportsAndRefusesFilesWithErrors() throws {
        let g = directory()
        let good = CLI.temporaryFile(
            Array("type,fr,vi\nplace,Hanoï,Hà Nội\nplace,Vientiane,Viêng Chăn\n".utf8), name: "g.csv")
        let r = try CLI.run(["glossary", "import", "--glossary", g, good])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("read as CSV separated by ','\nadded 2, changed 0, kept 0\n"))
        let bad = CLI.temporaryFile(Array("type,fr\nplace,Luang Prabang\nplanet,Mars\n".utf8), name: "bad.csv")
        let rb = try CLI.run(["glossary", "import", "--glossary", g, bad])
        #expect(rb.status == 2)
        #expect(rb.stderr.contains("bad.csv:3:1: error: bad type 'planet'"))
        #expect(try CLI.run(["glossary", "find", "--glossary", g, "Luang Prabang"]).status == 1)
    }

    @Test func lintExitsOneOnFindings() throws {
        let g = directory()
        _ = try CLI.run(["glossary", "add", "--glossary", g, "--type", "place", "--fr", "Diên Biên"])
        #expect(try CLI.run(["glossary", "lint", "--glossary", g]).status == 0)
        _ = try CLI.run([
            "glossary", "add", "--glossary", g, "--type", "place", "--fr", "Dien Bien", "--id", "other", "--force",
        ])
        let lint = try CLI.run(["glossary", "lint", "--glossary", g])
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("[duplicate]"))
    }

    @Test func brokenRowNamesFileLineColumnAndExits2() throws {
        let g = directory()
        _ = FileManager.default.createFile(
            atPath: g + "/place.tsv",
            contents: Data("id\tstatus\tfr\tvi\tlo\tlo-Latn\tnote\tsource\nx\tbad\tX\t\t\t\t\t\n".utf8))
        let r = try CLI.run(["glossary", "list", "--glossary", g])
        #expect(r.status == 2)
        #expect(r.stderr == "\(g)/place.tsv:2:3: error: bad status 'bad': expected proposed or approved\n")
    }

    @Test func exportFormatsAndOmegaTFileName() throws {
        let g = directory()
        _ = try CLI.run([
            "glossary", "add", "--glossary", g, "--type", "place", "--fr", "Luang Prabang", "--lo", "ຫຼວງພະບາງ",
        ])
        let out = TestSupport.temporaryFolder() + "/mekong.utf8"
        #expect(
            try CLI.run(["glossary", "export", "--glossary", g, "--format", "omegat", "--pair", "fr-lo", "-o", out])
                .status == 0)
        #expect(
            String(decoding: FileManager.default.contents(atPath: out)!, as: UTF8.self).contains(
                "Luang Prabang\tຫຼວງພະບາງ\tplace; proposed\n"))
        let tsv = try CLI.run(["glossary", "export", "--glossary", g, "--format", "omegat", "-o", "x.tsv"])
        #expect(tsv.status == 2)
        #expect(tsv.stderr.contains("OmegaT silently ignores .tsv"))
        let tbx = try CLI.run(["glossary", "export", "--glossary", g, "--format", "tbx2008"])
        #expect(tbx.stdout.contains("<langSet xml:lang=\"lo\">"))
    }
}
