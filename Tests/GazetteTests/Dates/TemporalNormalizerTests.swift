import Foundation
import Testing
@testable import Gazette

/// Finds `seeds/rules` by walking up from this file (symlinks resolved), so the test runs both in the
/// repository and in a scratch package that links this file.
private enum RulesLocation {
    static let repositoryRules: URL = {
        let fm = FileManager.default
        for start in [URL(fileURLWithPath: #filePath).resolvingSymlinksInPath(), URL(fileURLWithPath: #filePath)] {
            var url = start.deletingLastPathComponent()
            while url.path != "/" && !url.path.isEmpty {
                let candidate = url.appendingPathComponent("seeds/rules", isDirectory: true)
                if fm.fileExists(atPath: candidate.appendingPathComponent("en/dates.tsv").path) { return candidate }
                url = url.deletingLastPathComponent()
            }
        }
        return URL(fileURLWithPath: "/work/main/seeds/rules", isDirectory: true)
    }()
}

private enum Normalizers {
    static let en = TemporalNormalizer(rules: try! DateRules(directory: RulesLocation.repositoryRules, language: .en))
    static let de = TemporalNormalizer(rules: try! DateRules(directory: RulesLocation.repositoryRules, language: .de))
    static func of(_ language: Language) -> TemporalNormalizer { language == .en ? en : de }
}

/// One sentence that must yield exactly one date expression.
struct TemporalNormalizerRow: Sendable, CustomTestStringConvertible {
    var language: Language
    var reference: String?
    var text: String
    var span: String
    var start: String
    var end: String?
    var precision: DatePrecision

    init(_ language: Language, _ reference: String?, _ text: String, _ span: String, _ start: String,
         _ precision: DatePrecision) {
        self.init(language, reference, text, span, start, nil, precision)
    }

    init(_ language: Language, _ reference: String?, _ text: String, _ span: String, _ start: String, _ end: String?,
         _ precision: DatePrecision) {
        self.language = language
        self.reference = reference
        self.text = text
        self.span = span
        self.start = start
        self.end = end
        self.precision = precision
    }

