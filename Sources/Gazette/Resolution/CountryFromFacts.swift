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
        // Entities changed in place, found by position: a dictionary of entities copied each one
        // (eight strings and its aliases) in, out at every fact, and back.
        var out = entities
        var positions: WordMap<Int> = [:]
        for i in out.indices where positions[out[i].key] == nil { positions[out[i].key] = i }
        let links = facts.filter { [.locatedIn, .headquarteredIn, .partOf].contains($0.predicate) }
        for _ in 0..<4 {
            var changed = false
            for fact in links {
                guard let s = positions[fact.subject], out[s].country == nil, out[s].subtype != "country",
                      ![.person, .product, .program].contains(out[s].type), let o = positions[fact.object] else { continue }
                let country = out[o].subtype == "country" ? out[o].name : out[o].country
                guard let name = country else { continue }
                out[s].country = name
                out[s].countrySource = .text
                if out[s].region == nil {
                    out[s].region = reference.countries.values.first { $0.name == name }?.region ?? out[o].region
                }
                changed = true
            }
            if !changed { break }
        }
        // An entity whose key came before takes that one's state, as a lookup by key would give.
        for i in out.indices {
            if let first = positions[out[i].key], first != i { out[i] = out[first] }
        }
        return out
    }
}
