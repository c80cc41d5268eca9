import Testing
@testable import Gazette

/// The shipped reference data (`seeds/reference/`): it parses, exonyms in both languages resolve
/// to the right place and country, a province holds its cities, firms get their home region, and
/// an unknown firm gets no country.
@Suite struct ReferenceDataTests {
    static let reference = TestSupport.ruleSet.reference

    @Test(arguments: [
        ("Wladiwostok", "Vladivostok", "RU"), ("Mailand", "Milan", "IT"), ("Peking", "Beijing", "CN"),
        ("Köln", "Cologne", "DE"), ("München", "Munich", "DE"), ("Shenyang", "Shenyang", "CN"),
    ])
    func exonymsResolveToTheCity(_ surface: String, _ name: String, _ country: String) throws {
        let city = try #require(Self.reference.entries(named: surface).first { $0.subtype == "city" })
        #expect(city.name == name)
        #expect(city.country == country)
        #expect(city.latitude != nil && city.longitude != nil)
    }

    @Test(arguments: [
        ("Deutschland", "Germany", "Europe"), ("Russland", "Russia", "Europe"), ("Saudi-Arabien", "Saudi Arabia", "Asia"),
        ("Südkorea", "South Korea", "Asia"), ("USA", "United States", "North America"), ("UK", "United Kingdom", "Europe"),
    ])
    func countriesInBothLanguages(_ surface: String, _ name: String, _ region: String) throws {
        let entry = try #require(Self.reference.entries(named: surface).first { $0.subtype == "country" })
        let country = try #require(Self.reference.country(entry.country))
        #expect(country.name == name)
        #expect(country.region == region)
    }

    @Test func provinceAndItsCities() throws {
        let liaoning = try #require(Self.reference.entries(named: "Liaoning").first { $0.subtype == "province" })
        #expect(liaoning.country == "CN")
        let key = try #require(liaoning.id.split(separator: ":").last.map(String.init))
        for city in ["Shenyang", "Dalian", "Panjin", "Anshan"] {
            let entry = try #require(Self.reference.entries(named: city).first { $0.subtype == "city" })
            #expect(entry.admin1 == key, "\(city) is not in \(key)")
        }
        // German names of provinces and states resolve too.
        #expect(Self.reference.entries(named: "Nordrhein-Westfalen").contains { $0.subtype == "province" && $0.country == "DE" })
    }

    @Test(arguments: [("Clariant", "Europe"), ("BASF", "Europe"), ("Siemens", "Europe"), ("Toyota", "Asia")])
    func firmsGetTheirHomeRegion(_ firm: String, _ region: String) throws {
        let entry = try #require(Self.reference.entries(named: firm).first { $0.type == .organization })
        #expect(Self.reference.country(entry.country)?.region == region)
    }

    @Test func unknownFirmHasNoEntry() {
        #expect(Self.reference.entries(named: "Quandor Systems").isEmpty)
    }

    @Test func adjectivesAndLegalForms() {
        #expect(Self.reference.countryOfAdjective("German") == "DE")
        #expect(Self.reference.countryOfAdjective("deutschen") == "DE")
        #expect(Self.reference.countryOfAdjective("Swiss") == "CH")
        #expect(Self.reference.legalForms["gmbh"] == "DE")
        #expect(Self.reference.legalForms["ltd."] == "" || Self.reference.legalForms["ltd."] == nil)
    }

    @Test func commonWordsTellWordsFromNames() {
        #expect(Self.reference.isCommonWord("Situated", .en))
        #expect(!Self.reference.isCommonWord("Panjin", .en))
        #expect(Self.reference.isCommonWord("Eröffnungszeremonie", .de))
    }
}
