#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a UTF-8 text file line by line in constant memory (beyond the longest line),
/// validating as it goes.
///
/// A leading byte-order mark is skipped and not counted; `\r\n` and `\n` both end a line.
/// Invalid UTF-8 throws a ``Diagnostic`` naming the file, line and column (in scalars).
public final class LineReader {
    /// One line of the file.
    public struct Line: Sendable {
        /// The line's bytes, without its line terminator (`\n` or `\r\n`). Valid UTF-8.
        public var bytes: [UInt8]
        /// The 1-based line number.
        public var number: Int
        /// The offset of the line's first scalar from the start of the file, in Unicode
        /// scalars; a leading BOM is not counted, a `\r` before `\n` is.
        public var scalarOffset: Int
    }

    /// The name used in error messages (a path, or `<stdin>`).
    public let name: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var eof = false
    private var lineNumber = 0
    private var scalarOffset = 0
    private var atFileStart = true

    /// Opens `path` for reading.
    /// - Throws: ``Diagnostic`` when the file cannot be opened (missing, a folder, no permission).
    public convenience init(path: String) throws {
        self.init(fileDescriptor: try TextFile.open(path), name: path, ownsDescriptor: true)
    }

    /// Reads lines from bytes in memory (an article already read whole).
    /// - Parameter startsFile: whether the bytes start a file (a BOM there is skipped); a
    ///   later piece of a file cut after a line end passes `false`, and its line numbers and
    ///   scalar offsets count from the piece's start (see ``linesRead``, ``scalarsRead``).
    public convenience init(bytes: [UInt8], name: String, startsFile: Bool = true) {
        self.init(fileDescriptor: -1, name: name, ownsDescriptor: false, chunkSize: Swift.max(bytes.count, 16))
        atFileStart = startsFile
        bytes.withUnsafeBytes {
            buffer.baseAddress!.copyMemory(
                from: $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, byteCount: $0.count)
        }
        end = bytes.count
        eof = true
    }

    /// Reads from an open file descriptor, such as `STDIN_FILENO`.
    public init(fileDescriptor: Int32, name: String, ownsDescriptor: Bool = false, chunkSize: Int = 1 << 20) {
        self.fd = fileDescriptor
        self.name = name
        self.ownsDescriptor = ownsDescriptor
        self.buffer = .allocate(byteCount: Swift.max(chunkSize, 16), alignment: 8)
    }

    /// The lines returned so far.
    public var linesRead: Int { lineNumber }
    /// The scalars of the lines returned so far, line terminators included (BOM not counted).
    public var scalarsRead: Int { scalarOffset }

    deinit {
        buffer.deallocate()
        if ownsDescriptor { close(fd) }
    }

    /// Returns the next line, or `nil` at the end of the file. A final line without a line
    /// terminator is returned; an empty file gives no line.
    public func next() throws -> Line? {
        var line: [UInt8] = []
        while true {
            if start == end {
                if eof { break }
                try fill()
                if start == end { break }
            }
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            if atFileStart {
                if end - start < 3 && !eof {
                    try fill(keep: true)
                    continue
                }
                if end - start >= 3 && base[start] == 0xEF && base[start + 1] == 0xBB && base[start + 2] == 0xBF {
                    start += 3
                }
                atFileStart = false
                continue
            }
            if let nl = memchr(base + start, 0x0A, end - start) {
                let idx = base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                line.append(contentsOf: UnsafeBufferPointer(start: base + start, count: idx - start))
                start = idx + 1
                return try finish(line, terminated: true)
            }
            line.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end - start))
            start = end
        }
        if line.isEmpty { return nil }
        return try finish(line, terminated: false)
    }

    private func finish(_ raw: [UInt8], terminated: Bool) throws -> Line {
        var bytes = raw
        lineNumber += 1
        // Validated and counted in one pass.
        let (scalars, invalid) = bytes.withUnsafeBufferPointer {
            UTF8Validation.scalarCountOrFirstInvalidOffset(in: $0)
        }
        if let bad = invalid {
            let column = UTF8Validation.scalarCount(bytes[..<bad]) + 1
            throw Diagnostic.error("invalid-utf8", "invalid UTF-8", file: name, line: lineNumber, column: column)
        }
        let total = scalars + (terminated ? 1 : 0)
        if bytes.last == 0x0D { bytes.removeLast() }
        let result = Line(bytes: bytes, number: lineNumber, scalarOffset: scalarOffset)
        scalarOffset += total
        return result
    }

    private func fill(keep: Bool = false) throws {
        if !keep || start == end {
            start = 0
            end = 0
        }
        if start > 0 {
            let remaining = end - start
            buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: remaining)
            start = 0
            end = remaining
        }
        if fd < 0 {
            eof = true
            return
        }
        let n = POSIX.read(fd, buffer.baseAddress! + end, buffer.count - end)
        if n < 0 { throw Diagnostic.error("cannot-read", "cannot read: \(POSIX.errorText(Int32(-n)))", file: name) }
        if n == 0 { eof = true }
        end += n
    }
}

