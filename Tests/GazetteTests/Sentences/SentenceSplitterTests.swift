import Foundation
import Testing
@testable import Gazette

/// One line of press text and the sentences it must split into.
struct SplitCase: Sendable, CustomTestStringConvertible {
    var language: Language
    var text: String
    var sentences: [String]

    init(_ language: Language, _ text: String, _ sentences: [String]) {
        self.language = language
        self.text = text
        self.sentences = sentences
    }

    var testDescription: String { "\(language.rawValue): \(text.prefix(50))" }

    static let abbreviations: [SplitCase] = [
        SplitCase(.en, "Mr. Liu Zhicheng, Director of Panjin DRC, opened the meeting. Ms. Song Yue chaired it.",
                  ["Mr. Liu Zhicheng, Director of Panjin DRC, opened the meeting.", "Ms. Song Yue chaired it."]),
        SplitCase(.en, "The conference was held on Nov. 4, 2019 in Shanghai. More than 700 guests attended.",
                  ["The conference was held on Nov. 4, 2019 in Shanghai.", "More than 700 guests attended."]),
        SplitCase(.en, "Neusoft Medical Systems Co., Ltd. exports the NeuViz 128 to North Africa. Its plant is in Shenyang.",
                  ["Neusoft Medical Systems Co., Ltd. exports the NeuViz 128 to North Africa.", "Its plant is in Shenyang."]),
        SplitCase(.en, "The partner is Huarui Chemical Co., Ltd. The company was founded in 2019.",
                  ["The partner is Huarui Chemical Co., Ltd.", "The company was founded in 2019."]),
        SplitCase(.en, "The plant was designed by J. R. Smith of the U.S. subsidiary. It opened in 2021.",
                  ["The plant was designed by J. R. Smith of the U.S. subsidiary.", "It opened in 2021."]),
        // The longest abbreviation of the table ("approx") still holds; a longer word ends the sentence.
        SplitCase(.en, "The park covers approx. 40 hectares of wetland. Construction began in Shenyang. 2019 saw it open.",
                  ["The park covers approx. 40 hectares of wetland.", "Construction began in Shenyang.", "2019 saw it open."]),
        SplitCase(.en, "Dr. Anna Weber met Gov. Li in Dalian, e.g. at the port. They signed an agreement.",
                  ["Dr. Anna Weber met Gov. Li in Dalian, e.g. at the port.", "They signed an agreement."]),
        SplitCase(.de, "Angeführt von den führenden Politikern der Provinz Liaoning, besuchte die Delegation vom 11. bis 13. Deutschland und machte Besuche bei der BMW Group. Danach reiste sie weiter.",
                  ["Angeführt von den führenden Politikern der Provinz Liaoning, besuchte die Delegation vom 11. bis 13. Deutschland und machte Besuche bei der BMW Group.",
                   "Danach reiste sie weiter."]),
        SplitCase(.de, "Die Messe findet am 3. Oktober in Shenyang statt. Rund 400 Aussteller werden erwartet.",
                  ["Die Messe findet am 3. Oktober in Shenyang statt.", "Rund 400 Aussteller werden erwartet."]),
        SplitCase(.de, "Die Zahl stieg im Jahr 2023. Das Werk wurde erweitert.",
                  ["Die Zahl stieg im Jahr 2023.", "Das Werk wurde erweitert."]),
        SplitCase(.de, "Im Mittelpunkt standen Themen wie z. B. Elektromobilität und Batterietechnik. Rund 40 Unternehmen nahmen teil.",
                  ["Im Mittelpunkt standen Themen wie z. B. Elektromobilität und Batterietechnik.", "Rund 40 Unternehmen nahmen teil."]),
        SplitCase(.de, "Die Stadt will mit Partnern aus Europa, u. a. Deutschland und Österreich, kooperieren. Erste Gespräche laufen.",
                  ["Die Stadt will mit Partnern aus Europa, u. a. Deutschland und Österreich, kooperieren.", "Erste Gespräche laufen."]),
        SplitCase(.de, "Laut Prof. Dr. Klaus Weber hat die Schaeffler Technologies AG & Co. KG ein Werk in Taicang. Es beschäftigt 2000 Menschen.",
                  ["Laut Prof. Dr. Klaus Weber hat die Schaeffler Technologies AG & Co. KG ein Werk in Taicang.", "Es beschäftigt 2000 Menschen."]),
        SplitCase(.de, "Das Budget beträgt ca. 5 Mio. Euro. Die Bauarbeiten beginnen im Okt. 2024.",
                  ["Das Budget beträgt ca. 5 Mio. Euro.", "Die Bauarbeiten beginnen im Okt. 2024."]),
    ]

