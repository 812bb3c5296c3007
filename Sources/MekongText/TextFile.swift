import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading whole files and checking they are UTF-8: the one place where bytes from disk become
/// text, so every command reports a missing file, a folder, or a bad byte the same way.
public enum TextFile {
    /// The bytes of the file at `path`.
    /// - Throws: ``Diagnostic``: `no-such-file`, `is-a-folder` or `cannot-read`, naming `path`.
    public static func bytes(at path: String) throws -> [UInt8] {
        let fd = try open(path)
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { POSIX.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 { throw Diagnostic.error("cannot-read", "cannot read: \(POSIX.errorText(Int32(-n)))", file: path) }
            if n == 0 { return out }
            out.append(contentsOf: chunk[0..<n])
        }
    }

    /// The bytes of the file at `path` and its fingerprint (to refuse replacing it later if
    /// another program changed it meanwhile).
    public static func bytesAndFingerprint(at path: String) throws -> ([UInt8], FileFingerprint) {
        let before = POSIX.status(path)
        let bytes = try bytes(at: path)
        let st = before ?? (Int64(bytes.count), 0, 0)
        return (bytes, FileFingerprint(size: st.size, mtime: st.mtime, inode: st.inode, bytes: bytes))
    }

    /// The text of a UTF-8 file, without a leading byte-order mark.
    /// - Throws: ``Diagnostic`` as ``bytes(at:)``, or `invalid-utf8` at the line and column of
    ///   the first bad byte.
    public static func text(at path: String) throws -> String {
        var bytes = try bytes(at: path)
        try validate(bytes, file: path)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Checks that `bytes` are UTF-8.
    /// - Throws: ``Diagnostic`` `invalid-utf8` at the 1-based line and column (in scalars) of
    ///   the first byte that does not start a valid sequence; a leading BOM is not counted.
    public static func validate(_ bytes: [UInt8], file: String) throws {
        guard let bad = bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidOffset(in: $0) }) else { return }
        let (line, column) = UTF8Validation.position(of: bad, in: bytes)
        throw Diagnostic.error("invalid-utf8", "invalid UTF-8", file: file, line: line, column: column)
    }

    /// Checks that `path` is a file Mekong can open.
    /// - Throws: ``Diagnostic`` `no-such-file` or `is-a-folder`, naming `path`.
    public static func requireFile(_ path: String) throws {
        switch POSIX.kind(of: path) {
        case .file: return
        case .directory: throw Diagnostic.error("is-a-folder", "is a folder, not a file", file: path)
        case nil: throw Diagnostic.error("no-such-file", "no such file", file: path)
        }
    }

    /// Standard input read whole, as bytes (line ends and a BOM kept), checked to be UTF-8.
    /// - Throws: ``Diagnostic`` `invalid-utf8` naming `<stdin>`.
    public static func standardInput() throws -> [UInt8] {
        let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        try validate(bytes, file: "<stdin>")
        return bytes
    }

    /// Opens `path` for reading, refusing folders.
    public static func open(_ path: String) throws -> Int32 {
        let fd = openForReading(path)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw Diagnostic.error("no-such-file", "no such file", file: path) }
            throw Diagnostic.error("cannot-read", "cannot read: \(POSIX.errorText(code))", file: path)
        }
        if POSIX.kind(of: path) == .directory {
            close(fd)
            throw Diagnostic.error("is-a-folder", "is a folder, not a file", file: path)
        }
        return fd
    }

    @inline(__always)
    private static func openForReading(_ path: String) -> Int32 {
        #if canImport(Glibc)
            return Glibc.open(path, O_RDONLY)
        #else
            return Darwin.open(path, O_RDONLY)
        #endif
    }
}

/// The inputs of a command: files named, the files of folders, or standard input.
public enum Input: Hashable, Sendable, CustomStringConvertible {
    case file(String)
    case standardInput

    /// The name used in messages: the path, or `<stdin>`.
    public var description: String {
        switch self {
        case .file(let p): return p
        case .standardInput: return "<stdin>"
        }
    }

    /// The article name: the file name without its extension, or `stdin`.
    public var articleName: String {
        switch self {
        case .file(let p): return ((p as NSString).lastPathComponent as NSString).deletingPathExtension
        case .standardInput: return "stdin"
        }
    }

    /// A line reader over the input.
    public func lineReader() throws -> LineReader {
        switch self {
        case .file(let p): return try LineReader(path: p)
        case .standardInput: return LineReader(fileDescriptor: 0, name: "<stdin>")
        }
    }

    /// The input cut into pieces at blank lines, for several threads (see ``PieceReader``).
    public func pieceReader(pieceSize: Int) throws -> PieceReader {
        switch self {
        case .file(let p): return try PieceReader(path: p, pieceSize: pieceSize)
        case .standardInput: return PieceReader(fileDescriptor: 0, name: "<stdin>", pieceSize: pieceSize)
        }
    }

    /// The size of the file in bytes, or `nil` for standard input or a file that cannot be
    /// looked at.
    public var fileSize: Int? {
        guard case .file(let p) = self, let status = POSIX.status(p) else { return nil }
        return Int(status.size)
    }

    /// Expands command-line paths: a file as given (whatever its extension), a folder as its
    /// files with one of `extensions` in name order, `-` or no path at all as standard input.
    /// - Returns: the inputs, and one diagnostic per path that names nothing usable (missing,
    ///   unreadable folder, or a folder without such files), so a batch can go on without them.
    public static func expand(_ paths: [String], extensions: Set<String> = ["txt"]) -> ([Input], [Diagnostic]) {
        if paths.isEmpty { return ([.standardInput], []) }
        var inputs: [Input] = []
        var failures: [Diagnostic] = []
        for path in paths {
            if path == "-" {
                inputs.append(.standardInput)
                continue
            }
            switch POSIX.kind(of: path) {
            case nil:
                failures.append(.error("no-such-file", "no such file or folder", file: path))
            case .file:
                inputs.append(.file(path))
            case .directory:
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                    failures.append(.error("cannot-read", "cannot read the folder", file: path))
                    continue
                }
                let matching = names.filter {
                    !$0.hasPrefix(".") && extensions.contains(($0 as NSString).pathExtension.lowercased())
                }
                if matching.isEmpty {
                    let list = extensions.sorted().map { "." + $0 }.joined(separator: ", ")
                    failures.append(.error("empty-folder", "no \(list) files in this folder", file: path))
                }
                inputs += matching.sorted().map { .file((path as NSString).appendingPathComponent($0)) }
            }
        }
        return (inputs, failures)
    }
}
