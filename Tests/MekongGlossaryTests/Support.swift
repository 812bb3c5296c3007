import Foundation
import MekongTestSupport

@testable import MekongGlossary

func temporaryDirectory() -> String { TestSupport.temporaryFolder("glossary") }

func write(_ text: String, to path: String) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
}

func read(_ path: String) -> String {
    String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
}

/// The standards' files copied into the repository (Tests/Fixtures/standards).
let standards = TestSupport.fixture("standards")
let repository = TestSupport.repository.path

/// A small glossary with the phenomena the tests need.
func sampleGlossary() -> Glossary {
    Glossary(concepts: [
        Concept(
            id: "dien-bien", type: .place, status: .approved,
            terms: [
                .fr: Terms(cell: "Diên Biên | Dien Bien"), .vi: Terms(cell: "Điện Biên"), .lo: Terms(cell: "ດ້ຽນບຽນ"),
            ],
            note: "province", sources: ["seeds/000_ac40248b14b1adc8.txt:1"]),
        Concept(
            id: "luang-prabang", type: .place, status: .proposed,
            terms: [
                .fr: Terms(cell: "Luang Prabang"), .vi: Terms(cell: "Luang Prabang"), .lo: Terms(cell: "ຫຼວງພະບາງ"),
                .loLatn: Terms(cell: "Louangphabang | Luang Phabang"),
            ]),
        Concept(
            id: "tran-quoc-cuong", type: .person, status: .proposed,
            terms: [
                .fr: Terms(cell: "Trân Quôc Cuong | Tran Quoc Cuong | !Tran Quoc Cuon"),
                .vi: Terms(cell: "Trần Quốc Cường"),
            ],
            note: "secrétaire du Comité provincial du Parti, « Điện Biên »; comma, and \"quotes\""),
        Concept(
            id: "pprl", type: .body, status: .proposed,
            terms: [
                .fr: Terms(cell: "Parti populaire révolutionnaire lao | Parti révolutionnaire populaire lao | PPRL"),
                .vi: Terms(cell: "Đảng Nhân dân Cách mạng Lào"), .lo: Terms(cell: "ພັກປະຊາຊົນປະຕິວັດລາວ"),
            ]),
        Concept(
            id: "sonexay-siphandone", type: .person, status: .proposed,
            terms: [
                .fr: Terms(cell: "Sonexay Siphandone | Sonesay Siphandone"), .lo: Terms(cell: "ສອນໄຊ ສີພັນດອນ"),
                .loLatn: Terms(cell: "Sonexay Siphandone | Sonesay Siphandone"),
            ]),
    ])
}
