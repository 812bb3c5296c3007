import Testing

@testable import MekongText

@Suite struct UTF8ValidationTests {
    func firstInvalid(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
    }

    @Test func validTextHasNoInvalidByte() {
        #expect(firstInvalid(Array("Trần Quốc Cường ຫຼວງພະບາງ «ok» 🇻🇳 0123456789abcdef".utf8)) == nil)
        #expect(firstInvalid([]) == nil)
    }

    @Test(
        arguments: [
            ([0x41, 0xFF, 0x42], 1),  // never valid
            ([0x41, 0xC0, 0x80], 1),  // overlong NUL
            ([0xE0, 0x80, 0x80], 0),  // overlong 3-byte
            ([0xED, 0xA0, 0x80], 0),  // surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
            ([0x41, 0x42, 0xE1, 0xBA], 2),  // truncated at the end
            ([0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x80], 9),  // after the ASCII fast path
        ] as [([UInt8], Int)])
    func invalidSequencesAreLocated(bytes: [UInt8], offset: Int) {
        #expect(firstInvalid(bytes) == offset)
    }

    @Test func scalarCountCountsScalarsNotBytes() {
        #expect(UTF8Validation.scalarCount(Array("Điện Biên".utf8)) == 9)
        #expect(UTF8Validation.scalarCount(Array("Điện Biên".decomposedForTest.utf8)) == 12)
        // Eight bytes at a time and the tail: every length and alignment agrees with the scalars.
        let text = Array("Thủ tướng Phạm Minh Chính đến Viêng Chăn ວຽງຈັນ 🇻🇳 ok".utf8)
        for start in 0..<9 {
            for end in stride(from: start, through: text.count, by: 1) {
                let slice = text[start..<end]
                guard let s = String(validating: slice, as: UTF8.self) else { continue }
                #expect(UTF8Validation.scalarCount(slice) == s.unicodeScalars.count)
            }
        }
    }
}

extension String {
    /// NFD without Foundation: enough for the test strings used here.
    var decomposedForTest: String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "Đ": out += "Đ"  // no decomposition
            case "ệ": out += "e\u{323}\u{302}"
            case "ê": out += "e\u{302}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
