import Foundation
import MekongText

/// One problem in the glossary.
public struct LintFinding: Hashable, Sendable, CustomStringConvertible {
    /// The id of the concept concerned.
    public var conceptID: String
    /// The rule id: `duplicate`, `variant-collision`, `not-nfc`, `missing-language`, or one of
    /// ``ScriptChecks/Finding/rule`` (`look-alike`, `lao-…`).
    public var rule: String
    /// What is wrong, naming the language and the form concerned.
    public var message: String
    /// One line: `concept-id: message [rule]`.
    public var description: String { "\(conceptID): \(message) [\(rule)]" }
}

extension LintFinding: Encodable {
    private enum CodingKeys: String, CodingKey { case concept, rule, message }

    /// JSON: `concept`, `rule`, `message`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(conceptID, forKey: .concept)
        try c.encode(rule, forKey: .rule)
        try c.encode(message, forKey: .message)
    }
}

/// Checks the glossary as a whole: what loading a row cannot see.
public enum GlossaryLint {
    /// Every problem in `glossary`, sorted by concept id, then rule, then message: the same
    /// folded preferred form in two concepts (`duplicate`); an admitted or forbidden form that is
    /// another concept's preferred form (`variant-collision`); forms not in NFC (`not-nfc`);
    /// look-alike letters in any form and Lao spelling in Lao forms that are not forbidden
    /// (``ScriptChecks``); approved concepts without a preferred French, Vietnamese or Lao form
    /// (`missing-language`).
    public static func run(_ glossary: Glossary) -> [LintFinding] {
        var findings: [LintFinding] = []
        let concepts = glossary.concepts

        // Same folded preferred form in two concepts (same language).
        for lang in TermLanguage.allCases {
            var byKey: [String: [String]] = [:]
            for c in concepts { if let p = c.preferred(lang) { byKey[Folding.key(p), default: []].append(c.id) } }
            for (key, ids) in byKey where ids.count > 1 {
                for id in ids {
                    findings.append(
                        LintFinding(
                            conceptID: id, rule: "duplicate",
                            message:
                                "\(lang.tag) form '\(key)' (folded) is also the preferred form of \(ids.filter { $0 != id }.joined(separator: ", "))"
                        ))
                }
            }
        }

        // A variant of one concept that is (once folded) another concept's preferred form.
        for lang in TermLanguage.allCases {
            var preferred: [String: String] = [:]
            for c in concepts { if let p = c.preferred(lang) { preferred[Folding.key(p)] = c.id } }
            for c in concepts {
                for v in (c.terms[lang]?.admitted ?? []) + (c.terms[lang]?.forbidden ?? []) {
                    if let other = preferred[Folding.key(v)], other != c.id {
                        findings.append(
                            LintFinding(
                                conceptID: c.id, rule: "variant-collision",
                                message: "\(lang.tag) variant '\(v)' is the preferred form of \(other)"))
                    }
                }
            }
        }

        for c in concepts {
            // Normalisation, look-alikes, Lao spelling, in every form.
            for (lang, terms) in c.terms.sorted(by: { $0.key < $1.key }) {
                for form in terms.all {
                    // (String == compares canonically: compare the scalars.)
                    if !form.unicodeScalars.elementsEqual(form.precomposedNFC.unicodeScalars) {
                        findings.append(
                            LintFinding(
                                conceptID: c.id, rule: "not-nfc",
                                message: "\(lang.tag) form '\(form)' is not in NFC (decomposed accents)"))
                    }
                    for f in ScriptChecks.lookAlikes(in: form) {
                        findings.append(
                            LintFinding(
                                conceptID: c.id, rule: f.rule, message: "\(lang.tag) form '\(form)': \(f.message)"))
                    }
                    if lang == .lo, !terms.forbidden.contains(form) {
                        for f in ScriptChecks.laoSpelling(in: form) {
                            findings.append(
                                LintFinding(conceptID: c.id, rule: f.rule, message: "lo form '\(form)': \(f.message)"))
                        }
                    }
                }
            }
            // An approved concept is complete.
            if c.status == .approved {
                for lang in [TermLanguage.fr, .vi, .lo] where c.preferred(lang) == nil {
                    findings.append(
                        LintFinding(
                            conceptID: c.id, rule: "missing-language",
                            message: "approved but has no preferred \(lang.tag) form"))
                }
            }
        }
        return findings.sorted { ($0.conceptID, $0.rule, $0.message) < ($1.conceptID, $1.rule, $1.message) }
    }
}

extension String {
    var precomposedNFC: String { precomposedStringWithCanonicalMapping }
}