/// Cuts a file into pieces of about `pieceSize` bytes, each ending just after a blank line (a
/// line of only spaces and tabs) or at the end of the file, for work on several threads: text
/// is never split inside a paragraph, a line or a UTF-8 sequence. The bytes are not validated
/// (a ``LineReader`` over each piece does that).
public final class PieceReader {
    /// The name used in error messages.
    public let name: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    private let pieceSize: Int
    private var buffer: [UInt8] = []
    private var eof = false
    /// How far `buffer` was searched for a blank line without finding one.
    private var searched = 0

    /// Opens `path` for reading.
    /// - Throws: ``Diagnostic`` when the file cannot be opened.
    public convenience init(path: String, pieceSize: Int) throws {
        self.init(fileDescriptor: try TextFile.open(path), name: path, ownsDescriptor: true, pieceSize: pieceSize)
    }

    /// Reads from an open file descriptor.
    public init(fileDescriptor: Int32, name: String, ownsDescriptor: Bool = false, pieceSize: Int) {
        self.fd = fileDescriptor
        self.name = name
        self.ownsDescriptor = ownsDescriptor
        self.pieceSize = Swift.max(pieceSize, 1)
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// The next piece, or `nil` at the end of the file.
    public func next() throws -> [UInt8]? {
        while true {
            if buffer.count >= pieceSize, let cut = cut() {
                let piece = Array(buffer[..<cut])
                buffer.removeSubrange(..<cut)
                searched = 0
                return piece
            }
            if eof {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = [] }
                return buffer
            }
            try fill()
        }
    }

    /// The offset just after the first blank line ending at or after `pieceSize`, if any.
    private func cut() -> Int? {
        buffer.withUnsafeBufferPointer { b -> Int? in
            // From the start of the line that `pieceSize - 1` (or the last search) is in.
            var lineStart = Swift.max(searched, pieceSize - 1)
            while lineStart > 0, b[lineStart - 1] != 0x0A { lineStart -= 1 }
            var j = lineStart
            var blank = true
            while j < b.count {
                let c = b[j]
                if c == 0x0A {
                    if blank, j + 1 >= pieceSize { return j + 1 }
                    lineStart = j + 1
                    blank = true
                } else if c != 0x20, c != 0x09, !(c == 0x0D && j + 1 < b.count && b[j + 1] == 0x0A) {
                    blank = false
                }
                j += 1
            }
            searched = lineStart
            return nil
        }
    }

    private func fill() throws {
        let chunk = Swift.max(pieceSize, 1 << 16)
        let old = buffer.count
        buffer.reserveCapacity(old + chunk)
        var n = 0
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        buffer.withUnsafeMutableBufferPointer { n = POSIX.read(fd, $0.baseAddress! + old, chunk) }
        buffer.removeLast(chunk - Swift.max(n, 0))
        if n < 0 { throw Diagnostic.error("cannot-read", "cannot read: \(POSIX.errorText(Int32(-n)))", file: name) }
        if n == 0 { eof = true }
    }
}
