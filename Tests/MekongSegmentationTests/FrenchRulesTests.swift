import Testing

@testable import MekongSegmentation

/// One test per family of French phenomena; each case is a paragraph and the sentences a
/// careful human would cut it into.
@Suite struct FrenchRulesTests {
    @Test(arguments: [
        (
            "M. Dupont et Mme Martin sont arrivés. MM. Durand et Dr Petit aussi.",
            ["M. Dupont et Mme Martin sont arrivés.", "MM. Durand et Dr Petit aussi."]
        ),
        (
            "Il habite 12, av. Foch à Paris. St. Louis est loin.",
            ["Il habite 12, av. Foch à Paris.", "St. Louis est loin."]
        ),
        ("Rome, Athènes, etc. sont des capitales.", ["Rome, Athènes, etc. sont des capitales."]),
        (
            "Il a visité Rome, Athènes, etc. Le voyage fut long.",
            ["Il a visité Rome, Athènes, etc.", "Le voyage fut long."]
        ),
        (
            "César est mort en 44 av. J.-C. Les Romains ont pleuré.",
            ["César est mort en 44 av. J.-C.", "Les Romains ont pleuré."]
        ),
        ("En 52 av. J.-C. à Alésia, tout change.", ["En 52 av. J.-C. à Alésia, tout change."]),
        ("Voir p. 12 et art. 3 du texte. Fin.", ["Voir p. 12 et art. 3 du texte.", "Fin."]),
        ("Des villes, p. ex. Lyon, ont voté.", ["Des villes, p. ex. Lyon, ont voté."]),
        ("Le 2 nov. (VNA) tout a changé.", ["Le 2 nov. (VNA) tout a changé."]),
    ])
    func abbreviationsAndTitles(text: String, expected: [String]) throws {
        #expect(try sentences(text) == expected)
    }

    @Test(arguments: [
        (
            "Il a rencontré J. Dupont hier. Puis J.-P. Martin.",
            ["Il a rencontré J. Dupont hier.", "Puis J.-P. Martin."]
        ),
        ("Selon le plan B. Les autres ont refusé.", ["Selon le plan B.", "Les autres ont refusé."]),
        ("La vitamine C. Elle est utile.", ["La vitamine C.", "Elle est utile."]),
    ])
    func initials(text: String, expected: [String]) throws {
        #expect(try sentences(text) == expected)
    }

    @Test(arguments: [
        (
            "La croissance est de 3,5 % cette année. Elle était de 1.000 euros.",
            ["La croissance est de 3,5 % cette année.", "Elle était de 1.000 euros."]
        ),
        (
            "La période 2022-2025 est finie. La suite en 2026.",
            ["La période 2022-2025 est finie.", "La suite en 2026."]
        ),
        (
            "Il a signé la Conclusion n°230-KL/TW du 5 janvier. Elle est claire.",
            ["Il a signé la Conclusion n°230-KL/TW du 5 janvier.", "Elle est claire."]
        ),
        ("Le taux était de 3.5 hier. Il monte.", ["Le taux était de 3.5 hier.", "Il monte."]),
        ("Il est parti en 2024. 2025 sera meilleure.", ["Il est parti en 2024.", "2025 sera meilleure."]),
        ("Photo : VNA/CVN et VNA/CVN. Fin.", ["Photo : VNA/CVN et VNA/CVN.", "Fin."]),
    ])
    func numbersAndAcronyms(text: String, expected: [String]) throws {
        #expect(try sentences(text) == expected)
    }

    @Test(arguments: [
        ("Il a dit : « C'est historique ! » Pourquoi ?", ["Il a dit : « C'est historique ! »", "Pourquoi ?"]),
        ("Il a dit : « C'est fini. » Puis il est parti.", ["Il a dit : « C'est fini. »", "Puis il est parti."]),
        ("Il a dit « oui ! » et il est parti.", ["Il a dit « oui ! » et il est parti."]),
        (
            "C'est « le plus beau jour\u{00A0}». Demain aussi.",
            ["C'est « le plus beau jour\u{00A0}».", "Demain aussi."]
        ),
        (
            "Il a crié \u{201C}Stop.\u{201D} Tout s'est arrêté.",
            ["Il a crié \u{201C}Stop.\u{201D}", "Tout s'est arrêté."]
        ),
        ("Vraiment ?! Oui.", ["Vraiment ?!", "Oui."]),
        ("Et puis… Plus rien.", ["Et puis…", "Plus rien."]),
        ("Et puis... Plus rien. Et puis... rien.", ["Et puis...", "Plus rien.", "Et puis... rien."]),
        (
            "Il est parti (enfin !) hier. Puis (il l'a dit.) Non.",
            ["Il est parti (enfin !) hier.", "Puis (il l'a dit.)", "Non."]
        ),
    ])
    func quotesEllipsisAndParentheses(text: String, expected: [String]) throws {
        #expect(try sentences(text) == expected)
    }

