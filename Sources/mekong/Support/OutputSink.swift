#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MekongText

/// Buffered output to stdout, or to a file written atomically: a temporary file next to it,
/// fsync, then rename, so an interrupted run leaves the old file intact.
final class OutputSink {
    private var buffer: [UInt8] = []
    private let fd: Int32
    private let finalPath: String?
    private let tempPath: String?
    private var closed = false

    /// `path == nil` or `"-"` writes to stdout.
    init(path: String?) throws {
        buffer.reserveCapacity(1 << 16)
        guard let path, path != "-" else {
            fd = STDOUT_FILENO; finalPath = nil; tempPath = nil
            return
        }
        let temp = "\(path).tmp-\(getpid())"
        let f = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard f >= 0 else {
            throw InputError(file: path, location: nil, message: "cannot write: \(String(cString: strerror(errno)).lowercased())")
        }
        fd = f; finalPath = path; tempPath = temp
        Self.pendingTemporaryFiles.append(temp)
    }

    /// Temporary files of sinks not yet finished, removed by ``removePendingTemporaryFiles()``
    /// when the process exits on an error (deinit does not run then).
    nonisolated(unsafe) static var pendingTemporaryFiles: [String] = []

    static func removePendingTemporaryFiles() {
        for path in pendingTemporaryFiles { unlink(path) }
        pendingTemporaryFiles.removeAll()
    }

    deinit {
        if !closed, let tempPath { close(fd); unlink(tempPath) }
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

    func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { buffer.removeAll(); return }
                throw InputError(file: finalPath ?? "<stdout>", location: nil, message: "write failed: \(String(cString: strerror(errno)).lowercased())")
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes; for a file, syncs and renames it into place.
    func finish() throws {
        try flush()
        guard let finalPath, let tempPath else { return }
        closed = true
        Self.pendingTemporaryFiles.removeAll { $0 == tempPath }
        guard fsync(fd) == 0, close(fd) == 0, rename(tempPath, finalPath) == 0 else {
            let message = String(cString: strerror(errno)).lowercased()
            unlink(tempPath)
            throw InputError(file: finalPath, location: nil, message: "cannot write: \(message)")
        }
    }
}

@inline(__always)
private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    write(fd, p, n)
}
