import Foundation
import MekongTestSupport
import MekongText
import Testing

@testable import MekongXML

@Suite struct XMLStreamReaderTests {
    func events(_ xml: String) throws -> [XMLEvent] {
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), name: "t.xml")
        var out: [XMLEvent] = []
        while let e = try reader.next() { out.append(e) }
        return out
    }

    @Test func readsElementsAttributesAndText() throws {
        let result = try events(#"<a xmlns="urn:x" k="v"><b/>Điện &amp; ຫຼວງ</a>"#)
        #expect(
            result == [
                .startElement(
                    name: "a", namespace: "urn:x", attributes: [XMLAttribute(name: "k", value: "v")], isEmpty: false),
                .startElement(name: "b", namespace: "urn:x", attributes: [], isEmpty: true),
                .endElement(name: "b"),
                .text("Điện & ຫຼວງ"),
                .endElement(name: "a"),
            ])
    }

    @Test func malformedXMLReportsTheLine() throws {
        let error = #expect(throws: Diagnostic.self) { try events("<a>\n<b>\n</a>") }
        #expect(error?.location?.file == "t.xml")
        #expect(error?.location?.line == 3)
        #expect(error?.rule == "malformed-xml")
    }

    @Test func externalEntitiesAreRefusedNotExpanded() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <a>x&xxe;y</a>
            """
        let e = #expect(throws: Diagnostic.self) { try events(xml) }
        #expect(e?.message == "entity reference &xxe; refused: exchange files must not declare entities")
        #expect(e?.location?.line == 3)
    }

    @Test func predefinedAndCharacterReferencesAreFine() throws {
        let text = try events("<a>&amp;&lt;&#x110;&#273;</a>").compactMap {
            if case .text(let t) = $0 { return t } else { return nil }
        }.joined()
        #expect(text == "&<Đđ")
    }

    @Test func billionLaughsDoesNotExpand() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n"
        for i in 1...9 { xml += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">\n" }
        xml += "]>\n<lolz>&lol9;</lolz>"
        let start = ContinuousClock.now
        #expect(throws: Diagnostic.self) { try events(xml) }
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func readsTheStandardSRXSample() throws {
        let path = TestSupport.fixture("standards/samples/srx20-minimal.srx")
        let reader = try XMLStreamReader(path: path)
        var rules = 0
        while let e = try reader.next() {
            if case .startElement(let name, _, _, _) = e, name == "rule" { rules += 1 }
        }
        #expect(rules > 0)
    }
}
