import Foundation
import MekongTestSupport
import Testing

/// Ctrl-C (SIGINT) or a kill (SIGTERM) while Mekong writes: the old file is intact, the
/// temporary file is gone, and the exit status says which signal (130, 143).
@Suite struct InterruptTests {
    /// Starts `mekong segment --plain -o out` reading from a pipe kept open, waits until its
    /// temporary file exists, sends `signal`, and returns the exit status and the folder's listing.
    func interruptedWrite(_ signal: Int32) throws -> (Int32, [String], String) {
        let folder = TestSupport.temporaryFolder("interrupt")
        let out = folder + "/out.txt"
        _ = FileManager.default.createFile(atPath: out, contents: Data("old content\n".utf8))
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["segment", "--plain", "--lang", "fr", "-o", out]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("Une phrase. Une autre.\n".utf8))
        let deadline = Date().addingTimeInterval(20)
        while !TestSupport.listing(folder).contains(where: { $0.contains(".mekong-tmp-") }), Date() < deadline {
            usleep(20_000)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        return (process.terminationStatus, TestSupport.listing(folder), TestSupport.text(out))
    }

    @Test func sigintLeavesTheOldFileAndNoTemporaryFile() throws {
        let (status, listing, content) = try interruptedWrite(SIGINT)
        #expect(status == 130)
        #expect(listing == ["out.txt"])
        #expect(content == "old content\n")
    }

    @Test func sigtermLeavesTheOldFileAndNoTemporaryFile() throws {
        let (status, listing, content) = try interruptedWrite(SIGTERM)
        #expect(status == 143)
        #expect(listing == ["out.txt"])
        #expect(content == "old content\n")
    }

    @Test func aTemporaryFileLeftByAKilledProcessIsRemovedByTheNextRun() throws {
        let folder = TestSupport.temporaryFolder("stale")
        // A process id that cannot be running (above the kernel's pid_max).
        let stale = folder + "/.out.txt.mekong-tmp-99999999-42"
        _ = FileManager.default.createFile(atPath: stale, contents: Data("half".utf8))
        let r = try CLI.run(["segment", "--plain", "--lang", "fr", "-o", folder + "/out.txt"], stdin: Data("Un.".utf8))
        #expect(r.status == 0)
        #expect(TestSupport.listing(folder) == ["out.txt"])
    }
}
