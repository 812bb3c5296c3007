import Foundation
import Testing

@testable import MekongText

@Suite struct VietnameseSyllableTests {
    func problem(_ w: String) -> VietnameseSpellingProblem? {
        if case .failure(let p) = VietnameseSyllable.analyse(w) { return p }
        return nil
    }

    @Test(arguments: [
        "a", "ba", "Nguyễn", "Trần", "Quốc", "Cường", "Điện", "Biên", "giếng", "gì", "gìn", "giữa", "giường",
        "quý", "quyết", "quở", "thuở", "khuya", "khuỷu", "ngoẹo", "nghiêng", "kỹ", "ký", "ghế", "yêu", "uyên",
        "hoà", "hòa", "thuỷ", "thủy", "khoẻ", "khỏe", "ấy", "âu", "ăn", "tuyết", "oanh", "huỳnh", "hoạch",
        "rượu", "người", "được", "BẰNG", "Việt", "xoong", "buýt", "Lâm", "Đức", "Thắng", "ông", "ý",
    ])
    func validSyllables(_ w: String) {
        #expect(VietnameseSyllable(w) != nil, "\(w): \(String(describing: problem(w)))")
        #expect(VietnameseSyllable(w.decomposedStringWithCanonicalMapping) != nil, "NFD \(w)")
    }

    @Test func bothTonePlacementsAreOneSyllable() {
        #expect(VietnameseSyllable("hòa")?.key == VietnameseSyllable("hoà")?.key)
        #expect(VietnameseSyllable("Thủy")?.key == VietnameseSyllable("thuỷ")?.key)
        #expect(VietnameseSyllable("Nguyễn")?.key == "nguyên4")
        #expect(VietnameseSyllable("NGUYỄN")?.key == "nguyên4")
        #expect(VietnameseSyllable("Nguyễn".decomposedStringWithCanonicalMapping)?.key == "nguyên4")
        #expect(VietnameseSyllable("hòa")?.text == "hòa")
    }

    @Test(arguments: [
        ("Bằc", VietnameseSpellingProblem.toneOnStopCoda), ("quôc", .toneOnStopCoda), ("viềt", .toneOnStopCoda),
        ("Viêt", .toneOnStopCoda), ("hỏp", .toneOnStopCoda), ("sãch", .toneOnStopCoda), ("mất", nil),
    ])
    func toneOnAStopCoda(_ w: String, _ p: VietnameseSpellingProblem?) {
        #expect(problem(w) == p, "\(w)")
    }

    @Test(arguments: [
        ("Kao", VietnameseSpellingProblem.onsetSpelling), ("kơ", .onsetSpelling), ("ghà", .onsetSpelling),
        ("nghăn", .onsetSpelling), ("ngiêm", .onsetSpelling), ("cê", .onsetSpelling), ("gé", .onsetSpelling),
        ("cuân", .onsetSpelling), ("qa", .qWithoutU), ("qốc", .qWithoutU),
    ])
    func onsetSpellingRules(_ w: String, _ p: VietnameseSpellingProblem) {
        #expect(problem(w) == p, "\(w)")
    }

    @Test(arguments: ["mâ", "kă", "tă", "Lâ", "bă"])
    func breveAndCircumflexNeedACoda(_ w: String) {
        #expect(problem(w) == .needsCoda, "\(w)")
    }

    @Test(arguments: ["Cuờng", "truờng", "nguời", "trưong", "đuợc"])
    func hornPairs(_ w: String) {
        #expect(problem(w) == .hornPair, "\(w)")
    }

    @Test func oneToneMark() {
        #expect(problem("Nguyễền") == .twoTones)
        #expect(problem("ba\u{301}\u{300}") == .twoTones)
        #expect(problem("Tráần") == .twoTones)
    }

    @Test(arguments: ["gía", "qúy", "muá", "hoàn".replacingOccurrences(of: "oà", with: "òa"), "Nguỹên", "tìên"])
    func tonePlacement(_ w: String) {
        #expect(problem(w) == .tonePlacement, "\(w)")
    }