    var testDescription: String { "\(language.rawValue) [\(reference ?? "-")] \(span)" }
}

private let rows: [TemporalNormalizerRow] = [
    // Words read letter run by letter run: digits and letters past ASCII right after ASCII letters.
    TemporalNormalizerRow(.en, nil, "COVID19 cases rose in March 2020 across Europe.", "March 2020", "2020-03", .month),
    TemporalNormalizerRow(.de, nil, "Nach der Märzsitzung unterzeichnete die Stadt am 4. März 2021 den Vertrag.", "4. März 2021", "2021-03-04", .day),
    TemporalNormalizerRow(.en, nil, "SinoGerman firms from Düsseldorf met in Shenyang on October 31, 2019 again.", "October 31, 2019", "2019-10-31", .day),
    // Absolute dates, English.
    TemporalNormalizerRow(.en, "2021-06-02", "HAMBURG, Germany, June 2, 2021 /PRNewswire/ -- Hapag-Lloyd opened a new office in Qingdao.", "June 2, 2021", "2021-06-02", .day),
    TemporalNormalizerRow(.en, "2017-11-17", "PANJIN, China, Nov. 17, 2017 /PRNewswire/ -- Panjin, a coastal city, has flourished.", "Nov. 17, 2017", "2017-11-17", .day),
    TemporalNormalizerRow(.en, "2018-03-10", "The agreement was signed on March 9, 2018 in Qingdao.", "March 9, 2018", "2018-03-09", .day),
    TemporalNormalizerRow(.en, "2019-05-01", "Siemens opened its Chengdu plant on 12 April 2019.", "12 April 2019", "2019-04-12", .day),
    TemporalNormalizerRow(.en, "2020-02-01", "The memorandum was signed on Jan. 8, 2020 in Dalian.", "Jan. 8, 2020", "2020-01-08", .day),
    TemporalNormalizerRow(.en, "2022-01-05", "Posted 2021-12-30 by the press office of Tianjin Port.", "2021-12-30", "2021-12-30", .day),
    TemporalNormalizerRow(.en, "2016-03-01", "The State Council approved the Suzhou industrial park in January 2016.", "January 2016", "2016-01", .month),
    TemporalNormalizerRow(.en, "2023-05-19", "The guidelines were released in May 2022 by the Shenyang government.", "May 2022", "2022-05", .month),
    TemporalNormalizerRow(.en, "2019-09-01", "Up to 5,000 visitors are expected by May 2020.", "May 2020", "2020-05", .month),
    TemporalNormalizerRow(.en, "2022-09-01", "Bosch started serial production in Wuxi in 2022.", "2022", "2022", .year),
    TemporalNormalizerRow(.en, "2021-05-01", "Ningbo has cooperated with Schaeffler since 2014.", "2014", "2014", .year),
    TemporalNormalizerRow(.en, "2018-10-10", "More than 300 firms attended the 2018 Harbin International Trade Fair.", "2018", "2018", .year),
    TemporalNormalizerRow(.en, "2020-01-10", "The logistics hub opened on the 2nd of January.", "the 2nd of January", "2020-01-02", .day),
    // Relative to the publication date, English.
    TemporalNormalizerRow(.en, "2019-11-04", "On October 31, BASF opened a research center in Zhanjiang.", "October 31", "2019-10-31", .day),
    TemporalNormalizerRow(.en, "2023-01-20", "On December 12, Volkswagen signed a supply deal with Anhui province.", "December 12", "2022-12-12", .day),
    TemporalNormalizerRow(.en, "2023-02-10", "The fair will open on April 3 in Xiamen.", "April 3", "2023-04-03", .day),
    TemporalNormalizerRow(.en, "2023-05-19", "The hub came into official operation on March 4.", "March 4", "2023-03-04", .day),
    TemporalNormalizerRow(.en, "2017-11-17", "In mid-October, Panjin became the first city in northeast China to join the alliance.", "mid-October", "2017-10", .month),
    TemporalNormalizerRow(.en, "2018-11-15", "In early September, Dalian hosted the Summer Davos forum.", "early September", "2018-09", .month),
    TemporalNormalizerRow(.en, "2020-12-01", "In late October, the delegation travelled on to Munich.", "late October", "2020-10", .month),
    TemporalNormalizerRow(.en, "2019-07-08", "The freight line to Duisburg opened at the end of May.", "the end of May", "2019-05", .month),
    TemporalNormalizerRow(.en, "2021-03-01", "In May, Continental will expand its plant in Changchun.", "May", "2021-05", .month),
    TemporalNormalizerRow(.en, "2020-08-30", "In February, 11 local enterprises went abroad.", "February", "2020-02", .month),
    TemporalNormalizerRow(.en, "2022-08-01", "Exports to Hungary rose sharply last year.", "last year", "2021", .year),
    TemporalNormalizerRow(.en, "2022-08-01", "This year, Harbin expects twelve new German projects.", "This year", "2022", .year),
    TemporalNormalizerRow(.en, "2024-04-01", "The port handled 3 million containers in March last year.", "March last year", "2023-03", .month),
    TemporalNormalizerRow(.en, "2019-12-01", "Production moved to Shenyang in mid-2019.", "mid-2019", "2019", .year),
    TemporalNormalizerRow(.en, "2020-05-01", "The council met again earlier this year.", "earlier this year", "2020", .year),
    TemporalNormalizerRow(.en, "2023-06-15", "The office in Dalian opened last month.", "last month", "2023-05", .month),
    // Ranges, English.
    TemporalNormalizerRow(.en, "2021-10-20", "The delegation stayed in Hamburg from 14 to 15 October.", "from 14 to 15 October", "2021-10-14", "2021-10-15", .range),
    TemporalNormalizerRow(.en, "2022-01-01", "The expo was held 14-15 October 2021 in Changsha.", "14-15 October 2021", "2021-10-14", "2021-10-15", .range),
    TemporalNormalizerRow(.en, "2021-11-01", "Talks took place October 14–15 in Tianjin.", "October 14–15", "2021-10-14", "2021-10-15", .range),
    TemporalNormalizerRow(.en, "2022-06-30", "The pilot phase ran between March and May 2022.", "between March and May 2022", "2022-03", "2022-05", .range),
    TemporalNormalizerRow(.en, "2023-10-01", "The exhibition runs from 30 November to 2 December 2023 in Shanghai.", "from 30 November to 2 December 2023", "2023-11-30", "2023-12-02", .range),
    TemporalNormalizerRow(.en, "2022-03-01", "The training program ran from 2019 to 2021.", "from 2019 to 2021", "2019", "2021", .range),
    TemporalNormalizerRow(.en, "2023-05-19", "Trains left Xi'an daily from June 3 to June 9.", "from June 3 to June 9", "2023-06-03", "2023-06-09", .range),
    // Absolute dates, German.
    TemporalNormalizerRow(.de, "2023-10-26", "SHENYANG, China, 26. Oktober 2023 — Eine Delegation reiste ab.", "26. Oktober 2023", "2023-10-26", .day),
    TemporalNormalizerRow(.de, "2021-04-15", "Der Vertrag wurde am 4. März in Düsseldorf unterzeichnet.", "4. März", "2021-03-04", .day),
    TemporalNormalizerRow(.de, "2019-08-01", "Das Werk in Tianjin wurde im Dezember 2015 eröffnet.", "Dezember 2015", "2015-12", .month),
    TemporalNormalizerRow(.de, "2022-06-01", "Das Büro in Chengdu wurde im Juni 2021 gegründet.", "Juni 2021", "2021-06", .month),
    TemporalNormalizerRow(.de, "2022-11-11", "Im Jahr 2022 stiegen die Exporte nach Polen.", "Jahr 2022", "2022", .year),
    TemporalNormalizerRow(.de, "2020-06-01", "Die Kooperation zwischen Kassel und Dalian besteht seit 2016.", "2016", "2016", .year),
    TemporalNormalizerRow(.de, "2020-12-31", "Die Zahlen wurden am 04.11.2020 veröffentlicht.", "04.11.2020", "2020-11-04", .day),
    TemporalNormalizerRow(.de, "2023-05-10", "Die Niederlassung in Wien wurde im Jänner 2021 gegründet.", "Jänner 2021", "2021-01", .month),
    // Relative, German.
    TemporalNormalizerRow(.de, "2023-10-26", "Eine Delegation reiste Anfang Oktober nach Deutschland.", "Anfang Oktober", "2023-10", .month),
    TemporalNormalizerRow(.de, "2022-06-20", "Mitte Mai besuchte der Bürgermeister die Stadt Wuhan.", "Mitte Mai", "2022-05", .month),
    TemporalNormalizerRow(.de, "2018-04-30", "Ende März unterzeichneten beide Seiten den Vertrag.", "Ende März", "2018-03", .month),
    TemporalNormalizerRow(.de, "2023-10-26", "Im März dieses Jahres begann der Bau des Projekts.", "März dieses Jahres", "2023-03", .month),
    TemporalNormalizerRow(.de, "2021-02-01", "Im vergangenen Jahr investierte die Firma 20 Millionen Euro.", "vergangenen Jahr", "2020", .year),
    TemporalNormalizerRow(.de, "2024-05-05", "Letztes Jahr kamen 300 Besucher aus Sachsen.", "Letztes Jahr", "2023", .year),
    TemporalNormalizerRow(.de, "2023-10-26", "Dies soll bis Ende 2025 geschehen.", "Ende 2025", "2025", .year),
    // Ranges, German.
    TemporalNormalizerRow(.de, "2022-09-09", "Die Messe findet vom 14. bis 16. Oktober 2022 in Leipzig statt.", "vom 14. bis 16. Oktober 2022", "2022-10-14", "2022-10-16", .range),
    TemporalNormalizerRow(.de, "2023-03-01", "Die Gespräche fanden vom 30. Januar bis 2. Februar in Peking statt.", "vom 30. Januar bis 2. Februar", "2023-01-30", "2023-02-02", .range),
    TemporalNormalizerRow(.de, "2022-07-01", "Das Projekt lief zwischen März und Mai 2022.", "zwischen März und Mai 2022", "2022-03", "2022-05", .range),
    TemporalNormalizerRow(.de, "2019-03-01", "Von 2015 bis 2018 wuchs der Handel mit Shenyang stark.", "Von 2015 bis 2018", "2015", "2018", .range),
    TemporalNormalizerRow(.de, "2023-10-26", "Die Delegation besuchte vom 11. bis 13. Deutschland.", "vom 11. bis 13.", "2023-10-11", "2023-10-13", .range),
]

/// Sentences that must yield no date at all.
private let nothingRows: [(Language, String?, String)] = [
    (.en, "2017-11-17", "Panjin supports the strategies of Made in China 2025 and German Industry 4.0."),
    (.en, "2023-05-19", "Covering over 2 square kilometers, the hub can handle more than 1,000 trains a year."),
    (.en, "2023-05-19", "The investment amounted to $3.92 billion, a surge of 375.1 percent year-on-year."),
    (.en, "2017-11-17", "Firms went abroad along the 21st Century Maritime Silk Road."),
    (.en, "2023-05-19", "The 25th plant of BMW worldwide is home to more than 420 companies."),
    (.en, "2023-05-19", "Shenyang ranks No 1 in the province."),
    (.en, "2023-05-19", "A second terminal may be built next to the port."),
    (.en, "2023-05-19", "May I add that the hub is large."),
    (.en, "2020", "IUC Project Team Visit to Panjin – First mission in times of COVID19"),
    (.en, "2020-01-01", "In recent years, Panjin has grown quickly."),
    (.en, "2017-11-17", "In the future, a petrochemical base will be built there."),
    (.en, "2017-11-17", "The company will soon open an office in Bremen."),
    (.en, "2021-01-01", "The firm hired the 2000 employees of the plant."),
    (.en, "2021-01-01", "Jan Smith visited 12 cities in 3 provinces."),
    (.en, nil, "In mid-October, Panjin joined the alliance, and last year it opened a port."),
    (.de, "2023-10-26", "Siemens hat vor einigen Jahren ein Empowerment Center eingerichtet."),
    (.de, "2023-10-26", "In den letzten Jahren wuchs die Stadt rasch."),
    (.de, "2023-10-26", "Die Investition betrug 83,7 Milliarden Yuan."),
    (.de, "2023-10-26", "Mehr als 1.000 Züge fahren jährlich, 2.500 Mitarbeiter arbeiten dort."),
    (.de, nil, "Anfang Oktober reiste die Delegation im März dieses Jahres."),
]

private func scalarOffset(of span: String, in text: String) -> (Int, Int)? {
    let hay = Array(text.unicodeScalars), needle = Array(span.unicodeScalars)
    guard !needle.isEmpty, hay.count >= needle.count else { return nil }
    for i in 0...(hay.count - needle.count) where Array(hay[i..<i + needle.count]) == needle {
        return (i, i + needle.count)
    }
    return nil
}

@Suite struct TemporalNormalizerTests {
    @Test("finds and resolves one date expression", arguments: rows)
    func resolvesDate(_ row: TemporalNormalizerRow) throws {
        let reference = row.reference.flatMap(PartialDate.init(iso:))
        let found = Normalizers.of(row.language).dates(in: row.text, reference: reference)
        #expect(found.count == 1, "found \(found.map { "\($0.text) → \($0.dateStart)" })")
        let e = try #require(found.first { $0.text == row.span }, "no expression with text '\(row.span)' in \(found.map(\.text))")
        #expect(e.dateStart.iso == row.start)
        #expect(e.dateEnd?.iso == row.end)
        #expect(e.precision == row.precision)
        let offsets = try #require(scalarOffset(of: row.span, in: row.text))
        #expect(e.start == offsets.0 && e.end == offsets.1)
        #expect(e.rule.hasPrefix("\(row.language.rawValue)/dates.tsv#pat."))
    }

