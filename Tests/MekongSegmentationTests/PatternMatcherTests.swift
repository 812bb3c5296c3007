import Foundation
import Testing

@testable import MekongSegmentation

/// The native matcher must answer exactly as ICU does. Each pattern is checked at every
/// position of every text, both as a before-pattern (ending there) and an after-pattern
/// (starting there), against NSRegularExpression.
@Suite struct PatternMatcherTests {
    static let patterns = [
        #"\b(?:M|Mme|MM|Dr)\."#, #"[.?!…]+(?:[\u00A0\u202F ]?[»”"’)\]])*"#, #"\s+[\p{Lu}\p{Lt}\p{Lo}\p{Nd}«"“(]"#,
        #"\p{Ll}{2,}[.?!…]"#, #"\p{Lu}\p{Ll}"#, #"(?i)etc\."#, #"(?:https?://|www\.)[^\s]*"#, #"[^\s]"#,
        #"\d+[.,]\d+"#, #"(?<=\d)\."#, #"\.(?=\s+\p{Lu})"#, #"(?!\s)."#, #"^\s*[A-Z]"#, #"\w+$"#,
        #"[\p{L}&&[^aeiou]]{2,3}"#, #"(a|ab)(c|bcd)"#, #"x{2,}y?"#, #"[a-c-]+"#, #"\bJ\.-C\."#,
        #"(?:[\u0E81-\u0EAE]\.)+"#,
        #"[^\u0E80-\u0EFF]"#, #"\n"#, #"(?i)[à-ÿ]+"#, #"\B."#, #"\S+\s?"#, #"\Q.*\E"#, #"[\w&&[^\d]]+\."#,
        #"(?i:tp)\."#, #"\p{Punct}"#, #"\p{IsL}+"#, #"\P{L}"#, #"a*?b"#, #"\s*"#, #"(?:)"#, #"[.]\z"#, #"\A\p{Lu}"#,
    ]
    static let texts = [
        "M. Dupont est arrivé. Il a dit « oui ! » Pourquoi ? etc. Le 3.5 et 1,000.",
        "Voir www.Example.com/Page.html et https://fr.vietnamplus.vn. Fin",
        "PGS.TS. Nguyễn Văn An, TP. Hồ Chí Minh, Q. 1. Xin lỗi!",
        "ສະບາຍດີ. ທ. ສອນໄຊ ສ.ປ.ປ. ລາວ ຂອບໃຈຫຼາຍໆ!\nແຖວ ຯລຯ",
        "en 52 av. J.-C. Les xxy abcd aab ÀÉÎ éte\u{00A0}» ÉTÉ.*x",
        "",
    ]

    @Test(arguments: patterns)
    func nativeMatchesICUEverywhere(pattern: String) throws {
        let node = try PatternParser.parse(pattern).tabulated()
        let backDFA = PatternDFA(node, reversed: true)
        let foreDFA = PatternDFA(node, reversed: false)
        let before = try NSRegularExpression(pattern: "(?:\(pattern))\\z")
        let after = try NSRegularExpression(pattern: "(?:\(pattern))")
        for text in Self.texts {
            let bytes = Array(text.utf8)
            let ns = text as NSString
            var utf16 = 0
            var byte = 0
            var positions: [(Int, Int)] = [(0, 0)]
            for scalar in text.unicodeScalars {
                byte += String(scalar).utf8.count
                utf16 += scalar.utf16.count
                positions.append((byte, utf16))
            }
            bytes.withUnsafeBufferPointer { buf in
                let m = PatternMatcher(base: buf.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: buf.count)
                for (b, u) in positions {
                    let icuBefore =
                        before.firstMatch(
                            in: text, options: [.withTransparentBounds], range: NSRange(location: 0, length: u)) != nil
                    let icuAfter =
                        after.firstMatch(
                            in: text, options: [.withTransparentBounds, .anchored],
                            range: NSRange(location: u, length: ns.length - u)) != nil
                    #expect(
                        m.matchesEnding(at: b, node) == icuBefore,
                        "before \(pattern) at \(b) in \(text.debugDescription)")
                    #expect(
                        m.matchesStarting(at: b, node) == icuAfter,
                        "after \(pattern) at \(b) in \(text.debugDescription)")
                    if let backDFA, let answer = backDFA.matches(m, at: b, backwards: true) {
                        #expect(answer == icuBefore, "DFA before \(pattern) at \(b) in \(text.debugDescription)")
                    }
                    if let foreDFA, let answer = foreDFA.matches(m, at: b, backwards: false) {
                        #expect(answer == icuAfter, "DFA after \(pattern) at \(b) in \(text.debugDescription)")
                    }
                }
            }
        }
    }

    @Test func automatonIsBuiltForPlainPatternsOnly() throws {
        #expect(PatternDFA(try PatternParser.parse(#"[.?!…]+(?:[\u00A0\u202F ]?[»”"’)\]])*"#), reversed: true) != nil)
        #expect(PatternDFA(try PatternParser.parse(#"\bM\."#), reversed: true) == nil)
        #expect(PatternDFA(try PatternParser.parse(#"(?<=\d)\."#), reversed: true) == nil)
    }

    @Test(arguments: [#"(a)\1"#, #"\p{IsLatin}"#, #"(?>a+)"#, #"\p{InGreek}"#])
    func unsupportedConstructsAreReportedAsSuch(pattern: String) {
        do {
            _ = try PatternParser.parse(pattern)
            Issue.record("\(pattern) should be unsupported")
        } catch let error as PatternError {
            #expect(error.unsupported)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: [#"(a"#, #"a)"#, #"*a"#, #"[a"#, #"[z-a]"#])
    func invalidPatternsAreErrors(pattern: String) {
        #expect(throws: PatternError.self) { try PatternParser.parse(pattern) }
    }

    @Test func boundarySetsRuleOutImpossiblePositions() throws {
        let node = try PatternParser.parse(#"[.?!…]+(?:[»”"])*"#)
        let last = try #require(node.boundary(fromEnd: true).set)
        #expect(last.contains("."))
        #expect(last.contains("»"))
        #expect(!last.contains("a"))
        #expect(try PatternParser.parse(#"\s*"#).boundary(fromEnd: false).nullable)
    }
}