    @Test func foreignLettersAreNotVietnamese() {
        for w in ["José", "Müller", "île", "café", "1er", "Zidane"] {
            #expect(VietnameseLetters.codes(w) == nil || VietnameseSyllable(w) == nil, "\(w)")
        }
        #expect(VietnameseLetters.codes("café") == nil)  // f
        #expect(VietnameseLetters.codes("île") == nil)  // î
    }

    @Test func markClasses() {
        func d(_ w: String) -> VietnameseLetters.Decoded {
            var s = w
            return s.withUTF8 { VietnameseLetters.decode($0)! }
        }
        #expect(d("Trân").hasNonFrenchMark == false)
        #expect(d("élève").hasNonFrenchMark == false)
        #expect(d("Trần").strongMarks > 0)
        #expect(d("Đà").strongMarks > 0)
        #expect(d("São").weakMarks > 0 && d("São").strongMarks == 0)
        #expect(d("Ángel").weakMarks > 0)
        #expect(VietnameseSyllable.hasSyllableShape(d("Lê")))
        #expect(!VietnameseSyllable.hasSyllableShape(d("Ángel")))
        #expect(!VietnameseSyllable.hasSyllableShape(d("Valéry")))
    }
}

@Suite struct VietnameseAttestedTests {
    let a = VietnameseAttested.shared

    @Test func attestedAndUnattested() {
        #expect(a.contains("Nguyễn"))
        #expect(a.contains("hoà") && a.contains("hòa"))
        #expect(VietnameseSyllable("nguyển") != nil)
        #expect(!a.contains("nguyển"))
        #expect(a.surnameSkeletons.contains("nguyen"))
    }

    @Test(arguments: [
        ("Cuờng", "Cường"), ("Bằc", "Bắc"), ("Kao", "Cao"), ("Quôc", "Quốc"), ("Viêt", "Việt"), ("gía", "giá"),
        ("Nguỹên", "Nguyễn"), ("truờng", "trường"), ("Đưc", "Đức"), ("NGUYÊ\u{303}\u{300}N", "NGUYỄN"),
    ])
    func nearestSuggestion(_ w: String, _ expected: String) {
        let s = a.suggestions(for: w, name: w.first!.isUppercase)
        #expect(s.first?.text == expected, "\(w): \(s.map { "\($0.text)/\($0.distance)/\($0.tier)" })")
        #expect(VietnameseAttested.clearBest(s)?.text == expected, "\(w)")
    }

    @Test func pressForms() {
        #expect(VietnameseAttested.press(VietnameseSyllable("Cường")!) == "cuong")
        #expect(VietnameseAttested.press(VietnameseSyllable("Trần")!) == "trân")
        #expect(VietnameseAttested.press(VietnameseSyllable("Hà")!) == "hà")
        #expect(VietnameseAttested.press(VietnameseSyllable("Quốc")!) == "quôc")
        #expect(a.pressForms.contains("cuong"))
    }

    @Test func everyShippedSyllableIsValid() throws {
        let lines = VietnameseAttested.corpusSyllables.split(separator: "\n").map(String.init)
        let invalid = lines.filter { VietnameseSyllable($0) == nil }
        #expect(invalid.isEmpty, "\(invalid)")
        let names =
            VietnameseNames.surnames + VietnameseNames.middleNames + VietnameseNames.givenNames
            + VietnameseNames.placeSyllables
        let badNames = names.filter {
            VietnameseSyllable($0) == nil && !VietnameseAttested.irregular.contains($0.lowercased())
        }
        #expect(badNames.isEmpty, "\(badNames)")
        #expect(lines.count < 5000)
    }

    @Test func shippedTableMatchesTheDataFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
            .standardized.path
        let file = try String(contentsOfFile: root + "/data/vietnamese/attested-syllables.txt", encoding: .utf8)
        #expect(file.split(separator: "\n") == VietnameseAttested.corpusSyllables.split(separator: "\n"))
        #expect(file == file.precomposedStringWithCanonicalMapping)
    }
}
