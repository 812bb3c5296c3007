#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX calls Mekong makes, with errors turned into ``Diagnostic``s. Everything that
/// differs between Linux (Glibc) and macOS (Darwin) is decided here, so the rest of the
/// library imports neither.
enum POSIX {
    /// The text of the current `errno`, lower-case ("no such file or directory").
    static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code)).lowercased()
    }

    /// Writes all of `buffer` to `fd`, retrying on `EINTR`.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < buffer.count {
            #if canImport(Glibc)
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            #else
                let n = Darwin.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }

    /// Reads up to `count` bytes, retrying on `EINTR`: the number read (0 at the end), or `-errno`.
    static func read(_ fd: Int32, _ into: UnsafeMutableRawPointer, _ count: Int) -> Int {
        while true {
            #if canImport(Glibc)
                let n = Glibc.read(fd, into, count)
            #else
                let n = Darwin.read(fd, into, count)
            #endif
            if n < 0, errno == EINTR { continue }
            return n < 0 ? -Int(errno) : n
        }
    }

    /// What is at `path`: `nil` when nothing is (or it cannot be seen).
    static func kind(of path: String) -> FileKind? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (st.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    /// Size, modification time (nanoseconds) and inode of `path`, or `nil`.
    static func status(_ path: String) -> (size: Int64, mtime: Int64, inode: UInt64)? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        #if canImport(Glibc)
            let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #else
            let mtime = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #endif
        return (Int64(st.st_size), mtime, UInt64(st.st_ino))
    }

    static var processID: Int32 { getpid() }

    /// Whether a process with this id exists (for stale temporary files).
    static func processExists(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

/// A file or a folder.
public enum FileKind: Sendable {
    case file, directory
}

/// What is on disk at a path, for the checks every command makes before reading or writing.
public enum FileSystem {
    /// A file, a folder, or `nil` when nothing is there.
    public static func kind(of path: String) -> FileKind? { POSIX.kind(of: path) }

    /// Whether anything is at `path`.
    public static func exists(_ path: String) -> Bool { POSIX.kind(of: path) != nil }

    /// Whether `path` is a folder.
    public static func isDirectory(_ path: String) -> Bool { POSIX.kind(of: path) == .directory }

    /// The size, modification time (nanoseconds) and inode of what is at `path`, or `nil`.
    public static func status(_ path: String) -> (size: Int64, mtime: Int64, inode: UInt64)? { POSIX.status(path) }

    /// The absolute path with every symbolic link resolved (realpath(3)), or `nil` when
    /// nothing is there.
    public static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
