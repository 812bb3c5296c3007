import Foundation
import MekongText

/// Translation units waiting to be written, kept in an unlinked temporary file instead of in
/// memory: an import of a million units holds a buffer, not a million strings.
///
/// Units read back (``makeIterator()``) are the ones appended, in order, equal field by field.
/// ``mark()`` and ``rollBack(to:)`` drop the units of an input that turned out to be bad.
public final class UnitSpool: Sequence {
    /// How many units are in the spool.
    public private(set) var count = 0
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var written = 0  // bytes in the file

    /// A place in the spool to come back to.
    public struct Mark: Sendable {
        fileprivate var bytes: Int
        fileprivate var count: Int
    }

    /// Makes an empty spool in the temporary folder (`TMPDIR`).
    /// - Throws: ``Diagnostic`` `cannot-write` when no temporary file can be made.
    public init() throws {
        var template = Array((NSTemporaryDirectory() + "/mekong-units-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw Diagnostic.error("cannot-write", "cannot make a temporary file", file: NSTemporaryDirectory())
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.fd = fd
        buffer.reserveCapacity(1 << 20)
    }

    deinit { close(fd) }

    /// Adds a unit at the end.
    public func append(_ unit: TMXWriter.Unit) throws {
        put(unit.id)
        putLength(unit.variants.count)
        for v in unit.variants {
            put(v.language)
            put(v.text)
        }
        put(unit.note)
        putLength(unit.codes.count)
        for list in unit.codes {
            putLength(list.count)
            for c in list {
                putLength(Int(c.kind.rawValue))
                putLength(c.offset)
                putLength(c.pair)
                put(c.id)
                put(c.element)
                put(c.native)
            }
        }
        count += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// The current end of the spool.
    public func mark() -> Mark { Mark(bytes: written + buffer.count, count: count) }

    /// Drops every unit appended after `mark`.
    public func rollBack(to mark: Mark) throws {
        if mark.bytes >= written {
            buffer.removeLast(written + buffer.count - mark.bytes)
        } else {
            buffer.removeAll(keepingCapacity: true)
            written = mark.bytes
            guard ftruncate(fd, off_t(written)) == 0 else { throw failure("cannot write the temporary file") }
        }
        count = mark.count
    }

    /// Reads the units back, in order (the spool must not change meanwhile).
    public func makeIterator() -> Iterator {
        try? flush()
        return Iterator(fd: fd, end: written)
    }

    /// Reads units back from the file.
    public struct Iterator: IteratorProtocol {
        private let fd: Int32
        private let end: Int
        private var offset = 0  // file offset of `chunk`'s first byte
        private var chunk: [UInt8] = []
        private var at = 0

        fileprivate init(fd: Int32, end: Int) {
            self.fd = fd
            self.end = end
        }

        /// The next unit, or `nil` after the last (or if the file cannot be read).
        public mutating func next() -> TMXWriter.Unit? {
            guard offset + at < end else { return nil }
            guard let id = string(), let n = length() else { return nil }
            var variants: [(language: String, text: String)] = []
            variants.reserveCapacity(n)
            for _ in 0..<n {
                guard let l = string(), let lang = l, let t = string(), let text = t else { return nil }
                variants.append((lang, text))
            }
            guard let note = string(), let lists = length() else { return nil }
            var codes: [[InlineCode]] = []
            for _ in 0..<lists {
                guard let k = length() else { return nil }
                var list: [InlineCode] = []
                for _ in 0..<k {
                    guard let kind = length().flatMap({ InlineCode.Kind(rawValue: UInt8(truncatingIfNeeded: $0)) }),
                        let offset = length(), let pair = length(), let id = string(), let e = string(),
                        let element = e, let n = string(), let native = n
                    else { return nil }
                    list.append(
                        InlineCode(kind: kind, offset: offset, pair: pair, id: id, element: element, native: native))
                }
                codes.append(list)
            }
            return TMXWriter.Unit(id: id, variants: variants, note: note, codes: codes)
        }

        /// Makes sure `k` bytes are in `chunk` from `at`.
        private mutating func need(_ k: Int) -> Bool {
            if at + k <= chunk.count { return true }
            offset += at
            chunk.removeFirst(at)
            at = 0
            let want = Swift.min(Swift.max(k - chunk.count, 1 << 20), end - offset - chunk.count)
            guard want > 0 else { return at + k <= chunk.count }
            let old = chunk.count
            chunk += repeatElement(0, count: want)
            let got = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + old, want, off_t(offset + old)) }
            if got < want { chunk.removeLast(want - Swift.max(got, 0)) }
            return at + k <= chunk.count
        }

        private mutating func length() -> Int? {
            guard need(4) else { return nil }
            let v = Int(chunk[at]) | Int(chunk[at + 1]) << 8 | Int(chunk[at + 2]) << 16 | Int(chunk[at + 3]) << 24
            at += 4
            return v
        }

        /// `.some(nil)` for an absent string, `nil` when the file is short.
        private mutating func string() -> String?? {
            guard let n = length() else { return nil }
            if n == 0xFFFF_FFFF { return .some(nil) }
            guard need(n) else { return nil }
            let s = String(decoding: chunk[at..<at + n], as: UTF8.self)
            at += n
            return .some(s)
        }
    }

    // MARK: Implementation Details

    private func putLength(_ n: Int) {
        let v = UInt32(truncatingIfNeeded: n)
        buffer += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
    }

    private func put(_ s: String?) {
        guard var s else { return putLength(0xFFFF_FFFF) }
        s.withUTF8 { bytes in
            putLength(bytes.count)
            buffer.append(contentsOf: bytes)
        }
    }

    private func flush() throws {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes {
                pwrite(fd, $0.baseAddress! + done, $0.count - done, off_t(written + done))
            }
            guard n > 0 else { throw failure("cannot write the temporary file") }
            done += n
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    private func failure(_ message: String) -> Diagnostic {
        Diagnostic.error("cannot-write", message, file: NSTemporaryDirectory())
    }
}