    /// Near misses: sentence ends that look like abbreviations or numbers but must split.
    static let nearMisses: [SplitCase] = [
        // A year is no ordinal.
        SplitCase(.en, "The delegation visited Panjin in 2017. In 2018 it returned.",
                  ["The delegation visited Panjin in 2017.", "In 2018 it returned."]),
        // English has no ordinal period: "the 11." ends a sentence.
        SplitCase(.en, "The park ranks 11. Its neighbour ranks higher.",
                  ["The park ranks 11.", "Its neighbour ranks higher."]),
        SplitCase(.en, "Where is the hub? It is in Shenyang! \"We are proud,\" the mayor said.",
                  ["Where is the hub?", "It is in Shenyang!", "\"We are proud,\" the mayor said."]),
        SplitCase(.en, "The park grew fast... Exports doubled.", ["The park grew fast...", "Exports doubled."]),
        // No split when the next word is lower-case, nor inside numbers, URLs or e-mail addresses.
        SplitCase(.en, "Output rose 7.5 percent. see www.panjin.gov.cn for details.",
                  ["Output rose 7.5 percent. see www.panjin.gov.cn for details."]),
        SplitCase(.de, "Die Delegation traf „Vertreter der Stadt“. „Wir sind zufrieden“, sagte er.",
                  ["Die Delegation traf „Vertreter der Stadt“.", "„Wir sind zufrieden“, sagte er."]),
        // A German number of three or more digits is no ordinal.
        SplitCase(.de, "Die Stadt hat 200. Unternehmen zählen dazu.", ["Die Stadt hat 200.", "Unternehmen zählen dazu."]),
        // English has no ordinal period: after "No. 5" the sentence ends, unlike German "vom 5. bis".
        SplitCase(.en, "The ship docked at berth No. 5. It is the largest berth of Panjin Port.",
                  ["The ship docked at berth No. 5.", "It is the largest berth of Panjin Port."]),
    ]
}

@Suite struct SentenceSplitterTests {
    let splitter = SentenceSplitter(rules: TestSupport.normalizationRules)
    let normalizer = TextNormalizer(rules: TestSupport.normalizationRules)

