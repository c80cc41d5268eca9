import Foundation
import Testing
@testable import Gazette

@Suite struct TextNormalizerTests {
    let normalizer = TextNormalizer(rules: TestSupport.normalizationRules)

    @Test func composesToNFC() {
        // "Sören" and "Düsseldorf" written with combining diaeresis (as some scrapers deliver them).
        let decomposed = "Mayor So\u{0308}ren Link of Du\u{0308}sseldorf visited Shenyang."
        let normalized = normalizer.normalize(decomposed)
        #expect(normalized == "Mayor Sören Link of Düsseldorf visited Shenyang.")
        #expect(normalized.unicodeScalars.contains("\u{00F6}"))
        #expect(!normalized.unicodeScalars.contains("\u{0308}"))
    }

    @Test func collapsesSpacesAndLineBreaks() {
        let raw = "  Panjin\u{00A0}Port\t opened\u{2009}a  new terminal.\r\nIt handles\u{200B} oil.\u{00AD}  \r\n"
        #expect(normalizer.normalize(raw) == "Panjin Port opened a new terminal.\nIt handles oil.")
        // Single spaces inside a run of ASCII prose are copied with it; the rest still collapse.
        let prose = "One two  three four \nfive six\u{00A0} seven eight\t nine. \r\nTen  ü x \n"
        #expect(normalizer.normalize(prose) == "One two three four\nfive six seven eight nine.\nTen ü x")
    }

    /// A text that comes out as it went in, or as its start, is cut from the input instead of
    /// made again from the bytes: the same text as the general path gives, which a leading
    /// no-break space (dropped, so the output no longer starts the input) forces.
    @Test func unchangedTextsEqualTheGeneralPath() throws {
        var texts = try NormalizeFastPathTests.texts()
        #expect(texts.count > 10)
        texts += texts.map { $0 + "\n" } + texts.map { $0 + "\n\n" }
        texts += ["", "a", "ü", "Ende.\n", "Ende.\n\n", "Ende.\u{200D}", "Ende. \n", "A\n\nB", "A\n\n\nB"]
        var cut = 0
        for text in texts {
            let normalized = normalizer.normalize(text)
            #expect(normalized == normalizer.normalize("\u{00A0}" + text))
            if text.utf8.starts(with: normalized.utf8) { cut += 1 }
        }
        #expect(cut > texts.count / 2)
    }

    @Test func blankLinesBecomeOneParagraphBreak() {
        let raw = "First paragraph.\n\n\n\n   \nSecond paragraph.\r\n\r\nThird\u{2029}Fourth"
        #expect(normalizer.normalize(raw) == "First paragraph.\n\nSecond paragraph.\n\nThird\nFourth")
    }

