import Foundation
import Testing

/// Runs the built `mekong` executable as a user would.
struct CLI {
    static let executable: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
        var dir = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("mekong")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/mekong").standardized
    }()

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = repository
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func temporaryFile(_ bytes: [UInt8], name: String = "article.txt") -> String {
        let dir = NSTemporaryDirectory() + "mekong-cli-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}

@Suite struct SegmentCommandTests {
    @Test func invalidUTF8IsReportedWithLineAndColumnAndExit2() throws {
        let path = CLI.temporaryFile(Array("Titre\n\nDiên ".utf8) + [0xFF] + Array(" Biên.\n".utf8))
        let r = try CLI.run(["segment", path])
        #expect(r.status == 2)
        #expect(r.stderr == "\(path):3:6: invalid UTF-8\n")
    }

    @Test func missingFileExits2() throws {
        let r = try CLI.run(["segment", "/nonexistent/article.txt"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("/nonexistent/article.txt: "))
    }

    @Test func badLanguageIsAUsageErrorWithExit2() throws {
        let r = try CLI.run(["segment", "--lang", "en"], stdin: Data())
        #expect(r.status == 2)
        #expect(r.stderr.contains("--lang must be fr, vi or lo, not 'en'"))
    }

    @Test func emptyFileGivesNothingAndExit0() throws {
        let r = try CLI.run(["segment", CLI.temporaryFile([])])
        #expect(r.status == 0)
        #expect(r.stdout == "")
    }

    @Test func plainLinesPrintsSentencesWithBlankLinesBetweenParagraphs() throws {
        let r = try CLI.run(["segment", "--plain", "--lang", "fr"], stdin: Data("Un. Deux.\n\nTrois.\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == "Un.\nDeux.\n\nTrois.\n")
    }

    @Test func jsonlHasIdsKindsAndOffsets() throws {
        let r = try CLI.run(["segment", "--format", "jsonl", "seeds/000_ac40248b14b1adc8.txt"])
        #expect(r.status == 0)
        let objects = try r.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(objects.first?["id"] as? String == "000_ac40248b14b1adc8-p1-s1")
        #expect(objects.first?["kind"] as? String == "title")
        #expect(objects.first?["date"] as? String == "2025-12-17")
        #expect(objects.first?["translate"] as? Bool == true)
        #expect(objects.last?["kind"] as? String == "credit")
        #expect(objects.last?["translate"] as? Bool == false)
        let source = Array(try String(contentsOf: CLI.repository.appendingPathComponent("seeds/000_ac40248b14b1adc8.txt"), encoding: .utf8).unicodeScalars)
        for o in objects {
            let start = o["start"] as! Int, end = o["end"] as! Int
            var view = String.UnicodeScalarView()
            view.append(contentsOf: source[start..<end])
            #expect(String(view) == o["text"] as? String)
        }
    }

    @Test func directoryInputReadsItsTextFilesInOrder() throws {
        let r = try CLI.run(["segment", "seeds/"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Diên Biên renforce ses relations avec trois provinces du Nord du Laos\n\n"))
        #expect(r.stdout.contains("\n[teaser] Voir plus\n"))
        #expect(r.stdout.contains("\n[caption] ảnh 1\n"))
    }

    @Test func outputFileIsWrittenAtomically() throws {
        let out = CLI.temporaryFile(Array("old content\n".utf8), name: "out.txt")
        let r = try CLI.run(["segment", "--plain", "--lang", "fr", "-o", out], stdin: Data("Un. Deux.".utf8))
        #expect(r.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "Un.\nDeux.\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent)
        #expect(leftovers == ["out.txt"])
        // A failing run leaves the previous file as it was.
        let bad = try CLI.run(["segment", "-o", out, "/nonexistent.txt"])
        #expect(bad.status == 2)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "Un.\nDeux.\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent) == ["out.txt"])
    }

    @Test func customRulesFileIsUsed() throws {
        let srx = CLI.repository.appendingPathComponent("../shared/standards/srx/okapi-defaultSegmentation.srx").standardized.path
        let r = try CLI.run(["segment", "--plain", "--lang", "fr", "--rules", srx], stdin: Data("M. Dupont. Fin.".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == "M.\nDupont.\nFin.\n")
        let bad = try CLI.run(["segment", "--rules", "/nonexistent.srx"], stdin: Data())
        #expect(bad.status == 2)
    }
}
