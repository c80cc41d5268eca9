/// Gives entities the country their relationships state: "Siasun …, headquartered in Shenyang's
/// Hunnan district" puts Siasun in China; a zone located in a city is in the city's country.
///
/// Runs after relation extraction; follows `located_in`, `headquartered_in` and `part_of` up to a
/// few steps (zone → district → city → country). Only fills a missing country, and says `text`,
/// since a sentence states the link.
public struct CountryFromFacts: Sendable {
    let reference: ReferenceData

    public init(reference: ReferenceData) {
        self.reference = reference
    }

    public func apply(to entities: [ResolvedEntity], facts: [Fact]) -> [ResolvedEntity] {
        var byKey = Dictionary(entities.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let links = facts.filter { [.locatedIn, .headquarteredIn, .partOf].contains($0.predicate) }
        for _ in 0..<4 {
            var changed = false
            for fact in links {
                guard var subject = byKey[fact.subject], subject.country == nil, subject.subtype != "country",
                      ![.person, .product, .program].contains(subject.type), let object = byKey[fact.object] else { continue }
                let country = object.subtype == "country" ? object.name : object.country
                guard let name = country else { continue }
                subject.country = name
                subject.countrySource = .text
                if subject.region == nil {
                    subject.region = reference.countries.values.first { $0.name == name }?.region ?? object.region
                }
                byKey[fact.subject] = subject
                changed = true
            }
            if !changed { break }
        }
        return entities.map { byKey[$0.key] ?? $0 }
    }
}