    @Test("yields no date", arguments: nothingRows.indices)
    func yieldsNothing(_ index: Int) {
        let (language, reference, text) = nothingRows[index]
        let found = Normalizers.of(language).dates(in: text, reference: reference.flatMap(PartialDate.init(iso:)))
        #expect(found.isEmpty, "\(text) → \(found.map { "\($0.text) → \($0.dateStart)" })")
    }

    @Test func germanDocumentCarriesMonthIntoBareDayRanges() {
        // The seed document 003: day ranges continue in October although March is mentioned between them.
        let sentences = [
            "SHENYANG, China, 26. Oktober 2023 — Eine Delegation reiste Anfang Oktober nach Deutschland, Saudi-Arabien und Russland.",
            "Angeführt von den Politikern der Provinz besuchte die Delegation vom 11. bis 13. Deutschland.",
            "Siemens hat vor einigen Jahren ein Empowerment Center eingerichtet.",
            "Während der Reise nach Saudi-Arabien vom 14. bis 15. besuchte die Delegation Saudi Aramco.",
            "Im März dieses Jahres wurde der Bau des Projekts in Panjin begonnen.",
            "Schließlich verbrachten die Delegierten vom 16. bis 19. in Russland.",
        ]
        var context = DateContext()
        let reference = PartialDate(year: 2023, month: 10, day: 26)
        let found = sentences.map { Normalizers.de.dates(in: $0, reference: reference, context: &context) }
        #expect(found[0].map(\.text) == ["26. Oktober 2023", "Anfang Oktober"])
        #expect(found[1].map { "\($0.dateStart)..\($0.dateEnd!)" } == ["2023-10-11..2023-10-13"])
        #expect(found[1].first?.rule == "de/dates.tsv#pat.bare-days")
        #expect(found[2].isEmpty)
        #expect(found[3].map { "\($0.dateStart)..\($0.dateEnd!)" } == ["2023-10-14..2023-10-15"])
        #expect(found[4].map(\.dateStart.iso) == ["2023-03"])
        #expect(found[5].map { "\($0.dateStart)..\($0.dateEnd!)" } == ["2023-10-16..2023-10-19"])
        #expect(found[5].first?.text == "vom 16. bis 19.")
    }

