import Foundation
import MekongTestSupport
import Testing

@testable import MekongText

@Suite struct LineReaderTests {
    func lines(_ bytes: [UInt8], chunkSize: Int = 1 << 20) throws -> [LineReader.Line] {
        let path = TestSupport.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fd = open(path, O_RDONLY)
        let reader = LineReader(fileDescriptor: fd, name: "t.txt", ownsDescriptor: true, chunkSize: chunkSize)
        var out: [LineReader.Line] = []
        while let line = try reader.next() { out.append(line) }
        return out
    }

    @Test func emptyFileGivesNoLines() throws {
        #expect(try lines([]).isEmpty)
    }

    @Test func bomIsSkippedAndNotCounted() throws {
        let result = try lines([0xEF, 0xBB, 0xBF] + Array("Hà\nNội".utf8))
        #expect(result.map { String(decoding: $0.bytes, as: UTF8.self) } == ["Hà", "Nội"])
        #expect(result.map(\.scalarOffset) == [0, 3])
    }

    @Test func crlfIsALineEndAndTheCRIsCounted() throws {
        let result = try lines(Array("Un.\r\nDeux.\r\n".utf8))
        #expect(result.map { String(decoding: $0.bytes, as: UTF8.self) } == ["Un.", "Deux."])
        #expect(result.map(\.scalarOffset) == [0, 5])
        #expect(result.map(\.number) == [1, 2])
    }

    @Test func linesLongerThanTheChunkAreJoined() throws {
        let text = String(repeating: "Điện Biên ", count: 50) + "\nfin"
        let result = try lines(Array(text.utf8), chunkSize: 16)
        #expect(result.count == 2)
        #expect(String(decoding: result[0].bytes, as: UTF8.self) == String(repeating: "Điện Biên ", count: 50))
    }

    @Test func invalidUTF8NamesFileLineAndColumn() throws {
        let bytes = Array("première ligne\nDiên ".utf8) + [0xC3, 0x28] + Array(" Biên\n".utf8)
        let error = #expect(throws: Diagnostic.self) { try lines(bytes) }
        #expect(error?.description == "t.txt:2:6: error: invalid UTF-8")
        #expect(error?.rule == "invalid-utf8")
    }

    @Test func missingFileIsADiagnostic() {
        let error = #expect(throws: Diagnostic.self) { try LineReader(path: "/nonexistent/mekong.txt") }
        #expect(error?.description == "/nonexistent/mekong.txt: error: no such file")
    }

    @Test func linesFromMemoryAreTheSameAsFromAFile() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("Un.\r\nDeux\n\nTrois".utf8)
        let reader = LineReader(bytes: bytes, name: "m")
        var fromMemory: [LineReader.Line] = []
        while let l = try reader.next() { fromMemory.append(l) }
        let fromFile = try lines(bytes)
        #expect(fromMemory.map(\.bytes) == fromFile.map(\.bytes))
        #expect(fromMemory.map(\.scalarOffset) == fromFile.map(\.scalarOffset))
        #expect(fromMemory.map(\.number) == [1, 2, 3, 4])
    }
}
