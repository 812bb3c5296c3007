// mekong-bench: speed and accuracy of `mekong segment` against two baselines measured in the
// same run on the same bytes: a byte loop that only finds '.', '?', '!' (the floor) and ICU's
// sentence BreakIterator with "fr@ss=standard" (abbreviation suppression on).
//
//   swift run -c release mekong-bench [--mb 40] [--stream-mb 200]
import CICUSeg
import BenchSupport
import Foundation
import MekongSegmentation
import MekongText

// MARK: Arguments

var corpusMB = 40
var streamMB = 200
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--mb": corpusMB = Int(args.popFirst() ?? "") ?? corpusMB
    case "--stream-mb": streamMB = Int(args.popFirst() ?? "") ?? streamMB
    default: print("usage: mekong-bench [--mb N] [--stream-mb N]"); exit(2)
    }
}

// MARK: A French news-like corpus with the phenomena the segmenter must handle

/// Labelled paragraphs: `|` marks each sentence boundary a careful reader would make (the
/// marker is removed; a boundary falls at the end of the sentence before it, spaces trimmed).
/// Used both to build the corpus and to measure accuracy.
let labelledSources: [String] = [
    "M. Trần Quốc Cường, secrétaire du Comité provincial du Parti de Điện Biên, a reçu Mme Nguyễn Thị Hoa le 17 décembre.| Les deux parties ont dressé un bilan de leur coopération.",
    "Selon le Dr Phạm, la croissance atteindra 3,5 % en 2025, contre 1.000 milliards de dôngs l’an passé.| Les chiffres de la période 2022-2025 sont publiés par l’Office général des statistiques.",
    "Le Premier ministre a déclaré : « C’est un moment historique ! »| Pourquoi ce choix ?| La réponse, selon lui, tient à la solidarité entre les deux pays.",
    "La Conclusion n°230-KL/TW du 5 janvier 2026 a été signée par Trần Cẩm Tú.| Elle concerne la réorganisation des organisations de masse (VCA, VCCI, etc.).",
    "Vientiane, 2 novembre (VNA) - Le vice-Premier ministre laotien, Sonexay Siphandone, a reçu le ministre vietnamien.| Il a salué les progrès réalisés…| Puis il a évoqué les projets futurs.",
    "Les délégations ont échangé leurs expériences dans la région.|Elles ont convenu de se revoir en juin.| Le site fr.vietnamplus.vn en a rendu compte le jour même.",
    "J. Dupont et J.-P. Martin, de l’Académie des sciences sociales, ont présenté leurs travaux.| Selon eux, l’histoire de la région remonte à 500 av. J.-C. et peut-être au-delà.| Voir p. 12 du rapport pour les détails.",
    "Est-ce vraiment possible ?!| Oui, répond-il, si les deux parties le veulent vraiment...| Le ministre Bùi Thanh Sơn a confirmé cette position.",
    "La photo de VNA/CVN montre la cérémonie d’ouverture à Hà Nội, le 28 juillet.| Plus de 300 délégués y ont participé (dont 120 venus du Laos).",
    "Les provinces de Phongsaly, Oudomxay et Luang Prabang ont signé un mémorandum en juin 2019.| Le texte prévoit des réunions bisannuelles organisées à tour de rôle.",
    "César est mort en 44 av. J.-C.| Les Romains l’ont pleuré.| Voir aussi le chap. 3, etc.| Le reste suit.",
    "MM. Durand et Petit, de la société Total S.A., sont arrivés à 10 h.| Ils repartiront le 3 nov. au matin.",
]

/// A labelled paragraph: its text and the byte offsets of its boundaries.
struct Labelled { var text: String; var boundaries: Set<Int> }

