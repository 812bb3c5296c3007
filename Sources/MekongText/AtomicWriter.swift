import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes one file so that readers see either the old content or the new, never a mix, and
/// nothing is left behind on failure: the one way Mekong writes a file.
///
/// Bytes go to a temporary file in the same folder (`.NAME.mekong-tmp-PID-RANDOM`), buffered;
/// ``commit()`` flushes, fsyncs, renames it over the target and fsyncs the folder. Any error, a
/// writer dropped without commit, or ``removePendingTemporaryFiles()`` (called when the process
/// is interrupted) removes the temporary file. Temporary files left by a process that was
/// killed are removed by ``removeStaleTemporaryFiles(in:)`` the next time Mekong writes there.
///
/// ```swift
/// let w = try AtomicWriter(path: "exports/summary.txt")
/// try w.write("3 articles\n")
/// try w.commit()
/// ```
public final class AtomicWriter {
    /// The file that will be replaced.
    public let path: String
    private let temporary: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var done = false
    private let expected: FileFingerprint?
    /// The permissions of the file replaced, given to the new one.
    private let mode: mode_t?

    /// The marker in the names of Mekong's temporary files.
    public static let temporaryMarker = ".mekong-tmp-"

    /// Opens a temporary file next to `path`.
    /// - Parameter unchangedSince: when given, ``commit()`` refuses to replace the file if it
    ///   no longer has this fingerprint (another program saved it meanwhile).
    /// - Throws: ``Diagnostic`` (`cannot-write`) naming `path`: its folder is missing, is not a
    ///   folder, or is not writable; or `path` is a folder; (`read-only`) `path` has no write
    ///   permission bit. The new file keeps the permissions of the one it replaces.
    public init(path: String, unchangedSince: FileFingerprint? = nil) throws {
        self.path = path
        expected = unchangedSince
        let folder = Self.folder(of: path)
        switch POSIX.kind(of: folder) {
        case nil:
            throw Diagnostic.error("no-such-folder", "cannot write: the folder \(folder) does not exist", file: path)
        case .file:
            throw Diagnostic.error("not-a-folder", "cannot write: \(folder) is a file, not a folder", file: path)
        case .directory: break
        }
        if POSIX.kind(of: path) == .directory {
            throw Diagnostic.error("is-a-folder", "cannot write: is a folder, not a file", file: path)
        }
        // The mode bits, not access(2): root may write anything, but a file its owner made
        // read-only must not be replaced behind their back (rename(2) would do it silently).
        var st = stat()
        if stat(path, &st) == 0, st.st_mode & 0o222 == 0 {
            throw Diagnostic.error(
                "read-only", "cannot write: the file is read-only (make it writable to let Mekong replace it)",
                file: path)
        }
        mode = stat(path, &st) == 0 ? st.st_mode & 0o7777 : nil
        Self.removeStaleTemporaryFiles(in: folder)
        let name = (path as NSString).lastPathComponent
        temporary =
            folder + "/." + name + Self.temporaryMarker + "\(POSIX.processID)-\(UInt32.random(in: 0...UInt32.max))"
        fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw Diagnostic.error("cannot-write", "cannot write: \(POSIX.errorText())", file: path)
        }
        buffer.reserveCapacity(1 << 16)
        Self.registry.add(temporary)
    }

    deinit {
        if !done { abandon() }
    }

    /// Appends bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > 1 << 16 { try flush() }
        if bytes.count >= 1 << 16 {
            try check(POSIX.writeAll(fd, bytes))
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends bytes.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Appends a string's UTF-8.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes what is buffered to the temporary file.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try check(POSIX.writeAll(fd, $0)) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The error for a file another program changed since it was read: it is not replaced.
    public static func changedOnDisk(_ path: String) -> Diagnostic {
        Diagnostic.error(
            "changed-on-disk",
            "not replaced: the file was changed by another program since Mekong read it; run the command again",
            file: path)
    }

    /// Flushes, syncs and renames the temporary file over ``path``, then syncs the folder.
    /// - Throws: ``Diagnostic`` naming ``path`` (the disk is full, the file changed since it was
    ///   read…); the temporary file is removed and ``path`` is left as it was.
    public func commit() throws {
        precondition(!done, "AtomicWriter committed twice")
        do {
            try flush()
            if let mode { fchmod(fd, mode) }
            guard fsync(fd) == 0 else { throw failure() }
            guard close(fd) == 0 else {
                done = true
                unlink(temporary)
                Self.registry.remove(temporary)
                throw failure()
            }
            done = true
            if let expected, !expected.isCurrent(at: path) {
                unlink(temporary)
                Self.registry.remove(temporary)
                throw Self.changedOnDisk(path)
            }
            guard rename(temporary, path) == 0 else {
                let e = failure()
                unlink(temporary)
                Self.registry.remove(temporary)
                throw e
            }
            Self.registry.remove(temporary)
            let dfd = open(Self.folder(of: path), O_RDONLY)
            if dfd >= 0 {
                fsync(dfd)
                close(dfd)
            }
        } catch {
            if !done { abandon() }
            throw error
        }
    }

    /// Removes the temporary file; ``path`` is left as it was.
    public func abandon() {
        guard !done else { return }
        done = true
        close(fd)
        unlink(temporary)
        Self.registry.remove(temporary)
    }

    /// Writes `bytes` to `path` atomically in one call.
    public static func write(_ bytes: [UInt8], to path: String, unchangedSince: FileFingerprint? = nil) throws {
        let w = try AtomicWriter(path: path, unchangedSince: unchangedSince)
        try w.write(bytes)
        try w.commit()
    }

    /// Writes `text` to `path` atomically in one call.
    public static func write(_ text: String, to path: String, unchangedSince: FileFingerprint? = nil) throws {
        try write(Array(text.utf8), to: path, unchangedSince: unchangedSince)
    }

    /// Removes the temporary files of every writer not yet committed (for a signal handler
    /// running off the main thread: the process exits right after).
    public static func removePendingTemporaryFiles() {
        registry.removeAll()
    }

    /// Removes temporary files Mekong left in `folder` from a process that no longer runs.
    public static func removeStaleTemporaryFiles(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") {
            guard let marker = name.range(of: temporaryMarker) else { continue }
            let pidText = name[marker.upperBound...].prefix { $0 != "-" }
            guard let pid = Int32(pidText), pid != POSIX.processID, !POSIX.processExists(pid) else { continue }
            unlink(folder + "/" + name)
        }
    }

    // MARK: Implementation Details

    private static let registry = Registry()

    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: Set<String> = []
        func add(_ p: String) {
            lock.lock()
            paths.insert(p)
            lock.unlock()
        }
        func remove(_ p: String) {
            lock.lock()
            paths.remove(p)
            lock.unlock()
        }
        func removeAll() {
            lock.lock()
            for p in paths { unlink(p) }
            paths.removeAll()
            lock.unlock()
        }
    }

    private static func folder(of path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    private func check(_ error: Int32?) throws {
        if let error { throw failure(error) }
    }

    private func failure(_ code: Int32 = errno) -> Diagnostic {
        let text = code == ENOSPC ? "no space left on the disk" : POSIX.errorText(code)
        return Diagnostic.error("cannot-write", "cannot write: \(text)", file: path)
    }
}

