import Foundation
import MekongTestSupport
import MekongText
import Testing

@testable import MekongGlossary

/// The compiled copy of a glossary: what comes out of it is what the TSV files give, and it is
/// never used when it does not match them.
@Suite struct GlossaryCacheTests {
    /// The large test glossary (Tests/Fixtures/glossary-large) in a fresh folder, and a cache for it.
    func setUp() throws -> (GlossaryStore, GlossaryCache) {
        let dir = temporaryDirectory()
        let source = TestSupport.fixture("glossary-large")
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".tsv") {
            try FileManager.default.copyItem(
                atPath: (source as NSString).appendingPathComponent(name),
                toPath: (dir as NSString).appendingPathComponent(name))
        }
        let cache = GlossaryCache(
            file: (temporaryDirectory() as NSString).appendingPathComponent("sub/g.cache"), identity: "test",
            minimumConcepts: 0)
        return (GlossaryStore(directory: dir), cache)
    }

    /// Every match of every form of the glossary, written out, as a matcher finds them.
    func matches(_ m: NameMatcher, _ glossary: Glossary) -> [String] {
        var out: [String] = []
        for c in glossary.concepts {
            for (_, t) in c.terms.sorted(by: { $0.key < $1.key }) {
                for form in t.all {
                    var line = "Hier, \(form) a dit."
                    line.withUTF8 { buf in
                        for x in m.matches(in: buf) {
                            let forms = x.forms.map { f in
                                let f = m.forms[f]
                                return
                                    "\(glossary.concepts[f.concept].id)/\(f.language.tag)/\(f.text)/\(f.comparable)/\(f.key)/\(f.forbidden)/\(f.frenchOnly)/\(f.capitals)/\(f.acronyms)"
                            }.sorted()
                            out.append("\(x.range) \(forms)")
                        }
                    }
                }
            }
        }
        return out
    }

    @Test func aCachedGlossaryMatchesAndFindsAsTheFilesDo() throws {
        let (store, cache) = try setUp()
        let plain = try store.load()
        #expect(plain.concepts.count > 100)
        let first = try store.load(cache: cache)  // writes the cache
        #expect(FileSystem.exists(cache.file))
        let cached = try store.load(cache: cache)  // reads it
        #expect(cached.compiled != nil)
        #expect(cached.concepts == plain.concepts)
        let expected = matches(NameMatcher(plain), plain)
        #expect(!expected.isEmpty)
        #expect(matches(NameMatcher(first), first) == expected)
        #expect(matches(NameMatcher(cached), cached) == expected)
        let index = GlossaryIndex(plain)
        let cachedIndex = GlossaryIndex(cached)
        for c in plain.concepts.prefix(300) {
            for form in c.terms.values.flatMap(\.all) + [
                String(c.terms[.fr]?.all.first?.split(separator: " ").first ?? "")
            ] {
                #expect(cachedIndex.find(form) == index.find(form), "find '\(form)'")
            }
        }
    }

    @Test func anEditedFileIsReadAgainAndTheCacheReplaced() throws {
        let (store, cache) = try setUp()
        _ = try store.load(cache: cache)
        var g = try store.load()
        g.upsert(Concept(id: "zz-nouveau", type: .place, terms: [.fr: Terms(cell: "Ville Nouvelle")]))
        try store.save(g)
        let after = try store.load(cache: cache)
        #expect(after["zz-nouveau"] != nil)
        let again = try store.load(cache: cache)
        #expect(again.concepts == after.concepts)
        let m = NameMatcher(again)
        var line = "à Ville Nouvelle."
        #expect(line.withUTF8 { m.matches(in: $0).count } == 1)
    }

    @Test func aDamagedOrForeignCacheIsNeverUsed() throws {
        let (store, cache) = try setUp()
        let plain = try store.load()
        _ = try store.load(cache: cache)
        let whole = try TextFile.bytes(at: cache.file)
        // Truncated, a byte changed in the middle, another program's cache: each time the files are read.
        var flipped = whole
        flipped[whole.count / 2] ^= 0x5A
        for damaged in [Array(whole.prefix(whole.count / 3)), flipped, []] {
            try AtomicWriter.write(damaged, to: cache.file)
            let g = try store.load(cache: cache)
            #expect(g.concepts == plain.concepts)
        }
        _ = try store.load(cache: cache)
        var other = cache
        other.identity = "another build"
        let g = try store.load(cache: other)
        #expect(g.concepts == plain.concepts)
        #expect(matches(NameMatcher(g), g) == matches(NameMatcher(plain), plain))
    }

    @Test func theCacheFollowsTheEnvironment() {
        #expect(GlossaryCache.forGlossary(in: "g", environment: ["HOME": "/h", "MEKONG_CACHE": "off"]) == nil)
        #expect(GlossaryCache.forGlossary(in: "g", environment: [:]) == nil)
        let a = GlossaryCache.forGlossary(in: "/x/g", environment: ["MEKONG_CACHE_DIR": "/c"])!
        let b = GlossaryCache.forGlossary(in: "/y/g", environment: ["MEKONG_CACHE_DIR": "/c"])!
        #expect(a.file.hasPrefix("/c/glossary-") && a.file != b.file)
        #expect(GlossaryCache.forGlossary(in: "/x/g", environment: ["HOME": "/h"])!.file.hasPrefix("/h/.cache/mekong/"))
    }
}