let labelled: [Labelled] = labelledSources.map { source in
    var text = "", boundaries: Set<Int> = []
    for (k, part) in source.split(separator: "|", omittingEmptySubsequences: false).enumerated() {
        if k > 0 {
            var end = text.utf8.count
            let bytes = Array(text.utf8)
            while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
            boundaries.insert(end)
        }
        text += part
    }
    return Labelled(text: text, boundaries: boundaries)
}

/// `unique`: each paragraph starts with a number, so that article mode (which drops repeated
/// paragraphs) keeps them all.
func buildCorpus(megabytes: Int, unique: Bool = false, firstNumber: Int = 1) -> [UInt8] {
    var counter = firstNumber
    var out: [UInt8] = []
    out.reserveCapacity(megabytes * 1_000_000 + 4096)
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return Int(seed % 1_000_003) }
    while out.count < megabytes * 1_000_000 {
        // A paragraph of 1 to 3 labelled paragraphs glued together, as in real articles.
        let n = 1 + next() % 3
        var parts: [String] = []
        if unique { parts.append("Dépêche \(counter) :"); counter += 1 }
        for _ in 0..<n { parts.append(labelled[next() % labelled.count].text) }
        out += Array(parts.joined(separator: " ").utf8)
        out += [0x0A, 0x0A]
    }
    return out
}

// MARK: Measurement helpers

func measure(_ label: String, bytes: Int, repeats: Int = 3, _ body: () -> Int) -> (mbps: Double, result: Int) {
    var best = Double.infinity
    var result = 0
    for _ in 0..<repeats {
        let start = ContinuousClock.now
        result = body()
        let d = ContinuousClock.now - start
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        best = min(best, seconds)
    }
    let mbps = Double(bytes) / 1e6 / best
    print(String(format: "  %-44@ %8.1f MB/s  (%d sentences, best of %d: %.3f s)", label as NSString, mbps, result, repeats, best))
    return (mbps, result)
}


func streamingBenchmark(megabytes streamMB: Int) throws {
    print("\nStreaming: segment a \(streamMB) MB article file (article mode, output discarded):")
    let path = NSTemporaryDirectory() + "mekong-bench-stream.txt"
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    var written = 0
    while written < streamMB * 1_000_000 {
        let chunk = buildCorpus(megabytes: 8, unique: true, firstNumber: 1 + written)
        handle.write(Data(chunk)); written += chunk.count
    }
    try handle.close()
    defer { if ProcessInfo.processInfo.environment["KEEP"] == nil { try? FileManager.default.removeItem(atPath: path) } }
    let before = peakRSSMegabytes()
    let start = ContinuousClock.now
    var segments = 0
    try ArticleSegmenter(mode: .article, language: .french).segment(try LineReader(path: path), article: "big") { _ in segments += 1 }
    let d = ContinuousClock.now - start
    let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    print(String(format: "  %.0f MB in %.2f s = %.1f MB/s, %d segments; peak RSS %.0f MB (%.0f MB before segmenting, with the benchmark's own tables)",
                 Double(written) / 1e6, seconds, Double(written) / 1e6 / seconds, segments, peakRSSMegabytes(), before))
}

// Streaming first, so that peak RSS is not the in-memory corpus of the speed test.
if streamMB > 0 { try streamingBenchmark(megabytes: streamMB) }

// MARK: Speed

let fr = try BuiltinRules.segmenter(for: .french)
print("Corpus: \(corpusMB) MB of French news-like text (\(labelled.count) labelled paragraphs recombined)")
let corpus = buildCorpus(megabytes: corpusMB)
print(String(format: "  generated %.1f MB; peak RSS so far %.0f MB", Double(corpus.count) / 1e6, peakRSSMegabytes()))

