// mekong-exchange-bench: write and read back TMX and XLIFF 2 with 1,000,000 units, streaming,
// next to baselines measured in the same run.
//
//   swift run -c release mekong-exchange-bench [--units 1000000]
import CTMXBaseline
import BenchSupport
import Foundation
import MekongExchange
import MekongSegmentation
import MekongXML

var count = 1_000_000
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    if a == "--units", let n = args.popFirst().flatMap(Int.init) { count = n } else { print("usage: mekong-exchange-bench [--units N]"); exit(2) }
}

func size(_ path: String) -> Double {
    Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) ?? 0
}

let fr = ["Le vice-Premier ministre laotien a reçu le ministre vietnamien à Vientiane.",
          "Les deux parties ont dressé un bilan de leur coopération « exemplaire » & durable."]
let vi = ["Phó Thủ tướng Lào đã tiếp Bộ trưởng Việt Nam tại Viêng Chăn.",
          "Hai bên đã điểm lại quá trình hợp tác “mẫu mực” & bền vững."]

/// Units generated one by one: nothing but the current unit is in memory.
struct Units: Sequence, IteratorProtocol {
    var i = 0
    let n: Int
    mutating func next() -> TMXWriter.Unit? {
        guard i < n else { return nil }
        defer { i += 1 }
        return TMXWriter.Unit(id: "u\(i)", variants: [("fr", fr[i & 1] + " \(i)"), ("vi", vi[i & 1] + " \(i)")])
    }
}
struct XUnits: Sequence, IteratorProtocol {
    var i = 0
    let n: Int
    mutating func next() -> HandoffUnit? {
        guard i < n else { return nil }
        defer { i += 1 }
        let id = "a-p\(i + 1)"
        return HandoffUnit(id: id, kind: .body, segments: [HandoffSegment(id: id + "-s1", source: fr[i & 1] + " \(i)", target: vi[i & 1] + " \(i)", terms: [])])
    }
}

let dir = NSTemporaryDirectory() + "mekong-exchange-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: dir) }
print("\(count) units of French + Vietnamese (~75 + ~65 characters each); MB = 10^6 bytes; peak RSS is the process's so far\n")

func row(_ label: String, _ bytes: Double, _ t: Double) {
    print(String(format: "  %-52@ %7.1f MB/s  (%.2f s, %.0f MB file, peak RSS %.0f MB)", label as NSString, bytes / 1e6 / t, t, bytes / 1e6, peakRSSMegabytes()))
}

// Baseline: the same TMX bytes written by hand into a byte buffer (escaping &, <, >, "), no
// XML library: what streaming output costs at best in Swift on this machine.
let baselinePath = dir + "/baseline.tmx"
var t0 = ContinuousClock.now
do {
    let fd = open(baselinePath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var buf: [UInt8] = []
    buf.reserveCapacity(1 << 21)
    func flush() { buf.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }; buf.removeAll(keepingCapacity: true) }
    func put(_ s: String) { var s = s; s.withUTF8 { buf.append(contentsOf: $0) } }
    func esc(_ s: String) {
        var s = s
        s.withUTF8 { for b in $0 {
            switch b {
            case 0x26: buf += [0x26, 0x61, 0x6D, 0x70, 0x3B]
            case 0x3C: buf += [0x26, 0x6C, 0x74, 0x3B]
            case 0x3E: buf += [0x26, 0x67, 0x74, 0x3B]
            default: buf.append(b)
            }
        } }
    }
    put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header/><body>\n")
    for u in Units(n: count) {
        put("<tu tuid=\""); put(u.id!); put("\"><tuv xml:lang=\"fr\"><seg>"); esc(u.variants[0].text)
        put("</seg></tuv><tuv xml:lang=\"vi\"><seg>"); esc(u.variants[1].text); put("</seg></tuv></tu>\n")
        if buf.count > 1 << 20 { flush() }
    }
    put("</body></tmx>\n")
    flush()
    close(fd)
}
row("baseline: TMX bytes by hand (byte buffer, no XML lib)", size(baselinePath), seconds(ContinuousClock.now - t0))

t0 = ContinuousClock.now
var generated = 0
for u in Units(n: count) { generated += u.variants[0].text.utf8.count + u.variants[1].text.utf8.count }
let generation = seconds(ContinuousClock.now - t0)
print(String(format: "  (making the %d units in Swift alone takes %.2f s: included in the Swift rows below)", count, generation))

let cPath = dir + "/c.tmx"
t0 = ContinuousClock.now
_ = ctmx_write(cPath, Int64(count), fr[0], fr[1], vi[0], vi[1])
row("baseline: the same TMX from C via xmlTextWriter", size(cPath), seconds(ContinuousClock.now - t0))

let tmxPath = dir + "/memory.tmx"
t0 = ContinuousClock.now
try TMXWriter.write(Units(n: count), sourceLanguage: "fr", environment: [:], toFile: tmxPath)
row("Mekong TMX writer (libxml2 xmlTextWriter, streaming)", size(tmxPath), seconds(ContinuousClock.now - t0))
let flatPath = dir + "/flat.tmx"
t0 = ContinuousClock.now
try TMXWriter.write(Units(n: count), sourceLanguage: "fr", environment: [:], indent: false, toFile: flatPath)
row("Mekong TMX writer, no indentation", size(flatPath), seconds(ContinuousClock.now - t0))

let xlfPath = dir + "/article.xlf"
t0 = ContinuousClock.now
let header = HandoffArticle(id: "a", original: "a.txt", date: nil, sourceLanguage: "fr", units: [])
try XLIFFWriter.write(header: header, units: XUnits(n: count), target: "vi", version: .v21, toFile: xlfPath)
row("Mekong XLIFF 2.1 writer (streaming)", size(xlfPath), seconds(ContinuousClock.now - t0))

print("")
t0 = ContinuousClock.now
var events = 0
let bare = try XMLStreamReader(path: tmxPath)
while try bare.next() != nil { events += 1 }
row("baseline: bare XMLStreamReader event loop over the TMX", size(tmxPath), seconds(ContinuousClock.now - t0))

t0 = ContinuousClock.now
var units = 0
try TMXReader.read(path: tmxPath) { _ in units += 1 }
row("Mekong TMX reader (\(units) units)", size(tmxPath), seconds(ContinuousClock.now - t0))

t0 = ContinuousClock.now
var segments = 0
try XLIFFReader.read(path: xlfPath) { _ in segments += 1 }
row("Mekong XLIFF reader (\(segments) segments)", size(xlfPath), seconds(ContinuousClock.now - t0))

t0 = ContinuousClock.now
let (_, errors) = try Schemas.validate(file: tmxPath)
row("TMX DTD validation (\(errors.isEmpty ? "valid" : "\(errors.count) errors"))", size(tmxPath), seconds(ContinuousClock.now - t0))
