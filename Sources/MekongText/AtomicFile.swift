#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Foundation

/// Writes a file so that readers see either the old content or the new, never a mix: a
/// temporary file in the same directory, fsync, rename, then fsync of the directory.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        let temp = (dir.isEmpty ? "." : dir) + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw InputError(file: path, location: nil, message: "cannot write: \(String(cString: strerror(errno)).lowercased())") }
        var ok = true
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; ok = false; return }
                offset += n
            }
        }
        ok = ok && fsync(fd) == 0
        ok = close(fd) == 0 && ok
        guard ok, rename(temp, path) == 0 else {
            let message = String(cString: strerror(errno)).lowercased()
            unlink(temp)
            throw InputError(file: path, location: nil, message: "cannot write: \(message)")
        }
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }
}

extension AtomicFile {
    /// Syncs a finished temporary file and renames it over `path`.
    public static func commit(temporary: String, to path: String) throws {
        let fd = open(temporary, O_RDONLY)
        guard fd >= 0, fsync(fd) == 0, close(fd) == 0, rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno)).lowercased()
            throw InputError(file: path, location: nil, message: "cannot write: \(message)")
        }
    }
}

/// An exclusive advisory lock (`flock`) on a lock file, held while a closure runs.
public enum FileLock {
    public static func withExclusiveLock<T>(path: String, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw InputError(file: path, location: nil, message: "cannot open lock file: \(String(cString: strerror(errno)).lowercased())") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw InputError(file: path, location: nil, message: "cannot lock: \(String(cString: strerror(errno)).lowercased())") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