/// What identifies a version of a file on disk: its size, modification time, inode and a hash
/// of its bytes. Taken when a file is read, compared before it is replaced.
///
/// A fingerprint of the status alone (``init(statusOf:)``) is for files too large to read
/// again just to compare (a memory of a million units is 430 MB): any program that replaces
/// a file gives it a new inode, and one that rewrites it in place a new size or modification
/// time (nanoseconds).
public struct FileFingerprint: Hashable, Sendable {
    /// The file's size in bytes.
    public var size: Int64
    /// The modification time, in nanoseconds since 1970-01-01 00:00:00 UTC.
    public var mtime: Int64
    /// The file's inode number.
    public var inode: UInt64
    /// ``Folding/wordHash(_:)`` (FNV-1a) of the file's bytes, or `nil` for a fingerprint of the
    /// status alone.
    public var hash: UInt64?

    /// The status of the file at `path` now (size, modification time, inode), without reading
    /// it; `nil` if there is none.
    public init?(statusOf path: String) {
        guard let st = POSIX.status(path) else { return nil }
        size = st.size
        mtime = st.mtime
        inode = st.inode
        hash = nil
    }

    /// Whether the file at `path` is still this version: its status compared, and its bytes
    /// hashed again when this fingerprint has a hash.
    public func isCurrent(at path: String) -> Bool {
        hash == nil ? FileFingerprint(statusOf: path) == self : FileFingerprint(path: path) == self
    }

    /// The fingerprint of the file at `path` now, or `nil` if there is none.
    ///
    /// The file is hashed as it is read, 1 MB at a time (a memory of a million units is not
    /// held in memory to be fingerprinted).
    public init?(path: String) {
        guard let st = POSIX.status(path) else { return nil }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
        defer { chunk.deallocate() }
        while true {
            let n = read(fd, chunk.baseAddress!, chunk.count)
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { break }
            h = Folding.wordHash(UnsafeRawBufferPointer(rebasing: chunk[0..<n]), continuing: h)
        }
        self.size = st.size
        self.mtime = st.mtime
        self.inode = st.inode
        hash = h
    }

    /// The fingerprint of bytes just read from a file with this status.
    public init(size: Int64, mtime: Int64, inode: UInt64, bytes: [UInt8]) {
        self.size = size
        self.mtime = mtime
        self.inode = inode
        hash = Folding.wordHash(bytes)
    }
}

/// An exclusive advisory lock (`flock`) on a lock file, held while a closure runs.
public enum FileLock {
    /// Runs `body` holding the lock on `path` (created if missing); waits for other holders.
    /// - Throws: ``Diagnostic`` when the lock file cannot be opened or locked, or what `body` throws.
    public static func withExclusiveLock<T>(path: String, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else {
            throw Diagnostic.error("cannot-lock", "cannot open the lock file: \(POSIX.errorText())", file: path)
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw Diagnostic.error("cannot-lock", "cannot lock: \(POSIX.errorText())", file: path) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
