import Foundation
import MekongText

/// Expands the command line's inputs: files as given, a directory as its `*.txt` files in name
/// order, and no input (or `-`) as standard input.
enum InputFiles {
    static func expand(_ paths: [String], extensions: Set<String> = ["txt"]) throws -> [String] {
        // (Files named on the command line are taken whatever their extension.)
        if paths.isEmpty { return ["-"] }
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path)
                    .filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
                    .sorted()
                result += names.map { (path as NSString).appendingPathComponent($0) }
            } else {
                result.append(path)
            }
        }
        return result
    }

    /// The article name for a path: its file name without extension, or `stdin`.
    static func articleName(_ path: String) -> String {
        path == "-" ? "stdin" : ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    static func reader(_ path: String) throws -> LineReader {
        path == "-" ? LineReader(fileDescriptor: 0, name: "<stdin>") : try LineReader(path: path)
    }
}