    @Test func englishDocumentInOneCall() {
        let text = """
        WUHAN, China, July 1, 2022 /PRNewswire/ -- In early June, a delegation from Wuhan visited Duisburg. \
        It stayed from the 11th to the 13th and met officials of the port.
        """
        let found = Normalizers.en.dates(in: text, reference: PartialDate(iso: "2022-07-01"))
        #expect(found.map(\.text) == ["July 1, 2022", "early June", "from the 11th to the 13th"])
        #expect(found.last?.dateStart.iso == "2022-06-11")
        #expect(found.last?.dateEnd?.iso == "2022-06-13")
        #expect(found.last?.precision == .range)
    }

    @Test func bareDayRangeWithoutContextUsesPublicationMonth() {
        let found = Normalizers.de.dates(in: "Die Gäste blieben vom 3. bis 5. in Bonn.", reference: PartialDate(iso: "2021-09-20"))
        #expect(found.map { "\($0.dateStart)..\($0.dateEnd!)" } == ["2021-09-03..2021-09-05"])
    }

    @Test func offsetsCountUnicodeScalars() throws {
        let text = "Düsseldorf – 🎉 Am 4. März 2021 eröffnete das Büro."
        let found = Normalizers.de.dates(in: text, reference: nil)
        let e = try #require(found.first)
        #expect(e.text == "4. März 2021")
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[e.start..<e.end])) == "4. März 2021")
    }

    @Test func expressionsRoundTripThroughJSON() throws {
        let found = Normalizers.en.dates(in: "It ran from 14 to 15 October 2021, then in 2022.", reference: nil)
        #expect(found.count == 2)
        let data = try JSONEncoder().encode(found)
        #expect(try JSONDecoder().decode([DateExpression].self, from: data) == found)
    }

    @Test func badRuleFileNamesFileAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-dates-\(UUID().uuidString)")
        let en = dir.appendingPathComponent("en")
        try FileManager.default.createDirectory(at: en, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: RulesLocation.repositoryRules.appendingPathComponent("en/months.tsv"),
                                         to: en.appendingPathComponent("months.tsv"))
        try "# comment\ncue.in\tcue\tin\nbad.row\tfrobnicate\tfoo\n".write(to: en.appendingPathComponent("dates.tsv"), atomically: true, encoding: .utf8)
        #expect {
            _ = try DateRules(directory: dir, language: .en)
        } throws: { error in
            let text = "\(error)"
            return text.contains("dates.tsv:3") && text.contains("frobnicate")
        }
        try "cue.in\tcue\tin\npat.x\tpattern\tMONTH FOO\n".write(to: en.appendingPathComponent("dates.tsv"), atomically: true, encoding: .utf8)
        #expect {
            _ = try DateRules(directory: dir, language: .en)
        } throws: { error in
            "\(error)".contains("dates.tsv:2") && "\(error)".contains("FOO")
        }
        try "january\t1\nfoo\t13\n".write(to: en.appendingPathComponent("months.tsv"), atomically: true, encoding: .utf8)
        #expect {
            _ = try DateRules(directory: dir, language: .en)
        } throws: { error in
            "\(error)".contains("months.tsv:2")
        }
    }

    @Test func shippedRulesLoad() throws {
        for language in Language.allCases {
            let rules = try DateRules(directory: RulesLocation.repositoryRules, language: language)
            #expect(rules.patterns.count > 20)
        }
    }
}
