public import Foundation

/// Paths, temporary folders and the `mekong` executable, for every test target: the one copy
/// of what tests need to find their way (tests read only files inside the repository).
public enum TestSupport {
    /// The repository root.
    public static let repository: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardized

    /// A path inside the repository.
    public static func path(_ relative: String) -> String {
        repository.appendingPathComponent(relative).path
    }

    /// A file of `Tests/Fixtures` (the standards' files copied in, see its SOURCES.md).
    public static func fixture(_ relative: String) -> String {
        path("Tests/Fixtures/" + relative)
    }

    /// The seed articles, in name order.
    public static func seeds() throws -> [String] {
        let dir = path("seeds")
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted().map {
            dir + "/" + $0
        }
    }

    /// A new empty folder under the system's temporary folder.
    public static func temporaryFolder(_ label: String = "test") -> String {
        let dir = NSTemporaryDirectory() + "mekong-\(label)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes bytes to a new file `name` in a new temporary folder and returns its path.
    public static func temporaryFile(_ bytes: [UInt8], name: String = "article.txt") -> String {
        let path = temporaryFolder("file") + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Writes text to a new temporary file.
    public static func temporaryFile(_ text: String, name: String = "article.txt") -> String {
        temporaryFile(Array(text.utf8), name: name)
    }

    /// The bytes of a file (empty if it cannot be read).
    public static func bytes(_ path: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: path) ?? Data())
    }

    /// The text of a file (empty if it cannot be read).
    public static func text(_ path: String) -> String {
        String(decoding: bytes(path), as: UTF8.self)
    }

    /// The names in a folder (empty if it cannot be read), sorted.
    public static func listing(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }
}

/// Runs the built `mekong` executable as a user would.
public enum CLI {
    /// The executable next to the test bundle (debug or release build folder).
    public static let executable: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("mekong")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return TestSupport.repository.appendingPathComponent(".build/debug/mekong")
    }()

    /// The repository root (commands run there by default).
    public static var repository: URL { TestSupport.repository }

    /// A new temporary file holding `bytes` (see ``TestSupport/temporaryFile(_:name:)``).
    public static func temporaryFile(_ bytes: [UInt8], name: String = "article.txt") -> String {
        TestSupport.temporaryFile(bytes, name: name)
    }

    /// What a run printed and its exit status.
    public struct Result: Sendable {
        /// The exit status.
        public var status: Int32
        /// What it printed on standard output.
        public var stdout: String
        /// What it printed on standard error.
        public var stderr: String
    }

    /// Runs `mekong arguments…` in `directory` (default: the repository root), feeding `stdin`.
    public static func run(
        _ arguments: [String], stdin: Data? = nil, directory: String? = nil,
        environment: [String: String]? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory.map { URL(fileURLWithPath: $0) } ?? TestSupport.repository
        if let environment {
            var env = ProcessInfo.processInfo.environment
            for (k, v) in environment { env[k] = v }
            process.environment = env
        } else {
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "MEKONG_GLOSSARY")
            process.environment = env
        }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }
}
