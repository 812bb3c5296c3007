import Foundation
import MekongTestSupport
import MekongText

@testable import MekongChecks
@testable import MekongGlossary

let repository = TestSupport.repository.path

/// A glossary for the rule tests.
let testGlossary = Glossary(concepts: [
    Concept(
        id: "tran-quoc-cuong", type: .person,
        terms: [.fr: Terms(cell: "Trân Quôc Cuong"), .vi: Terms(cell: "Trần Quốc Cường")]),
    Concept(id: "dien-bien", type: .place, terms: [.fr: Terms(cell: "Diên Biên"), .vi: Terms(cell: "Điện Biên")]),
    Concept(
        id: "le-thanh-do", type: .person, terms: [.fr: Terms(cell: "Lê Thành Dô"), .vi: Terms(cell: "Lê Thành Đô")]),
    Concept(
        id: "bui-thanh-son", type: .person,
        terms: [.fr: Terms(cell: "Bùi Thanh Son"), .vi: Terms(cell: "Bùi Thanh Sơn")]),
    Concept(id: "hanoi", type: .place, terms: [.fr: Terms(cell: "Hanoï | Hanoi"), .vi: Terms(cell: "Hà Nội")]),
    Concept(
        id: "laos", type: .place,
        terms: [
            .fr: Terms(cell: "Laos"), .vi: Terms(cell: "Lào"), .lo: Terms(cell: "ລາວ"), .loLatn: Terms(cell: "Lao"),
        ]),
    Concept(
        id: "luang-prabang", type: .place,
        terms: [
            .fr: Terms(cell: "Luang Prabang | !Luang Phrabang"), .lo: Terms(cell: "ຫຼວງພະບາງ"),
            .loLatn: Terms(cell: "Louangphabang"),
        ]),
    Concept(
        id: "sonexay", type: .person,
        terms: [.fr: Terms(cell: "Sonexay Siphandone | Sonesay Siphandone"), .lo: Terms(cell: "ສອນໄຊ ສີພັນດອນ")]),
])

let testMatcher = NameMatcher(testGlossary)

/// Checks text (lines separated by "\n") and returns the findings.
func check(
    _ text: String, _ language: Language = .french, style: NameStyle? = nil, tone: ToneStyle = .majority,
    glossary matcher: NameMatcher = testMatcher
) -> [Diagnostic] {
    let c = DocumentChecker(
        file: "t.txt", matcher: matcher, options: CheckOptions(language: language, style: style, toneStyle: tone))
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        c.check(line: Array(line.utf8), number: i + 1)
    }
    return c.finish()
}

func rules(_ findings: [Diagnostic]) -> [String] { findings.map(\.rule) }
