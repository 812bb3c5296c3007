// mekong-glossary-bench: load a generated 100,000-concept glossary and search it.
//
//   swift run -c release mekong-glossary-bench [--concepts 100000]
import BenchSupport
import Foundation
import MekongGlossary
import MekongText

var count = 100_000
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    if a == "--concepts", let n = args.popFirst().flatMap(Int.init) { count = n } else { print("usage: mekong-glossary-bench [--concepts N]"); exit(2) }
}


// Vietnamese-looking and Lao-looking names from syllable lists, deterministic.
let family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
let middle = ["Văn", "Thị", "Quốc", "Minh", "Thanh", "Đức", "Hữu", "Ngọc", "Xuân", "Thu", "Hồng", "Công"]
let given = ["Cường", "Hùng", "Lan", "Sơn", "Tuấn", "Hà", "Dũng", "Phương", "Thảo", "Bình", "Đô", "Tú", "Chính", "Lâm", "Hải", "Nam"]
let laoSyllables = ["ສອນ", "ໄຊ", "ທອງ", "ສະ", "ຫວັນ", "ພົມ", "ວິ", "ຫານ", "ບຸນ", "ເລືອ", "ພັນ", "ດາ", "ນຸ", "ວົງ", "ສີ", "ດອນ"]
var rng = Rng(seed: 0x2545_F491_4F6C_DD1D)
@MainActor func next(_ n: Int) -> Int { rng.next(n) }
func pressForm(_ vi: String) -> String {
    // The French press convention: drop đ, ơ, ư, ă and Vietnamese tone marks; keep â ê ô.
    var out = ""
    for ch in vi.decomposedStringWithCanonicalMapping.unicodeScalars {
        switch ch.value {
        case 0x0300, 0x0301, 0x0303, 0x0309, 0x0323, 0x031B, 0x0306: continue
        case 0x0110: out += "D"
        case 0x0111: out += "d"
        default: out.unicodeScalars.append(ch)
        }
    }
    return out.precomposedStringWithCanonicalMapping
}

print("Generating \(count) concepts…")
var concepts: [Concept] = []
concepts.reserveCapacity(count)
var queries: [String] = []
for i in 0..<count {
    let vi = "\(family[next(family.count)]) \(middle[next(middle.count)]) \(given[next(given.count)]) \(i)"
    let lo = (0..<3).map { _ in laoSyllables[next(laoSyllables.count)] }.joined() + " " + String(i)
    concepts.append(Concept(id: "c\(i)", type: .person, status: .proposed,
                            terms: [.fr: Terms(preferred: pressForm(vi), admitted: [Folding.key(vi)]), .vi: Terms(preferred: vi), .lo: Terms(preferred: lo)]))
    if i % 997 == 0 { queries += [Folding.key(vi), vi, pressForm(vi).uppercased(), lo] }
}
let dir = NSTemporaryDirectory() + "mekong-glossary-bench-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: dir) }
let store = GlossaryStore(directory: dir)
var t = ContinuousClock.now
try store.save(Glossary(concepts: concepts))
print(String(format: "  wrote %d concepts in %.2f s (%.1f MB of TSV)", count, seconds(ContinuousClock.now - t),
             Double((try? FileManager.default.attributesOfItem(atPath: store.path(for: .person))[.size] as? Int) ?? 0) / 1e6))
concepts = []

let rssBefore = peakRSSMegabytes()
t = ContinuousClock.now
let glossary = try store.load()
let loadTime = seconds(ContinuousClock.now - t)
t = ContinuousClock.now
let index = GlossaryIndex(glossary)
let indexTime = seconds(ContinuousClock.now - t)
print(String(format: "  load: %.3f s, index: %.3f s (aim: well under a second together: %.3f s)", loadTime, indexTime, loadTime + indexTime))

var found = 0
t = ContinuousClock.now
for q in queries { found += index.find(q).isEmpty ? 0 : 1 }
let perQuery = seconds(ContinuousClock.now - t) / Double(queries.count)
print(String(format: "  find: %d queries (exact, full Vietnamese, press style upper-case, Lao), %d found, %.1f µs per query (aim: < 1000 µs)",
             queries.count, found, perQuery * 1e6))
let missQueries = (0..<200).map { "Zzyzx Qwerty \($0)" }
t = ContinuousClock.now
for q in missQueries { found += index.find(q).count }
print(String(format: "  find (no match): %.1f µs per query", seconds(ContinuousClock.now - t) / Double(missQueries.count) * 1e6))
print(String(format: "  peak RSS %.0f MB (%.0f MB before loading, with the generator's data)", peakRSSMegabytes(), rssBefore))

