import Foundation
import Testing
@testable import Gazette

/// The date scanner's shortcuts (a sentence without digits or core words is not tokenized; a
/// relative phrase's first word is a core token only where the whole phrase follows; a number
/// tries only the patterns whose first number element it fills; a pattern is tried only in a
/// sentence with every kind of core token it needs) give what the plain scan gives, sentence for sentence, with the document's context carried.
@Suite struct DateShortcutTests {
    static let rules = TestSupport.rulesDirectory

    /// Every line of the genre texts, fixtures and seeds, cut at sentence ends, plus sentences
    /// whose only date is a relative phrase or a month name.
    static let sentences: [String] = {
        let texts = TestSupport.corpusTexts()
        let lines = texts.flatMap { $0.split(separator: "\n").flatMap { $0.split(separator: ". ") }.map(String.init) }
        return lines + [
            "Sales rose sharply last year, the company said.", "The plant opened earlier this month.",
            "A year earlier the zone had no tenants.", "The board met in March and again in May.",
            "The delegation returned the year before.", "Mid-October saw the first shipment.",
            "Im Vorjahr waren es weniger.", "Anfang Oktober reiste die Delegation nach Shenyang.",
            "Im März dieses Jahres wurde das Werk eröffnet.", "Vom elften bis dreizehnten tagte der Ausschuss.",
            "No date here at all, only words about the Panjin port and its cranes.",
            "Die Präsidentin sprach über die Häfen – „schnell“, sagte sie.", "Ende MÄRZ kam die Ware.",
            "Der Ausschuss tagte im Mär­z nicht.", "Im Jahr der Übernahme wuchs die Zone.",
            "Łódź und Ōsaka sind Partnerstädte des Vorjahres.", "Im Vorjahr wuchs die Zone um ein Drittel.",
            "The mayor’s “green” port opened last year.", "The port — a joint venture — grew.",
            "Straße des 17. Juni", "Ende Mä\u{308}rz reisten sie ab.", "Zhōngguó’s trade grew this month.",
            // Words that start as core words do ("ma", "ju", "ja", "de"), in every case, next to
            // letters past ASCII and digits, at the end of eight-byte chunks.
            "Mayor Marchetti and Augusta met in Junction City; an octopus, a decimal, Dezernent Jahn.",
            "MARCHING JUNEAU DECEMBERS Maÿ Mär Juniper Jänner Augustus octobers novemberish yearly Jahrestag",
            "Mar-Apr1 Juneteenth Monatsende Vorjahresniveau Maiglöckchen mai MAI", "abcdefghijklmnoMarch",
            "abcdefgMar abcdefgMai abcdefg März abcdefghijklmnopqrstuvwxyzJanuary",
            // Numbers that fill a day, a month number, a year or none of them, next to dates.
            "On 12 March 2024 the port opened 3 berths for 15,000 containers, 31 % more.",
            "Am 3. Mai 2023 kamen 100 Firmen, am 3. Mai 12 weitere; 15.000 Euro, 2,5 Prozent.",
            "Im Frühjahr 2023 und vom 11. bis 13. März 2019 tagte der Ausschuss in Halle 4.",
            "From 11 to 13 March, and between the 3rd and the 5th, 40 firms met; last week 7 more.",
            "Die Messe lief vom 1.5.2023 bis zum 31.12.2023, 2019-2020 und 1999er Modelle, 0 Fälle.",
            "On 2024-03-12 sales of 1,200 units in 12 cities rose; 32 of 99 said so in 2101 or 1799.",
        ]
    }()

    @Test(arguments: [Language.en, .de])
    func shortcutsGiveThePlainScansDates(_ language: Language) throws {
        let rules = try DateRules(directory: Self.rules, language: language)
        let fast = TemporalNormalizer(rules: rules)
        let plain = TemporalNormalizer(rules: rules, shortcuts: false)
        #expect(fast.patternsNeedCore && fast.coreWords != nil && fast.patternsByFit, "the shortcuts are off for \(language)")
        let numberPatterns = rules.tables.numberStartPatterns
        #expect(numberPatterns[0].isEmpty && numberPatterns[DateTables.fitsAny].count > numberPatterns[Int(DateTables.fitsYear)].count,
                "numbers are not told apart by what they fill")
        var skipped = 0, found = 0
        for reference in [PartialDate(year: 2019, month: 11, day: 4), nil] {
            var fastContext = DateContext(), plainContext = DateContext()
            for sentence in Self.sentences {
                let expected = plain.dates(in: sentence, reference: reference, context: &plainContext)
                #expect(fast.dates(in: sentence, reference: reference, context: &fastContext) == expected, "\(sentence)")
                #expect(fastContext == plainContext, "\(sentence)")
                found += expected.count
                if let coreWords = fast.coreWords,
                   sentence.utf8.withContiguousStorageIfAvailable({ TemporalNormalizer.lacksCoreWord($0, coreWords) }) == true {
                    skipped += 1
                }
            }
        }
        #expect(found > 50)
        #expect(skipped > Self.sentences.count / 4, "few sentences take the shortcut: \(skipped)")
    }

    /// Sentences with letters past ASCII take the shortcut too, and a month or relative word
    /// spelt with them, in any case, is still a core word.
    @Test func nonASCIISentencesTakeTheShortcut() throws {
        let rules = try DateRules(directory: Self.rules, language: .de)
        let coreWords = try #require(TemporalNormalizer(rules: rules).coreWords)
        func lacks(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { TemporalNormalizer.lacksCoreWord($0, coreWords) }
        }
        #expect(lacks("Die Präsidentin sprach über die Häfen – „schnell“, sagte sie."))
        #expect(lacks("Łódź und Ōsaka sind Partnerstädte."))
        #expect(!lacks("Im März wuchs die Zone."))
        #expect(!lacks("Ende MÄRZ kam die Ware."))
        #expect(!lacks("Über das Jahr gesehen wuchs die Zone."))
        #expect(!lacks("Die Zone wuchs 2019 um 5 Prozent."))
        #expect(!lacks("Vom 11. bis 13. tagte der Ausschuss."))
        // Numbers no pattern can do with alone: one day, a month number, none.
        #expect(lacks("Die Zone wuchs um 5 Prozent auf 300 Firmen."))
        #expect(lacks("Die Zone wuchs um 12 Prozent auf 300 Firmen."))
    }

    /// The pre-test reads words whose first letter starts no core word only to their end: every
    /// core word is still found, capitalized or not, after such words, and a sentence of those
    /// words alone (with letters past ASCII inside them) has none.
    @Test(arguments: [Language.en, .de])
    func everyCoreWordIsFoundAfterSkippedWords(_ language: Language) throws {
        let rules = try DateRules(directory: Self.rules, language: language)
        let core = try #require(TemporalNormalizer(rules: rules).coreWords)
        func lacks(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { TemporalNormalizer.lacksCoreWord($0, core) }
        }
        let skipped = ["the", "company", "Vertrag", "über", "Bürgermeister", "x", "kürzlich"].filter {
            var word = $0.lowercased()
            return word.withUTF8 { !core.mayStart($0[0]) }
        }
        try #require(skipped.count >= 3)
        let filler = skipped.joined(separator: " ")
        #expect(lacks(filler + ", " + filler + "."))
        try #require(core.words.count > 10)
        for word in core.words {
            #expect(!lacks(filler + " " + word + " " + filler), "\(word)")
            #expect(!lacks(filler + " " + word.capitalized + "."), "\(word)")
        }
    }
}
