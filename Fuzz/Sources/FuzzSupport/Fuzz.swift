import Foundation

/// What every fuzz target shares: a scratch folder for the readers that take a path, the
/// repository's own files, and invariant checks that crash (so that libFuzzer keeps the input).
public enum Fuzz {
    /// Stops the process when `condition` is false: libFuzzer reports a deadly signal and writes
    /// the input as `crash-<sha1>`.
    public static func require(
        _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
        file: StaticString = #file, line: UInt = #line
    ) {
        if !condition() { fatalError("invariant broken: \(message())", file: file, line: line) }
    }

    /// A private folder for this process (in /dev/shm when there is one, so that writing the
    /// input costs no disk I/O), removed by nobody: it holds a few small files.
    public static let scratch: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        var template = Array("\(base)/mekong-fuzz-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { fatalError("cannot create a scratch folder in \(base)") }
        return String(cString: made)
    }()

    /// Writes `bytes` to `name` in ``scratch`` and returns its path.
    public static func write(_ bytes: [UInt8], named name: String) -> String {
        let path = scratch + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// The repository this package sits in (the folder above `Fuzz/`).
    public static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The input as an array.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// ICU `\s` as the segmenter trims it, plus the byte-order mark.
    public static func isSegmentSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 128 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v == 0x85 || v == 0xA0 || v == 0xFEFF { return true }
        switch c.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