    @Test func datelineStaysInItsSentence() throws {
        let text = "Vientiane, 2 novembre (VNA) - Le vice-Premier ministre laotien a reçu le ministre. Il a parlé."
        #expect(
            try sentences(text) == [
                "Vientiane, 2 novembre (VNA) - Le vice-Premier ministre laotien a reçu le ministre.", "Il a parlé.",
            ])
    }

    /// A full stop with the space missing is a break when a lower-case word ends and a
    /// capitalised word starts; web addresses, decimals and "M.Dupont"-style typos are not.
    @Test(arguments: [
        ("dans la région.Elles ont réitéré.", ["dans la région.", "Elles ont réitéré."]),
        ("Lisez fr.vietnamplus.vn chaque jour.", ["Lisez fr.vietnamplus.vn chaque jour."]),
        ("Allez sur www.Vietnamplus.vn maintenant.", ["Allez sur www.Vietnamplus.vn maintenant."]),
        ("Il a vu M.Dupont hier.", ["Il a vu M.Dupont hier."]),
        ("La valeur 3.5 est haute.", ["La valeur 3.5 est haute."]),
        ("Il vit à TP.HCM depuis.", ["Il vit à TP.HCM depuis."]),
    ])
    func missingSpaceAfterFullStop(text: String, expected: [String]) throws {
        #expect(try sentences(text) == expected)
    }

    @Test func lowercaseAfterFullStopIsNoBreak() throws {
        #expect(try sentences("Il a 3 ans. et demi.") == ["Il a 3 ans. et demi."])
    }

    @Test func newlineInsideAFrenchParagraphIsWhiteSpace() throws {
        #expect(
            try sentences("Le vice-Premier ministre,\n(droite) et le ministre.") == [
                "Le vice-Premier ministre,\n(droite) et le ministre."
            ])
    }
}

@Suite struct VietnameseRulesTests {
    @Test(arguments: [
        ("PGS.TS. Nguyễn Văn An phát biểu. Ông nói rõ.", ["PGS.TS. Nguyễn Văn An phát biểu.", "Ông nói rõ."]),
        ("Tôi sống ở TP. Hồ Chí Minh. Tôi thích nó.", ["Tôi sống ở TP. Hồ Chí Minh.", "Tôi thích nó."]),
        (
            "ThS. Lê Thị Hoa và TS. Trần Văn Bình đến. Họ họp.",
            ["ThS. Lê Thị Hoa và TS. Trần Văn Bình đến.", "Họ họp."]
        ),
        ("Nhà ở Q. 1, P. Bến Nghé. Rất đẹp.", ["Nhà ở Q. 1, P. Bến Nghé.", "Rất đẹp."]),
        ("Dân số là 1.000.000 người. Tăng 3,5%.", ["Dân số là 1.000.000 người.", "Tăng 3,5%."]),
        ("Tôi không biết! Xin lỗi? Được.", ["Tôi không biết!", "Xin lỗi?", "Được."]),
        ("Ông nói: “Tốt lắm.” Sau đó về.", ["Ông nói: “Tốt lắm.”", "Sau đó về."]),
        ("Đội vào bảng A. Đội tuyển mạnh.", ["Đội vào bảng A.", "Đội tuyển mạnh."]),
    ])
    func vietnamese(text: String, expected: [String]) throws {
        #expect(try sentences(text, .vietnamese) == expected)
    }
}

@Suite struct LaoRulesTests {
    @Test(arguments: [
        ("ສະບາຍດີ. ຂອບໃຈຫຼາຍໆ! ເຈົ້າສະບາຍດີບໍ?", ["ສະບາຍດີ.", "ຂອບໃຈຫຼາຍໆ!", "ເຈົ້າສະບາຍດີບໍ?"]),
        // ໆ and ຯ are letters, not breaks; the spaces around ແລະ and ຫຼື are not breaks.
        ("ເຂົາເຈົ້າໄປໄວໆ ແລະ ກັບມາ ຫຼື ບໍ່ ຯລຯ ຕໍ່ໄປ", ["ເຂົາເຈົ້າໄປໄວໆ ແລະ ກັບມາ ຫຼື ບໍ່ ຯລຯ ຕໍ່ໄປ"]),
        ("ສິດ ແລະ ເສລີພາບ ຂອງ ປະຊາຊົນ", ["ສິດ ແລະ ເສລີພາບ ຂອງ ປະຊາຊົນ"]),
        // A line end is a boundary, punctuation or not.
        ("ແຖວທີໜຶ່ງ ບໍ່ມີຈຸດ\nແຖວທີສອງ", ["ແຖວທີໜຶ່ງ ບໍ່ມີຈຸດ", "ແຖວທີສອງ"]),
        // A lone consonant and a full stop is an abbreviation.
        ("ທ. ສອນໄຊ ສີພັນດອນ ໄດ້ກ່າວ. ສ.ປ.ປ. ລາວ ພັດທະນາ.", ["ທ. ສອນໄຊ ສີພັນດອນ ໄດ້ກ່າວ.", "ສ.ປ.ປ. ລາວ ພັດທະນາ."]),
        ("ປີ 2025. ປີໃໝ່", ["ປີ 2025.", "ປີໃໝ່"]),
    ])
    func lao(text: String, expected: [String]) throws {
        #expect(try sentences(text, .lao) == expected)
    }

    @Test func longUnpunctuatedLaoIsSplitAtASpaceAsALastResort() throws {
        let phrase = "ລັດຖະບານ ໄດ້ສົ່ງເສີມ ການພັດທະນາ ເສດຖະກິດ ແລະ ສັງຄົມ"  // 50 scalars with spaces
        let text = Array(repeating: phrase, count: 20).joined(separator: " ")
        let out = try sentences(text, .lao)
        #expect(out.count > 1)
        for s in out { #expect(s.unicodeScalars.count <= BuiltinRules.laoLongSegmentLimit) }
        // Nothing lost, nothing split inside a word, never next to ແລະ.
        #expect(out.joined(separator: " ") == text)
        for s in out { #expect(!s.hasPrefix("ແລະ") && !s.hasSuffix("ແລະ")) }
    }

    @Test func shortLaoIsNeverSplitAtSpaces() throws {
        let text = "ລັດຖະບານ ໄດ້ສົ່ງເສີມ ການພັດທະນາ ເສດຖະກິດ ແລະ ສັງຄົມ"
        #expect(try sentences(text, .lao) == [text])
    }
}