print("\nSpeed (release build, MB = 10^6 bytes):")
let floor = corpus.withUnsafeBufferPointer { buf in
    measure("byte loop: count '.', '?', '!' (floor)", bytes: buf.count) {
        var n = 0
        for b in buf where b == 0x2E || b == 0x3F || b == 0x21 { n += 1 }
        return n
    }
}
var icuBreaks = [Int64](repeating: 0, count: corpus.count / 20 + 16)
let icu = corpus.withUnsafeBufferPointer { buf in
    measure("ICU BreakIterator fr@ss=standard", bytes: buf.count) {
        Int(buf.withMemoryRebound(to: CChar.self) { c in
            cicu_sentence_breaks_utf8(c.baseAddress, Int64(c.count), "fr@ss=standard", &icuBreaks, Int64(icuBreaks.count))
        })
    }
}
let mekong = corpus.withUnsafeBufferPointer { buf in
    measure("Mekong SentenceSegmenter (built-in fr)", bytes: buf.count) {
        // Paragraph by paragraph, as `mekong segment` does.
        var n = 0, start = 0, i = 0
        let count = buf.count
        while i < count {
            if buf[i] == 0x0A, i + 1 < count, buf[i + 1] == 0x0A {
                n += fr.sentenceRanges(in: UnsafeBufferPointer(rebasing: buf[start..<i])).count
                i += 2; start = i
                continue
            }
            i += 1
        }
        if start < count { n += fr.sentenceRanges(in: UnsafeBufferPointer(rebasing: buf[start..<count])).count }
        return n
    }
}
print(String(format: "  Mekong / ICU speed: %.2fx   (aim: >= 1.5x)", mekong.mbps / icu.mbps))
print(String(format: "  Mekong / floor:     %.2fx", mekong.mbps / floor.mbps))

// MARK: Accuracy on the labelled paragraphs

print("\nAccuracy on \(labelled.count) labelled paragraphs (\(labelled.reduce(0) { $0 + $1.boundaries.count }) boundaries):")
var mekongCorrect = 0, icuCorrect = 0, total = 0
var mekongTP = 0, mekongFP = 0, icuTP = 0, icuFP = 0, gold = 0
for item in labelled {
    let expected = item.boundaries
    gold += expected.count
    var bytes = Array(item.text.utf8)
    // Mekong: a boundary is where one trimmed segment ends.
    let ours = Set(bytes.withUnsafeBufferPointer { fr.sentenceRanges(in: $0) }.dropLast().map(\.upperBound))
    // ICU: boundaries come after the trailing space; move them back over it.
    var raw = [Int64](repeating: 0, count: 256)
    let n = bytes.withUnsafeMutableBufferPointer { b in
        b.withMemoryRebound(to: CChar.self) { cicu_sentence_breaks_utf8($0.baseAddress, Int64($0.count), "fr@ss=standard", &raw, 256) }
    }
    var theirs: Set<Int> = []
    for k in 0..<Int(n) {
        var b = Int(raw[k])
        guard b < bytes.count else { continue }
        while b > 0, bytes[b - 1] == 0x20 || bytes[b - 1] == 0xA0 { b -= 1 }
        theirs.insert(b)
    }
    total += 1
    if ours == expected { mekongCorrect += 1 } else { print("  Mekong differs: \(item.text.prefix(70))…") }
    if theirs == expected { icuCorrect += 1 } else { print("  ICU differs:    \(item.text.prefix(70))…") }
    mekongTP += ours.intersection(expected).count; mekongFP += ours.subtracting(expected).count
    icuTP += theirs.intersection(expected).count; icuFP += theirs.subtracting(expected).count
}
func pct(_ a: Int, _ b: Int) -> Double { b == 0 ? 100 : 100 * Double(a) / Double(b) }
print(String(format: "  Mekong: %d/%d paragraphs exact; boundaries precision %.1f %%, recall %.1f %%",
             mekongCorrect, total, pct(mekongTP, mekongTP + mekongFP), pct(mekongTP, gold)))
print(String(format: "  ICU:    %d/%d paragraphs exact; boundaries precision %.1f %%, recall %.1f %%",
             icuCorrect, total, pct(icuTP, icuTP + icuFP), pct(icuTP, gold)))

// MARK: Streaming memory

