/// Gives entities the country their relationships state: "Siasun …, headquartered in Shenyang's
/// Hunnan district" puts Siasun in China; a zone located in a city is in the city's country.
///
/// Runs after relation extraction; follows `located_in`, `headquartered_in` and `part_of` up to a
/// few steps (zone → district → city → country). Only fills a missing country, and says `text`,
/// since a sentence states the link.
public struct CountryFromFacts: Sendable {
    let reference: ReferenceData
    /// Each country name's region, of the first country with that name in `reference.countries`
    /// (the entry `reference.countries.values.first { $0.name == name }` finds): that search
    /// copied every country before the match, three strings each, for every country a link gave.
    let regionByCountryName: WordMap<String>

    public init(reference: ReferenceData) {
        self.reference = reference
        var regions = WordMap<String>()
        for country in reference.countries.values where regions[country.name] == nil {
            regions[country.name] = country.region
        }
        regionByCountryName = regions
    }

    public func apply(to entities: [ResolvedEntity], facts: [Fact]) -> [ResolvedEntity] {
        // Entities changed in place, found by position: a dictionary of entities copied each one
        // (eight strings and its aliases) in, out at every fact, and back.
        //
        // Each key hashed once: its number in `index` and the position of its first entity. The
        // entities that repeat an earlier key are noted as the index is made (most documents have
        // none), so that the last step visits only them instead of looking every key up again.
        // Sized for every key at once: grown from empty, the table was rebuilt two or three
        // times a document and its word array reallocated as often.
        var index = WordIndex(minimumCapacity: entities.count)
        var firstPosition: [Int] = []
        firstPosition.reserveCapacity(entities.count)
        var repeats: [(at: Int, first: Int)] = []
        for i in entities.indices {
            let (number, inserted) = index.insert(entities[i].key)
            if inserted { firstPosition.append(i) } else { repeats.append((i, firstPosition[number])) }
        }
        // The links as positions, looked up once, in the facts' order: the rounds below read them
        // up to four times. A link whose subject or object is no entity never changes anything.
        // (The facts filtered into an array of their own were copied, strings and all.)
        var links: [(subject: Int, object: Int)] = []
        for k in facts.indices {
            switch facts[k].predicate {
            case .locatedIn, .headquarteredIn, .partOf:
                guard let s = index.number(of: facts[k].subject), let o = index.number(of: facts[k].object) else { continue }
                links.append((firstPosition[s], firstPosition[o]))
            default:
                continue
            }
        }
        guard !links.isEmpty || !repeats.isEmpty else { return entities }
        var out = entities
        for _ in 0..<4 where !links.isEmpty {
            var changed = false
            for (s, o) in links {
                guard out[s].country == nil, out[s].subtype != "country",
                      ![.person, .product, .program].contains(out[s].type) else { continue }
                let country = out[o].subtype == "country" ? out[o].name : out[o].country
                guard let name = country else { continue }
                out[s].country = name
                out[s].countrySource = .text
                if out[s].region == nil {
                    // A name no country has byte for byte is still searched as before (`==`
                    // compares canonically equivalent spellings equal).
                    out[s].region = regionByCountryName[name]
                        ?? reference.countries.values.first { $0.name == name }?.region ?? out[o].region
                }
                changed = true
            }
            if !changed { break }
        }
        // An entity whose key came before takes that one's state, as a lookup by key would give.
        for (i, first) in repeats { out[i] = out[first] }
        return out
    }
}