    /// Every sentence's offsets cut exactly its text out of the document text.
    static func checkOffsets(_ sentences: [Sentence], in text: String, _ label: String) {
        let scalars = Array(text.unicodeScalars)
        var previousEnd = 0
        for (index, sentence) in sentences.enumerated() {
            #expect(sentence.position == index, "\(label) #\(index)")
            #expect(sentence.start >= previousEnd && sentence.start < sentence.end && sentence.end <= scalars.count,
                    "\(label) #\(index): \(sentence.start)..<\(sentence.end)")
            guard sentence.start >= 0, sentence.start < sentence.end, sentence.end <= scalars.count else { continue }
            let cut = String(String.UnicodeScalarView(scalars[sentence.start..<sentence.end]))
            #expect(cut == sentence.text, "\(label) #\(index)")
            #expect(!sentence.text.contains("\n"), "\(label) #\(index)")
            #expect(sentence.text.first?.isWhitespace == false && sentence.text.last?.isWhitespace == false, "\(label) #\(index)")
            previousEnd = sentence.end
        }
    }

    @Test(arguments: TestSupport.seedNames)
    func seedOffsetsAreExact(_ name: String) throws {
        let doc = try TestSupport.extract(TestSupport.seedDirectory.appendingPathComponent(name))
        #expect(doc.sentences.count >= 10)
        Self.checkOffsets(doc.sentences, in: doc.text, name)
        // Between two sentences there is only whitespace (or a bullet marker): nothing is lost.
        let scalars = Array(doc.text.unicodeScalars)
        var last = 0
        for sentence in doc.sentences {
            let gap = String(String.UnicodeScalarView(scalars[last..<sentence.start]))
            #expect(gap.allSatisfy { $0.isWhitespace || SentenceSplitter.isBullet($0.unicodeScalars.first!) },
                    "\(name): lost text before sentence \(sentence.position): \(gap.debugDescription)")
            last = sentence.end
        }
    }

    @Test func seedsKeepAbbreviationsAndOrdinalsInside() throws {
        let docs = try TestSupport.seedDocuments().map(TestSupport.extract)
        let all = docs.flatMap { $0.sentences.map(\.text) }
        #expect(all.contains { $0.hasPrefix("Mr. Liu Zhicheng (Director of Panjin DRC, who also participated the mission to Europe in November 2019) suggested") })
        #expect(all.contains("The meeting was also attended by Mr. LI Zhe and Ms. SONG Yue, head of the division for regional development and energy respectively."))
        #expect(all.contains { $0.hasPrefix("During the event, Mr. Sören Link, mayor of Duisburg, Germany, visited China") })
        #expect(all.contains("Angeführt von den führenden Politikern der Provinz Liaoning, besuchte die Delegation vom 11. bis 13. Deutschland und machte besondere Besuche bei der BMW Group und Siemens."))
        #expect(all.contains("Während der Reise nach Saudi-Arabien vom 14. bis 15. besuchte die Delegation den Hauptsitz von Saudi Aramco."))
        #expect(all.contains { $0.hasPrefix("Schließlich verbrachten die Delegierten vom 16. bis 19. in Russland,") })
        for short in ["Mr.", "Ms.", "Nov.", "11.", "13."] {
            #expect(!all.contains(short), "a sentence is only \(short)")
        }
    }

    @Test func seedBulletsAndHeadings() throws {
        let doc = try TestSupport.extract(TestSupport.seedDocuments()[1])
        let texts = doc.sentences.map(\.text)
        // The heading and the bullets are sentences of their own, without the bullet marker.
        #expect(texts.contains("Next actions"))
        #expect(texts.contains("Development of a clear roadmap for Panjin with clear targets"))
        #expect(texts.contains("Liaodong Bay New District and 2 joint venture petrochemical projects collaborated with European companies."))
        #expect(texts.contains("Panjin Vocational and Technical College (PJVTC)."))
        #expect(texts.contains { $0.hasPrefix("PJVTC has been collaborating with AHK and GIZ") })
        #expect(!texts.contains { $0.hasPrefix("•") })
        #expect(texts.first == "IUC Project Team Visit to Panjin – First mission in times of COVID19")
    }

    @Test func englishPressReleaseFixture() throws {
        let doc = try TestSupport.extract(try TestSupport.fixture("en_dalian_press_release.txt"))
        #expect(doc.sentences.map(\.text) == [
            "Dalian strengthens chemical cooperation with European partners",
            "DALIAN, China, March 3, 2021 /PRNewswire/ -- Dalian, a port city in Liaoning province, signed new cooperation agreements with European chemical companies on Tuesday.",
            "Mr. Wang Lei, director of the Dalian Commerce Bureau, said the city expects more investment this year.",
            "BASF (Dalian) Co., Ltd. opened a second production line in the Dalian Changxing Island Economic Zone in Nov. 2020.",
            "The plant employs about 300 people.",
            "Its products are exported to Japan and Korea.",
            "Highlights of the agreements:",
            "A joint laboratory with the Dalian University of Technology.",
            "A training center for dual vocational education.",
            "Logistics links to the Port of Rotterdam via the China Railway Express.",
            "\"We see Dalian as our hub in northeast China,\" said Dr. Anna Weber, head of the company's Asia division.",
            "The U.S. market is served from other sites.",
            "The venture partner is Dalian Huarui Chemical Co., Ltd.",
            "The company was founded in 2019.",
            "About Dalian",
            "Dalian is a sub-provincial city with a population of 7.5 million.",
            "It hosts the Summer Davos forum every other year!",
        ])
        Self.checkOffsets(doc.sentences, in: doc.text, "en_dalian_press_release.txt")
    }

    @Test func germanPressReleaseFixture() throws {
        let doc = try TestSupport.extract(try TestSupport.fixture("de_changchun_pressemitteilung.txt"))
        #expect(doc.sentences.map(\.text) == [
            "Changchun vertieft die Zusammenarbeit mit deutschen Zulieferern",
            "CHANGCHUN, China, 12. März 2022 — Eine Delegation der Stadt Changchun hat vom 7. bis 9. März Gespräche mit Automobilzulieferern aus Bayern geführt.",
            "Die Stadt will die Ansiedlung mittelständischer Unternehmen fördern.",
            "Angeführt vom Bürgermeister besuchte die Delegation vom 11. bis 13. Deutschland und traf Vertreter der Continental AG in Hannover.",
            "Rund 40 Unternehmen nahmen an einem Forum in München teil.",
            "Dr. Li Wei, Direktor des Handelsamts, sprach von einem „neuen Kapitel“ der Zusammenarbeit.",
            "Die wichtigsten Ergebnisse:",
            "Ein gemeinsames Ausbildungszentrum für Mechatroniker.",
            "Eine Absichtserklärung über ein Testzentrum für autonomes Fahren.",
            "Die Projekte sollen bis Ende 2023 umgesetzt werden.",
            "Die Zahl der deutschen Unternehmen in Changchun ist seit 2015 auf über 200 gestiegen.",
        ])
        Self.checkOffsets(doc.sentences, in: doc.text, "de_changchun_pressemitteilung.txt")
    }

    @Test(arguments: SplitCase.abbreviations)
    func abbreviationsDoNotEndSentences(_ row: SplitCase) {
        let sentences = splitter.sentences(in: row.text, language: row.language)
        #expect(sentences.map(\.text) == row.sentences)
        Self.checkOffsets(sentences, in: row.text, row.testDescription)
    }

    @Test(arguments: SplitCase.nearMisses)
    func nearMisses(_ row: SplitCase) {
        let sentences = splitter.sentences(in: row.text, language: row.language)
        #expect(sentences.map(\.text) == row.sentences)
        Self.checkOffsets(sentences, in: row.text, row.testDescription)
    }

    @Test func bulletsHeadingsAndPunctuationLines() {
        let text = normalizer.normalize("""
            Key figures

            • 11 local enterprises went abroad.
            - 500 officials attended the festival
            * Exports rose.
            –
            ***
            Panjin-Port is a hub. -Not a bullet without a space.
            """)
        let sentences = splitter.sentences(in: text, language: .en)
        #expect(sentences.map(\.text) == [
            "Key figures",
            "11 local enterprises went abroad.",
            "500 officials attended the festival",
            "Exports rose.",
            "Panjin-Port is a hub.",
            "-Not a bullet without a space.",
        ])
        Self.checkOffsets(sentences, in: text, "bullets")
    }

    @Test func offsetsCountUnicodeScalarsNotCharacters() {
        // "🇩🇪" is one Character but two scalars; "é" written decomposed is two scalars.
        let text = "Die Flagge 🇩🇪 wehte in Shenyang. Cafe\u{0301} Liaoning öffnete. Ende."
        let sentences = splitter.sentences(in: text, language: .de)
        #expect(sentences.map(\.text) == ["Die Flagge 🇩🇪 wehte in Shenyang.", "Cafe\u{0301} Liaoning öffnete.", "Ende."])
        #expect(sentences.map(\.start) == [0, 33, 57])
        Self.checkOffsets(sentences, in: text, "scalars")
    }

    /// Sentence texts are cut from the document's bytes by a cursor that steps over four ASCII
    /// scalars at a time: every sentence of English and German news with a quote, a dash or an
    /// umlaut moved through every position of a four-scalar step is still cut exactly.
    @Test func textsCutExactlyAroundScalarsPastASCII() {
        let base = [
            "PANJIN, China, Nov. 17, 2017 – BMW Brilliance opened a plant.",
            "Die Stadt Düsseldorf unterzeichnete am 11. März 2019 einen Vertrag.",
            "„Wir freuen uns“, sagte Bürgermeister Sören Link.",
            "The mayor said: “It is a port.” Then he left.",
            "Shenyang’s delegation visited Duisburg. 北京 was next.",
        ]
        var checked = 0
        for pad in 0..<8 {
            let prefix = String(repeating: "x", count: pad) + (pad % 2 == 0 ? " é. " : " A. ")
            let text = base.map { prefix + $0 }.joined(separator: "\n") + "\nÄ. Ö. Ü."
            for language in [Language.en, .de] {
                let sentences = splitter.sentences(in: text, language: language)
                Self.checkOffsets(sentences, in: text, "pad \(pad) \(language)")
                checked += sentences.count
            }
        }
        #expect(checked > 80)
    }

    @Test func emptyAndWhitespaceTextHaveNoSentences() {
        #expect(splitter.sentences(in: "", language: .en).isEmpty)
        #expect(splitter.sentences(in: "\n\n  \n", language: .de).isEmpty)
        #expect(splitter.sentences(in: "…\n---", language: .en).isEmpty)
    }
}
