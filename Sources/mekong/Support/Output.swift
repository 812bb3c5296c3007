import ArgumentParser
import Foundation
import MekongText

/// Where a command's output goes: standard output, or the file `-o` names, written atomically
/// (so an interrupted run leaves the old file intact).
final class Output {
    private let file: AtomicWriter?
    private var buffer: [UInt8] = []

    /// `path == nil` or `"-"`: standard output.
    /// - Throws: ``Diagnostic`` when `path` is a folder or its folder does not exist.
    init(path: String?) throws {
        if let path, path != "-" { file = try AtomicWriter(path: path) } else { file = nil }
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ s: String) throws {
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= 1 << 16 { try flush() }
    }

    func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// A value as one line of compact JSON.
    func writeJSONLine(_ value: some Encodable) throws {
        try write(bytes: try JSONOutput.compact(value))
        buffer.append(0x0A)
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        if let file {
            try file.write(buffer)
        } else {
            let ok = buffer.withUnsafeBytes { raw -> Bool in
                var offset = 0
                while offset < raw.count {
                    let n = Foundation.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        return errno == EPIPE
                    }
                    offset += n
                }
                return true
            }
            if !ok {
                throw Diagnostic.error(
                    "cannot-write", "cannot write: \(String(cString: strerror(errno)).lowercased())", file: "<stdout>")
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Drops a file's new content: the old file stays as it was.
    func abandon() {
        buffer.removeAll()
        file?.abandon()
    }

    /// Flushes; a file is synced and renamed into place.
    func finish() throws {
        try flush()
        try file?.commit()
    }
}

/// JSON through `Codable`: sorted keys, no escaped slashes, UTF-8 as is.
enum JSONOutput {
    static func compact(_ value: some Encodable) throws -> [UInt8] {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try e.encode(value))
    }

    static func pretty(_ value: some Encodable) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return String(decoding: try e.encode(value), as: UTF8.self) + "\n"
    }
}

/// `--format`: the same words everywhere. `text` for people (`lines` is its old name in
/// `segment`), `json` for one document, `jsonl` for one JSON object per line (streamed).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl

    init?(argument: String) {
        if argument == "lines" {
            self = .text
            return
        }
        self.init(rawValue: argument)
    }

    static var allValueStrings: [String] { ["text", "json", "jsonl"] }
}

/// `-o FILE` for commands that write one file.
struct FileOutputOption: ParsableArguments {
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?
}
