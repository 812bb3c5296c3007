import Foundation
import MekongText
import Testing

@testable import MekongGlossary

/// The glossary shipped in `glossary/`: content people will trust.
@Suite struct ShippedGlossaryTests {
    let glossary: Glossary

    init() throws {
        glossary = try GlossaryStore(directory: repository + "/glossary").load()
    }

    @Test func loadsAndLintsClean() {
        #expect(glossary.concepts.count >= 50)
        #expect(GlossaryLint.run(glossary) == [])
    }

    /// Every source names an article line where one of the concept's French forms is printed.
    @Test func sourcesPointAtTheLineWhereTheNameIsPrinted() throws {
        for c in glossary.concepts {
            #expect(!c.sources.isEmpty, "\(c.id) has no source")
            for source in c.sources {
                let parts = source.split(separator: ":")
                let path = repository + "/" + parts[0]
                let lineNumber = try #require(Int(parts[1]))
                let lines = try String(contentsOfFile: path, encoding: .utf8).split(
                    separator: "\n", omittingEmptySubsequences: false)
                let line = Folding.key(String(lines[lineNumber - 1]))
                let forms = c.terms[.fr]!.all.map(Folding.key)
                #expect(forms.contains { line.contains($0) }, "\(c.id): \(source) does not print \(forms)")
            }
        }
    }

    /// The names the issue lists are found the way users search for them.
    @Test(arguments: [
        ("Dien Bien", "dien-bien"), ("diên biên", "dien-bien"), ("Điện Biên", "dien-bien"),
        ("Tran Quoc Cuong", "tran-quoc-cuong"), ("ຫຼວງພະບາງ", "luang-prabang"), ("Louangphabang", "luang-prabang"),
        ("luang prabang", "luang-prabang"), ("Parti révolutionnaire populaire lao", "pprl"),
        ("Parti populaire révolutionnaire lao (PPRL)", "pprl"), ("Sonesay Siphandone", "sonexay-siphandone"),
        ("Sonexay Siphandone", "sonexay-siphandone"),
    ])
    func findsTheSeedNames(query: String, id: String) {
        let index = GlossaryIndex(glossary)
        #expect(index.find(query).first.map { glossary.concepts[$0.conceptIndex].id } == id)
    }

    /// Vietnamese forms carry full diacritics: none is plain ASCII where the French press form
    /// dropped them (the French forms keep the press convention).
    @Test func vietnameseNamesOfPeopleHaveDiacritics() {
        let latinLao = [
            "sonexay-siphandone", "thongsavanh-phomvihane", "bounleua-phandanouvong", "anouphap-tounalom",
            "athsaphangthong-siphandone", "thansamay-kommasith", "kikeo-khaykhamphithoun",
        ]
        for c in glossary.concepts where c.type == .person && !latinLao.contains(c.id) {
            guard let vi = c.preferred(.vi) else { continue }
            #expect(vi.unicodeScalars.contains { $0.value > 0x7F }, "\(c.id): '\(vi)' has no diacritics")
        }
    }
}
