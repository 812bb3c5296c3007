import Foundation
import MekongTestSupport
import MekongText
import Testing

@testable import MekongSegmentation

/// Every input the `segment` fuzz target kept (`Tests/Fixtures/fuzz/segment/`, control byte
/// first as in `Fuzz/Sources/segment`), replayed with the target's invariants: no character is
/// lost or reordered, and each segment is its source text between `start` and `end`. The first
/// one kept: a lone CR inside a line is no line break and stays in the segment as it is.
@Suite struct SegmentFuzzReproducerTests {
    static let folder = TestSupport.fixture("fuzz/segment")
    static let inputs = TestSupport.listing(folder)

    @Test(arguments: inputs) func segmentReproducerKeepsEveryCharacter(_ name: String) throws {
        let input = TestSupport.bytes(Self.folder + "/" + name)
        let control = try #require(input.first)
        let text = Array(input.dropFirst())
        let language: Language? = [nil, .french, .vietnamese, .lao][Int(control & 3)]
        let mode: ArticleSegmenter.Mode = control & 4 == 0 ? .article : .plain

        let valid = Array(String(decoding: text, as: UTF8.self).utf8)
        let ranges = try valid.withUnsafeBufferPointer {
            try BuiltinRules.segmenter(for: language ?? .french).sentenceRanges(in: $0)
        }
        var covered = 0
        for r in ranges {
            #expect(r.lowerBound >= covered && r.upperBound <= valid.count)
            let gap = String(decoding: valid[covered..<r.lowerBound], as: UTF8.self)
            #expect(gap.allSatisfy { $0.isWhitespace }, "lost \(gap.debugDescription)")
            covered = r.upperBound
        }
        #expect(String(decoding: valid[covered...], as: UTF8.self).allSatisfy { $0.isWhitespace })

        var segments: [Segment] = []
        try ArticleSegmenter(mode: mode, language: language).segment(
            LineReader(bytes: text, name: name), article: "fuzz"
        ) { segments.append($0) }
        let body = text.starts(with: [0xEF, 0xBB, 0xBF]) ? text.dropFirst(3) : text[...]
        let scalars = Array(String(decoding: body, as: UTF8.self).unicodeScalars)
        var end = 0
        for s in segments {
            #expect(s.start >= end && s.end <= scalars.count)
            var source: [Unicode.Scalar] = []
            for c in scalars[s.start..<s.end] {
                if c == "\n" && source.last == "\r" { source.removeLast() }
                source.append(c)
            }
            #expect(source == Array(s.text.unicodeScalars), "\(s.id): \(s.text.debugDescription)")
            end = s.end
        }
    }
}
