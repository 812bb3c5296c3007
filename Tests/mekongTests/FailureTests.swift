import Foundation
import MekongTestSupport
import Testing

/// Every failure a user can cause gives exactly one line `place: error: what` on stderr, exit
/// status 2, no Foundation text, and writes nothing.
@Suite struct FailureTests {
    /// Runs `mekong` and checks the one line and the exit status.
    func expectOneLine(
        _ arguments: [String], _ line: String, stdin: Data? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let r = try CLI.run(arguments, stdin: stdin)
        #expect(r.status == 2, sourceLocation: sourceLocation)
        #expect(r.stderr == line + "\n", sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("Error Domain"), sourceLocation: sourceLocation)
    }

    @Test func missingFile() throws {
        try expectOneLine(
            ["segment", "/nonexistent/article.txt"], "/nonexistent/article.txt: error: no such file or folder")
        try expectOneLine(
            ["check", "/nonexistent/article.txt"], "/nonexistent/article.txt: error: no such file or folder")
        try expectOneLine(["validate", "/nonexistent/x.xlf"], "/nonexistent/x.xlf: error: no such file")
        try expectOneLine(["import", "/nonexistent/x.xlf"], "/nonexistent/x.xlf: error: no such file")
        try expectOneLine(
            ["glossary", "import", "/nonexistent/g.csv", "--glossary", TestSupport.temporaryFolder()],
            "/nonexistent/g.csv: error: no such file")
    }

    @Test(.enabled(if: getuid() != 0, "root reads any file, so an unreadable file cannot be made"))
    func unreadableFile() throws {
        let path = TestSupport.temporaryFile("Une phrase.\n")
        chmod(path, 0)
        try expectOneLine(["segment", path], "\(path): error: cannot read: permission denied")
    }

    @Test func aFolderWhereAFileIsExpected() throws {
        let folder = TestSupport.temporaryFolder()
        try expectOneLine(["validate", folder], "\(folder): error: is a folder, not a file")
        try expectOneLine(
            ["segment", "--plain", "-o", folder], "\(folder): error: cannot write: is a folder, not a file",
            stdin: Data("Un.".utf8))
        try expectOneLine(
            ["glossary", "import", folder, "--glossary", TestSupport.temporaryFolder()],
            "\(folder): error: is a folder, not a file")
    }

    @Test func aFileWhereAFolderIsExpected() throws {
        let file = TestSupport.temporaryFile("keep me")
        try expectOneLine(
            ["prepare", "seeds/", "--to", "vi", "-o", file],
            "\(file): error: the output must be a folder, and this is a file")
        try expectOneLine(
            ["check", "--glossary", file, "seeds/"],
            "\(file): error: no glossary here: the folder does not exist (give --glossary DIR or set MEKONG_GLOSSARY)")
        #expect(TestSupport.text(file) == "keep me")
    }

    @Test func aMissingGlossaryFolder() throws {
        let line =
            "glossry: error: no glossary here: the folder does not exist (give --glossary DIR or set MEKONG_GLOSSARY)"
        try expectOneLine(["check", "--glossary", "glossry", "seeds/"], line)
        try expectOneLine(["glossary", "list", "--glossary", "glossry"], line)
        let out = TestSupport.temporaryFolder()
        try expectOneLine(["prepare", "seeds/", "--to", "vi", "--glossary", "glossry", "-o", out], line)
        #expect(TestSupport.listing(out).isEmpty)
        // MEKONG_GLOSSARY names the newsroom's shared glossary.
        let r = try CLI.run(
            ["glossary", "find", "Luang Prabang"], directory: "/tmp",
            environment: ["MEKONG_GLOSSARY": TestSupport.path("glossary")])
        #expect(r.status == 0)
    }

    @Test func outputIntoAMissingFolder() throws {
        try expectOneLine(
            ["segment", "--plain", "-o", "/nonexistent/dir/out.txt"],
            "/nonexistent/dir/out.txt: error: cannot write: the folder /nonexistent/dir does not exist",
            stdin: Data("Un.".utf8))
        try expectOneLine(
            ["glossary", "export", "--format", "csv", "-o", "/nonexistent/dir/g.csv"],
            "/nonexistent/dir/g.csv: error: cannot write: the folder /nonexistent/dir does not exist")
    }

    @Test func invalidUTF8() throws {
        let path = TestSupport.temporaryFile(Array("Titre\n\nDiên ".utf8) + [0xFF] + Array(" Biên.\n".utf8))
        try expectOneLine(["segment", path], "\(path):3:6: error: invalid UTF-8")
        let out = TestSupport.temporaryFolder()
        try expectOneLine(["prepare", path, "--to", "vi", "-o", out], "\(path):3:6: error: invalid UTF-8")
        let csv = TestSupport.temporaryFile(
            Array("type,fr\nplace,Vient".utf8) + [0xE9] + Array("\n".utf8), name: "g.csv")
        try expectOneLine(
            ["glossary", "import", csv, "--glossary", TestSupport.temporaryFolder()],
            "\(csv):2:12: error: invalid UTF-8")
    }

    @Test func malformedXML() throws {
        let xlf = TestSupport.temporaryFile("<xliff version=\"2.1\">\n<file>\n</xliff>\n", name: "broken.xlf")
        let r = try CLI.run(["import", xlf])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("\(xlf):3:"))
        #expect(r.stderr.contains(": error: "))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func aBrokenGlossaryRow() throws {
        let g = TestSupport.temporaryFolder()
        _ = FileManager.default.createFile(
            atPath: g + "/place.tsv",
            contents: Data("id\tstatus\tfr\tvi\tlo\tlo-Latn\tnote\tsource\nx\tbad\tX\t\t\t\t\t\n".utf8))
        try expectOneLine(
            ["check", "--glossary", g, "seeds/"],
            "\(g)/place.tsv:2:3: error: bad status 'bad': expected proposed or approved")
        let before = TestSupport.text(g + "/place.tsv")
        try expectOneLine(
            ["glossary", "add", "--glossary", g, "--type", "place", "--fr", "Hanoï"],
            "\(g)/place.tsv:2:3: error: bad status 'bad': expected proposed or approved")
        #expect(TestSupport.text(g + "/place.tsv") == before)
    }

    @Test func aTMThatIsNotATMXIsRefusedAndLeftAlone() throws {
        let xlf = TestSupport.temporaryFile(Array(ImportCommandTests.translated.utf8), name: "a.fr-vi.xlf")
        let notTMX = TestSupport.temporaryFile(Array(ImportCommandTests.translated.utf8), name: "memory.xlf")
        try expectOneLine(
            ["import", xlf, "--tm", notTMX],
            "\(notTMX): error: --tm must name a TMX memory, and this is XLIFF 1.2: it was left as it is")
        #expect(TestSupport.text(notTMX) == ImportCommandTests.translated)
    }

    @Test func oneBadFileDoesNotLoseTheOthers() throws {
        let good = TestSupport.temporaryFile("Titre\n\nUne phrase. Une autre.\n", name: "good.txt")
        let r = try CLI.run(["segment", "--plain", "--lang", "fr", "/nonexistent.txt", good])
        #expect(r.status == 2)
        #expect(r.stdout == "Titre\n\nUne phrase.\nUne autre.\n")
        #expect(r.stderr == "/nonexistent.txt: error: no such file or folder\n")
        let fast = try CLI.run(["segment", "--plain", "--fail-fast", "/nonexistent.txt", good])
        #expect(fast.status == 2)
        #expect(fast.stdout.isEmpty)
    }
}
