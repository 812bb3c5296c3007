// mekong-extract-bench: extract candidate names from a generated corpus, streaming, and show
// that memory follows the candidate table, not the corpus.
//
//   swift run -c release mekong-extract-bench [--mb 100]
import BenchSupport
import Foundation
import MekongGlossary
import MekongTerminology

var megabytes = 100
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    if a == "--mb", let n = args.popFirst().flatMap(Int.init) { megabytes = n } else { print("usage: mekong-extract-bench [--mb N]"); exit(2) }
}
var rng = Rng()
// 2,000 people and 300 places, so that the candidate table stops growing early.
let family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Sisavath", "Phomvihane", "Siphandone", "Vongsay"]
let given = ["Văn An", "Thị Hoa", "Quốc Cường", "Minh Tuấn", "Thanh Sơn", "Khamphanh", "Bouasone", "Thongsavanh", "Sonexay", "Kikeo"]
let people = (0..<2000).map { "\(given[$0 % given.count]) \(family[($0 / given.count) % family.count]) \(["", "Junior", "Khamla", "Duy", "Long"][$0 % 5])".trimmingCharacters(in: .whitespaces) }
let places = (0..<300).map { "Bản \(["Na", "Phon", "Xay", "Muang", "Nong"][$0 % 5])\(["kham", "sai", "thong", "la", "vieng", "khe"][$0 % 6])\($0 / 30 == 0 ? "" : String(UnicodeScalar(UInt8(97 + $0 / 30))))" }
let templates = [
    "Le vice-Premier ministre laotien PERSON a reçu le 17 décembre à PLACE une délégation du Comité populaire de la province de PLACE.",
    "Selon PERSON, secrétaire du Comité provincial du Parti, la coopération avec PLACE progresse dans tous les domaines.",
    "Les deux parties ont dressé un bilan de leur coopération et partagé leurs méthodes de supervision des grands projets.",
    "Le ministre PERSON et le gouverneur de PLACE ont signé un mémorandum avec l’Agence vietnamienne d’information (AVI).",
]
// 20,000 sentences made once, then cycled: the time measured is extraction's, not generation's.
var pool: [String] = []
for _ in 0..<20_000 {
    var s = templates[rng.next(templates.count)]
    while let r = s.range(of: "PERSON") { s.replaceSubrange(r, with: people[rng.next(people.count)]) }
    while let r = s.range(of: "PLACE") { s.replaceSubrange(r, with: places[rng.next(places.count)]) }
    pool.append(s)
}
print("Extracting from \(megabytes) MB of generated French news text (2,000 people, 300 places)…")
let extractor = CandidateExtractor(glossary: nil)
var bytes = 0, line = 0
let start = ContinuousClock.now
var checkpoints = [megabytes / 4, megabytes / 2, megabytes].map { $0 * 1_000_000 }
while bytes < megabytes * 1_000_000 {
    let s = pool[line % pool.count]
    line += 1
    extractor.add(sentence: s, place: "corpus:\(line)")
    bytes += s.utf8.count + 1
    if let c = checkpoints.first, bytes >= c {
        checkpoints.removeFirst()
        let d = ContinuousClock.now - start
        let secs = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        print(String(format: "  %4.0f MB: %.1f MB/s so far , peak RSS %.0f MB", Double(bytes) / 1e6, Double(bytes) / 1e6 / secs, peakRSSMegabytes()))
    }
}
let candidates = extractor.candidates(minCount: 2)
print("  \(candidates.count) candidates seen at least twice; top: " + candidates.prefix(3).map { "\($0.variants[0].form) ×\($0.count)" }.joined(separator: ", "))
