import Foundation
import MekongTestSupport
import Testing

/// The faults a newsroom meets, run against the built `mekong`: a process killed while it
/// writes, a full disk, read-only files and folders, two editors at once, Ctrl-C during a large
/// `prepare`. Each asserts that nothing is lost: every file is the old version or the new one,
/// and no temporary file stays behind (or the next run removes it).
///
/// The full-disk and read-only-folder tests mount a small tmpfs, so they need root; elsewhere
/// they are skipped, and Swift Testing prints why.
@Suite(.serialized) struct FaultTests {
    // MARK: kill -9 while writing

    /// Runs `arguments` once to completion in a copy of `setUp`'s folder (the new version), then
    /// again and again in `folder`, killing it with SIGKILL after each of `delays` (ms): every
    /// watched file must then be the old or the new version. A last unkilled run must leave the
    /// new version and no temporary file.
    func killedWrites(
        _ label: String, watching files: [String], delays: [UInt32] = [0, 10, 25, 50, 80, 120, 200],
        setUp: (String) throws -> Void, arguments: (String) -> [String]
    ) throws {
        let twin = TestSupport.temporaryFolder(label + "-new")
        try setUp(twin)
        let old = files.map { TestSupport.bytes(twin + "/" + $0) }
        let done = try CLI.run(arguments(twin), environment: ["SOURCE_DATE_EPOCH": "0"])
        #expect(done.status == 0 || done.status == 1, "\(label): \(done.stderr)")
        let new = files.map { TestSupport.bytes(twin + "/" + $0) }
        let changed = old != new
        #expect(changed, "\(label): the command changed nothing, so killing it tests nothing")

        let folder = TestSupport.temporaryFolder(label + "-killed")
        try setUp(folder)
        for delay in delays {
            let p = Process()
            p.executableURL = CLI.executable
            p.arguments = arguments(folder)
            p.currentDirectoryURL = URL(fileURLWithPath: folder)
            p.environment = ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "0"]) { $1 }
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(delay * 1000)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            for (k, name) in files.enumerated() {
                let now = TestSupport.bytes(folder + "/" + name)
                let whole = now == old[k] || now == new[k]
                #expect(whole, "\(label): \(name) is a mix after a kill at \(delay) ms")
            }
            // Start again from the old version, so that every kill can land in the same write.
            try? FileManager.default.removeItem(atPath: folder)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try setUp(folder)
            // The temporary file of the killed run, as the next run would find it.
            let watched = folder + "/" + files[0]
            let stale =
                (watched as NSString).deletingLastPathComponent + "/."
                + (watched as NSString).lastPathComponent + ".mekong-tmp-\(p.processIdentifier)-7"
            _ = FileManager.default.createFile(atPath: stale, contents: Data("half".utf8))
        }
        let last = try CLI.run(arguments(folder), environment: ["SOURCE_DATE_EPOCH": "0"])
        #expect(last.status == done.status, "\(label): \(last.stderr)")
        for (k, name) in files.enumerated() {
            let isNew = TestSupport.bytes(folder + "/" + name) == new[k]
            #expect(isNew, "\(label): \(name) after the last run")
        }
        for name in files {
            let dir = ((folder + "/" + name) as NSString).deletingLastPathComponent
            #expect(temporaryFiles(in: dir).isEmpty, "\(label): temporary files left: \(temporaryFiles(in: dir))")
        }
    }

    /// A copy of the shipped glossary in `folder`/glossary.
    func copyGlossary(to folder: String) throws {
        try FileManager.default.copyItem(atPath: TestSupport.path("glossary"), toPath: folder + "/glossary")
    }

    @Test func killedGlossaryAddLeavesOldOrNew() throws {
        try killedWrites("add", watching: ["glossary/place.tsv"], setUp: copyGlossary) { f in
            [
                "glossary", "add", "--glossary", f + "/glossary", "--type", "place", "--fr", "Muang Khoua", "--vi",
                "Mường Khoa",
            ]
        }
    }

    @Test func killedGlossaryImportLeavesOldOrNew() throws {
        let rows = (1...300).map { "place,Ville numéro \($0),Thành phố số \($0)" }.joined(separator: "\n")
        try killedWrites(
            "import", watching: ["glossary/place.tsv"],
            setUp: { f in
                try copyGlossary(to: f)
                try Data(("type,fr,vi\n" + rows + "\n").utf8).write(to: URL(fileURLWithPath: f + "/rows.csv"))
            },
            arguments: { f in ["glossary", "import", "--glossary", f + "/glossary", f + "/rows.csv"] }
        )
    }

    @Test func killedMemoryImportLeavesOldOrNew() throws {
        func xliff(_ from: Int, _ to: Int) -> String {
            let segments = (from...to).map {
                "<segment id=\"s\($0)\"><source>Phrase numéro \($0).</source><target>Câu số \($0).</target></segment>"
            }
            return """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="vi">\
                <file id="f1"><unit id="u1">\(segments.joined())</unit></file></xliff>
                """
        }
        try killedWrites(
            "tm", watching: ["mem.tmx"],
            setUp: { f in
                try copyGlossary(to: f)
                try Data(xliff(1, 1000).utf8).write(to: URL(fileURLWithPath: f + "/old.xlf"))
                try Data(xliff(1001, 3000).utf8).write(to: URL(fileURLWithPath: f + "/new.xlf"))
                let r = try CLI.run(
                    ["import", "--glossary", f + "/glossary", "--tm", f + "/mem.tmx", f + "/old.xlf"],
                    environment: ["SOURCE_DATE_EPOCH": "0"])
                #expect(r.status == 0, "\(r.stderr)")
            },
            arguments: { f in ["import", "--glossary", f + "/glossary", "--tm", f + "/mem.tmx", f + "/new.xlf"] }
        )
    }

    @Test func killedCheckFixLeavesOldOrNew() throws {
        let line = "Ông Nguyen Van A đến Ha Noi hôm qua, rồi đi Điện Biên Phủ.\n"
        try killedWrites(
            "fix", watching: ["article.txt"],
            setUp: { f in
                try copyGlossary(to: f)
                try Data(String(repeating: line, count: 2000).utf8).write(to: URL(fileURLWithPath: f + "/article.txt"))
            },
            arguments: { f in ["check", "--glossary", f + "/glossary", "--lang", "vi", "--fix", f + "/article.txt"] }
        )
    }

    @Test func killedPrepareLeavesOldOrNewOutputs() throws {
        let seeds = try TestSupport.seeds()
        let names = seeds.map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".txt", with: "") }
        let outputs = names.map { "out/\($0).fr-vi.xlf" } + ["out/glossary.fr-vi.tmx", "out/summary.txt"]
        try killedWrites(
            "prepare", watching: outputs,
            setUp: { f in
                try copyGlossary(to: f)
                try FileManager.default.createDirectory(atPath: f + "/out", withIntermediateDirectories: true)
                for o in outputs {
                    _ = FileManager.default.createFile(atPath: f + "/" + o, contents: Data("old\n".utf8))
                }
            },
            arguments: { f in ["prepare", "--glossary", f + "/glossary", "--to", "vi", "-o", f + "/out"] + seeds }
        )
    }

    // MARK: A full disk

    @Test(.enabled(if: getuid() == 0, "skipped: not root, so no tmpfs can be mounted to fill"))
    func aFullDiskFailsNamingTheFileAndKeepsTheOldOne() throws {
        let mount = try Mount(size: "256k")
        defer { mount.unmount() }
        let out = mount.path + "/out.txt"
        _ = FileManager.default.createFile(atPath: out, contents: Data("old content\n".utf8))
        try mount.fill(leaving: 16 * 1024)
        let text = String(repeating: "Une phrase assez longue pour remplir le disque. ", count: 20_000)
        let r = try CLI.run(["segment", "--plain", "--lang", "fr", "-o", out], stdin: Data(text.utf8))
        #expect(r.status != 0)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix(out + ": error: cannot write: no space left on the disk"), "\(r.stderr)")
        #expect(TestSupport.text(out) == "old content\n")
        #expect(temporaryFiles(in: mount.path).isEmpty)
    }

    @Test(.enabled(if: getuid() == 0, "skipped: not root, so no tmpfs can be mounted to fill"))
    func aFullDiskKeepsTheGlossary() throws {
        let mount = try Mount(size: "512k")
        defer { mount.unmount() }
        try copyGlossary(to: mount.path)
        let place = mount.path + "/glossary/place.tsv"
        let before = TestSupport.bytes(place)
        try mount.fill(leaving: 0)
        let r = try CLI.run([
            "glossary", "add", "--glossary", mount.path + "/glossary", "--type", "place", "--fr", "Pakse",
        ])
        #expect(r.status == 2)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("place.tsv"), "\(r.stderr)")
        #expect(r.stderr.contains("no space left on the disk"), "\(r.stderr)")
        #expect(TestSupport.bytes(place) == before)
        #expect(temporaryFiles(in: mount.path + "/glossary").isEmpty)
    }

    // MARK: Read-only files and folders

    @Test func aReadOnlyMemoryIsNotReplaced() throws {
        let f = TestSupport.temporaryFolder("ro-tm")
        try copyGlossary(to: f)
        let xlf = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="vi">\
            <file id="f1"><unit id="u1"><segment id="s1"><source>Il est venu.</source>\
            <target>Anh ấy đã đến.</target></segment></unit></file></xliff>
            """
        try Data(xlf.utf8).write(to: URL(fileURLWithPath: f + "/a.xlf"))
        try Data(xlf.replacingOccurrences(of: "Il est venu.", with: "Elle part.").utf8).write(
            to: URL(fileURLWithPath: f + "/b.xlf"))
        let mem = f + "/mem.tmx"
        #expect(try CLI.run(["import", "--glossary", f + "/glossary", "--tm", mem, f + "/a.xlf"]).status == 0)
        chmod(mem, 0o444)
        let before = TestSupport.bytes(mem)
        let r = try CLI.run(["import", "--glossary", f + "/glossary", "--tm", mem, f + "/b.xlf"])
        #expect(r.status == 2)
        #expect(r.stderr.contains(mem + ": error: cannot write: the file is read-only"), "\(r.stderr)")
        #expect(TestSupport.bytes(mem) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: mem)[.posixPermissions] as? Int == 0o444)
        #expect(temporaryFiles(in: f).isEmpty)
    }

    @Test func aReadOnlyGlossaryFileIsNotReplaced() throws {
        let f = TestSupport.temporaryFolder("ro-glossary")
        try copyGlossary(to: f)
        let place = f + "/glossary/place.tsv"
        chmod(place, 0o444)
        let before = TestSupport.bytes(place)
        let r = try CLI.run(["glossary", "add", "--glossary", f + "/glossary", "--type", "place", "--fr", "Pakse"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("place.tsv: error: cannot write: the file is read-only"), "\(r.stderr)")
        #expect(TestSupport.bytes(place) == before)
    }

    @Test func aReplacedFileKeepsItsPermissions() throws {
        let f = TestSupport.temporaryFolder("mode")
        let out = f + "/out.txt"
        _ = FileManager.default.createFile(atPath: out, contents: Data("old\n".utf8))
        chmod(out, 0o600)
        #expect(
            try CLI.run(["segment", "--plain", "--lang", "fr", "-o", out], stdin: Data("Un. Deux.".utf8)).status == 0)
        #expect(TestSupport.text(out) == "Un.\nDeux.\n")
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o600)
    }

    @Test(.enabled(if: getuid() == 0, "skipped: not root, so no read-only tmpfs can be mounted"))
    func aReadOnlyFolderSaysSo() throws {
        let mount = try Mount(size: "64k")
        defer { mount.unmount() }
        let out = mount.path + "/out.txt"
        _ = FileManager.default.createFile(atPath: out, contents: Data("old content\n".utf8))
        try mount.remountReadOnly()
        let r = try CLI.run(["segment", "--plain", "--lang", "fr", "-o", out], stdin: Data("Un. Deux.".utf8))
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix(out + ": error: cannot write: "), "\(r.stderr)")
        #expect(r.stderr.lowercased().contains("read-only"), "\(r.stderr)")
        #expect(TestSupport.text(out) == "old content\n")
    }

    // MARK: Two processes at once

    @Test func concurrentEditsRemovesAndImportsAllLand() throws {
        let f = TestSupport.temporaryFolder("concurrent")
        let g = f + "/glossary"
        let seed = (1...8).map { "place,Province \($0),Tỉnh \($0)" }.joined(separator: "\n")
        try Data(("type,fr,vi\n" + seed + "\n").utf8).write(to: URL(fileURLWithPath: f + "/seed.csv"))
        #expect(try CLI.run(["glossary", "import", "--glossary", g, f + "/seed.csv"]).status == 0)
        for k in 1...2 {
            try Data("type,fr,vi\nplace,Import \(k),Nhập \(k)\n".utf8).write(to: URL(fileURLWithPath: f + "/i\(k).csv"))
        }
        let commands: [[String]] =
            (1...4).map { ["glossary", "edit", "--glossary", g, "province-\($0)", "--vi", "Tỉnh mới \($0)"] }
            + (5...6).map { ["glossary", "remove", "--glossary", g, "province-\($0)"] }
            + (1...2).map { ["glossary", "import", "--glossary", g, f + "/i\($0).csv"] }
        let processes = try commands.map { args -> Process in
            let p = Process()
            p.executableURL = CLI.executable
            p.arguments = args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        for (p, args) in zip(processes, commands) {
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(args)")
        }
        let tsv = TestSupport.text(g + "/place.tsv")
        for k in 1...4 { #expect(tsv.contains("\tTỉnh mới \(k)\t"), "edit \(k) lost") }
        for k in 5...6 { #expect(!tsv.contains("province-\(k)\t"), "remove \(k) lost") }
        for k in 7...8 { #expect(tsv.contains("province-\(k)\t")) }
        for k in 1...2 { #expect(tsv.contains("\tImport \(k)\t"), "import \(k) lost") }
        #expect(temporaryFiles(in: g).isEmpty)
    }

    @Test func aReaderWhileAWriterRewritesSeesAWholeGlossary() throws {
        let f = TestSupport.temporaryFolder("reader")
        try copyGlossary(to: f)
        let g = f + "/glossary"
        let article = TestSupport.temporaryFile("Ông Nguyễn Văn A đến Hà Nội hôm qua.\n")
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = [
            "-c",
            "for i in $(seq 1 8); do \"$0\" glossary add --glossary \"$1\" --type place --fr \"Lieu $i\" >/dev/null || exit 1; done",
            CLI.executable.path, g,
        ]
        try writer.run()
        var reads = 0
        while writer.isRunning || reads < 3 {
            let r = try CLI.run(["check", "--glossary", g, "--lang", "vi", article])
            #expect(r.status == 0 || r.status == 1, "check while the glossary was rewritten: \(r.stderr)")
            #expect(!r.stderr.contains("error"), "\(r.stderr)")
            reads += 1
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        #expect(TestSupport.text(g + "/place.tsv").contains("\tLieu 8\t"))
    }

    // MARK: Ctrl-C during a large prepare

    /// A 200 MB batch (100 articles of 2 MB), old outputs in place; `prepare` is interrupted as
    /// soon as its first temporary file appears.
    @Test func interruptingALargePrepareKeepsTheOldOutputs() throws {
        let f = TestSupport.temporaryFolder("large-prepare")
        defer { try? FileManager.default.removeItem(atPath: f) }
        try copyGlossary(to: f)
        let seed = try String(contentsOfFile: TestSupport.seeds()[4], encoding: .utf8)
        let body = seed.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        let article = Data((seed + String(repeating: "\n" + body, count: 2_000_000 / body.utf8.count)).utf8)
        try FileManager.default.createDirectory(atPath: f + "/batch", withIntermediateDirectories: true)
        for k in 0..<100 { try article.write(to: URL(fileURLWithPath: f + "/batch/a\(1000 + k).txt")) }
        let out = f + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let old = ["a1000.fr-vi.xlf", "a1001.fr-vi.xlf", "glossary.fr-vi.tmx", "summary.txt"]
        for name in old {
            _ = FileManager.default.createFile(atPath: out + "/" + name, contents: Data("old \(name)\n".utf8))
        }
        for (signal, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            let p = Process()
            p.executableURL = CLI.executable
            p.arguments = ["prepare", "--glossary", f + "/glossary", "--to", "vi", "-o", out, f + "/batch"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            let deadline = Date().addingTimeInterval(60)
            while temporaryFiles(in: out).isEmpty, p.isRunning, Date() < deadline { usleep(5_000) }
            #expect(p.isRunning, "prepare ended before it could be interrupted")
            kill(p.processIdentifier, signal)
            p.waitUntilExit()
            #expect(p.terminationStatus == status)
            #expect(temporaryFiles(in: out).isEmpty, "\(temporaryFiles(in: out))")
            for name in old { #expect(TestSupport.text(out + "/" + name) == "old \(name)\n", "\(name) replaced") }
        }
    }

    // MARK: Implementation Details

    func temporaryFiles(in folder: String) -> [String] {
        TestSupport.listing(folder).filter { $0.contains(".mekong-tmp-") }
    }
}

/// A small tmpfs mounted on a new temporary folder (root only).
struct Mount {
    let path: String

    init(size: String) throws {
        path = TestSupport.temporaryFolder("tmpfs")
        let status = Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path])
        guard status == 0 else { throw MountError(message: "mount -t tmpfs failed (\(status))") }
    }

    /// Fills the file system with a filler file until at most `bytes` stay free.
    func fill(leaving bytes: Int) throws {
        var st = statvfs()
        guard statvfs(path, &st) == 0 else { throw MountError(message: "statvfs failed") }
        let free = Int(st.f_bavail) * Int(st.f_frsize)
        let filler =
            FileHandle(forWritingAtPath: path + "/filler")
            ?? {
                _ = FileManager.default.createFile(atPath: path + "/filler", contents: nil)
                return FileHandle(forWritingAtPath: path + "/filler")!
            }()
        defer { try? filler.close() }
        let chunk = Data(count: 4096)
        var written = 0
        while written + chunk.count <= free - bytes {
            do { try filler.write(contentsOf: chunk) } catch { break }
            written += chunk.count
        }
    }

    func remountReadOnly() throws {
        let status = Self.run("/bin/mount", ["-o", "remount,ro", path])
        guard status == 0 else { throw MountError(message: "remount ro failed (\(status))") }
    }

    func unmount() {
        _ = Self.run("/bin/umount", [path])
        try? FileManager.default.removeItem(atPath: path)
    }

    static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}

struct MountError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