    @Test func englishBoilerplateLinesRemoved() throws {
        let raw = try TestSupport.text(of: try TestSupport.fixture("en_web_page.txt"))
        let text = normalizer.normalize(raw)
        #expect(text == """
            Shenyang opens new China-Europe freight hub

            The China Railway Express (Shenyang) Hub started operating on March 4, 2023. Trains leave for Duisburg and Hamburg twice a week.

            The hub is run by a subsidiary of the Shenyang Municipal Government. It handles car parts for BMW Brilliance Automotive.
            """)
    }

    @Test func germanBoilerplateLinesRemoved() throws {
        let raw = try TestSupport.text(of: try TestSupport.fixture("de_web_seite.txt"))
        let text = normalizer.normalize(raw)
        #expect(text == """
            Hefei setzt auf Elektromobilität aus Deutschland

            Die Stadt Hefei in der Provinz Anhui baut ihre Partnerschaft mit der Volkswagen AG aus. Das Werk soll ab dem kommenden Jahr Elektrofahrzeuge für den chinesischen Markt produzieren.

            Nach Angaben der Stadtverwaltung sind in Hefei mehr als 50 deutsche Unternehmen tätig.
            """)
    }

    /// PR Newswire ends every release with this line; its URL makes it longer than 80 characters.
    @Test func prNewswireTrailerRemoved() {
        let raw = """
            Dalian is a sub-provincial city with a population of 7.5 million.

            View original content to download multimedia:http://www.prnewswire.com/news-releases/dalian-strengthens-chemical-cooperation-301240000.html
            """
        #expect(normalizer.normalize(raw) == "Dalian is a sub-provincial city with a population of 7.5 million.")
        // Near miss: a sentence that only mentions original content stays.
        let kept = "The museum will view original content from the Liao dynasty in its new hall."
        #expect(normalizer.normalize(kept) == kept)
    }

    @Test func seedBoilerplateRemoved() throws {
        let raw = try TestSupport.text(of: TestSupport.seedDocuments()[1])
        let text = normalizer.normalize(raw)
        #expect(text.hasPrefix("IUC Project Team Visit to Panjin – First mission in times of COVID19\n\nThe IUC Team visited"))
        #expect(text.hasSuffix("if EU pilot cities present interests to cooperate."))
        #expect(!text.contains("Skip links"))
        #expect(!text.contains("Join the Discussion"))
        #expect(!text.contains("Return to top of page"))
    }

    /// Near misses: a sentence that merely starts like a boilerplate line is text, and so is a
    /// long line beginning with "Share".
    @Test func boilerplateNearMissesKept() {
        let raw = """
            Share prices of BMW Brilliance rose after the announcement.
            Print media in Liaoning reported the visit.
            Email
            Read more about the alliance in our dossier on Panjin.
            """
        #expect(normalizer.normalize(raw) == """
            Share prices of BMW Brilliance rose after the announcement.
            Print media in Liaoning reported the visit.

            Read more about the alliance in our dossier on Panjin.
            """)
    }

    @Test func onlyBoilerplateGivesEmptyText() {
        #expect(normalizer.normalize("Skip links\n\nShare\nBack to top\n  \n") == "")
    }

    @Test func normalizationIsIdempotent() throws {
        for url in TestSupport.seedDocuments() {
            let once = normalizer.normalize(try TestSupport.text(of: url))
            #expect(normalizer.normalize(once) == once, "\(url.lastPathComponent)")
            #expect(!once.hasPrefix(" ") && !once.hasSuffix("\n"), "\(url.lastPathComponent)")
            #expect(!once.contains("\n\n\n") && !once.contains("  ") && !once.contains("\r"), "\(url.lastPathComponent)")
        }
    }
}

@Suite struct LanguageDetectorTests {
    let detector = LanguageDetector(rules: TestSupport.normalizationRules)

    @Test(arguments: zip(TestSupport.seedNames, [Language.en, .en, .en, .de, .en]))
    func seedLanguages(_ name: String, _ expected: Language) throws {
        let text = try TestSupport.text(of: TestSupport.seedDirectory.appendingPathComponent(name))
        #expect(detector.language(of: text) == expected)
    }

    @Test func germanTextUnderAnEnglishLookingName() throws {
        // The detector reads words, not names: German text in "english_report.txt" is German.
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        let german = try TestSupport.text(of: try TestSupport.fixture("de_changchun_pressemitteilung.txt"))
        let url = try TestSupport.write(german, to: "en_english_report.txt", in: directory)
        #expect(try TestSupport.extract(url).metadata.language == .de)
        let english = try TestSupport.text(of: try TestSupport.fixture("en_dalian_press_release.txt"))
        let url2 = try TestSupport.write(english, to: "de_deutsche_meldung.txt", in: directory)
        #expect(try TestSupport.extract(url2).metadata.language == .en)
    }

    @Test func shortSentences() {
        #expect(detector.language(of: "Die Delegation besuchte die Stadt Shenyang und das Werk der BMW Group.") == .de)
        #expect(detector.language(of: "The delegation visited the city of Shenyang and the BMW Group plant.") == .en)
        // A German sentence full of English names and product words stays German.
        #expect(detector.language(of: "Der Smart City Operation Management Center ist ein Projekt der Stadt mit einem Budget von 5 Mio. Euro.") == .de)
        // No stop words at all: English by default.
        #expect(detector.language(of: "BMW Brilliance Automotive 2023") == .en)
    }

    /// Stop words in capitals, with umlauts, next to letters of other scripts and at the very end
    /// of the text count as they do in lower case (the detector reads words as byte ranges).
    @Test func stopWordsInAnyCaseAndAtTheEnd() {
        #expect(detector.language(of: "DIE STADT UND DER HAFEN") == .de)
        #expect(detector.language(of: "Über Shenyang: für die Zukunft, über das Werk und für den Hafen") == .de)
        #expect(detector.language(of: "THE CITY AND THE PORT OF DALIAN") == .en)
        #expect(detector.language(of: "Shenyang und Dalian und Harbin und") == .de)
        #expect(detector.language(of: "Dalian and Shenyang and Harbin and") == .en)
        #expect(detector.language(of: "Ωmega und Δelta, mit der Stadt") == .de)
    }

    @Test func fixtureLanguages() throws {
        #expect(try TestSupport.extract(try TestSupport.fixture("de_web_seite.txt")).metadata.language == .de)
        #expect(try TestSupport.extract(try TestSupport.fixture("en_web_page.txt")).metadata.language == .en)
    }
}
