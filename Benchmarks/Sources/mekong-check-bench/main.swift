// mekong-check-bench: check a large French corpus against glossaries of growing size.
//
//   swift run -c release mekong-check-bench [--mb 20] [--concepts 100000]
import BenchSupport
import Foundation
import MekongChecks
import MekongGlossary
import MekongText

var corpusMB = 20
var maxConcepts = 100_000
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--mb": corpusMB = Int(args.popFirst() ?? "") ?? corpusMB
    case "--concepts": maxConcepts = Int(args.popFirst() ?? "") ?? maxConcepts
    default: print("usage: mekong-check-bench [--mb N] [--concepts N]"); exit(2)
    }
}


var rng = Rng()

// Names: Vietnamese-looking people, numbered so that 100,000 are distinct.
let family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
let middle = ["Văn", "Thị", "Quốc", "Minh", "Thanh", "Đức", "Hữu", "Ngọc", "Xuân", "Thu", "Hồng", "Công"]
let given = ["Cường", "Hùng", "Lan", "Sơn", "Tuấn", "Hà", "Dũng", "Phương", "Thảo", "Bình", "Đô", "Tú", "Chính", "Lâm", "Hải", "Nam"]
let syllables = ["Khanh", "Long", "Phong", "Thinh", "Vinh", "Quang", "Trung", "Hiep", "Kien", "Tam", "Duy", "Bao", "Son", "Viet", "Hoa", "Tien"]
var names: [String] = []
for i in 0..<maxConcepts {
    // A unique given name from two syllables and the index in base 16 syllables.
    var n = i, extra = ""
    repeat { extra += syllables[n % 16]; n /= 16 } while n > 0
    names.append("\(family[rng.next(family.count)]) \(middle[rng.next(middle.count)]) \(given[rng.next(given.count)]) \(extra)")
}
@MainActor func glossary(_ count: Int) -> Glossary {
    Glossary(concepts: (0..<count).map { i in
        Concept(id: "c\(i)", type: .person, terms: [.fr: Terms(preferred: NameStyle.press.form(of: names[i])), .vi: Terms(preferred: names[i])])
    })
}

// Corpus: French news sentences with names of the first 1,000 concepts (so every glossary size
// contains them), one name in twenty misspelt.
let sentences = [
    "Le président du Comité populaire de la province, NAME, a reçu le 17 décembre une délégation lao conduite par NAME.",
    "Les deux parties ont dressé un bilan de leur coopération et partagé leurs méthodes de supervision des grands projets.",
    "Selon NAME, la coopération bilatérale s’est renforcée de manière globale, efficace et substantielle ces dernières années.",
    "Lors de cet événement, les délégations se sont informées mutuellement du développement socio-économique et de la sécurité.",
    "Le ministre NAME a également rendu une visite de courtoisie au secrétaire du Comité central, NAME, à Vientiane.",
]
print("Building a \(corpusMB) MB corpus…")
var corpus: [UInt8] = []
corpus.reserveCapacity(corpusMB * 1_000_000 + 1000)
var planted = 0
while corpus.count < corpusMB * 1_000_000 {
    var line = sentences[rng.next(sentences.count)]
    while let r = line.range(of: "NAME") {
        var name = NameStyle.press.form(of: names[rng.next(min(1000, maxConcepts))])
        if rng.next(20) == 0 { name = NameStyle.ascii.form(of: name).replacingOccurrences(of: "a", with: "à"); planted += 1 }
        line.replaceSubrange(r, with: name)
    }
    corpus += Array(line.utf8)
    corpus.append(0x0A)
}
let lines = corpus.split(separator: 0x0A).map(Array.init)
print(String(format: "  %.1f MB, %d lines, %d misspelt names planted; peak RSS %.0f MB", Double(corpus.count) / 1e6, lines.count, planted, peakRSSMegabytes()))

print("\nCheck (French, press style), release build, MB = 10^6 bytes:")
var sizes = [1_000, 10_000, 100_000].filter { $0 <= maxConcepts }
if !sizes.contains(maxConcepts) { sizes.append(maxConcepts) }
var first: Double?
for size in sizes {
    let g = glossary(size)
    var t = ContinuousClock.now
    let matcher = NameMatcher(g)
    let build = seconds(ContinuousClock.now - t)
    t = ContinuousClock.now
    let checker = DocumentChecker(file: "corpus", matcher: matcher, options: CheckOptions(language: .french, style: .press))
    for (k, l) in lines.enumerated() { checker.check(line: l, number: k + 1) }
    let findings = checker.finish()
    let elapsed = seconds(ContinuousClock.now - t)
    let mbps = Double(corpus.count) / 1e6 / elapsed
    if first == nil { first = mbps }
    let errors = findings.filter { $0.rule == "name-diacritics" }.count
    print(String(format: "  %6d concepts: matcher built in %.3f s; %.1f MB/s (%.2f s), %d name findings, slowdown vs 1,000 concepts %.2fx; peak RSS %.0f MB",
                 size, build, mbps, elapsed, errors, first! / mbps, peakRSSMegabytes()))
}
