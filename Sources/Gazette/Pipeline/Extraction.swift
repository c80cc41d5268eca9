/// A span of a document that names an entity, found by a rule.
public struct Mention: Sendable, Hashable, Codable {
    /// Position of the sentence it is in.
    public var sentence: Int
    /// Unicode-scalar offsets into the document text.
    public var start: Int
    public var end: Int
    /// The surface form as written ("Liaonings", "Mayor Link").
    public var text: String
    public var type: EntityType
    public var subtype: String?
    /// `<lang>/<file>#<id>` of the rule that found it.
    public var rule: String
    /// The resolved entity's key, set by resolution.
    public var entityKey: String?
    /// The name the mention stands for, without titles, cues or inflection ("Provinz Liaoning" → "Liaoning").
    public var name: String
    /// The reference-data id it matched, if any.
    public var reference: String?
    /// ISO code of a country the sentence states for it ("German Starhai International" → DE).
    public var statedCountry: String?
    /// A region the sentence states for it ("European enterprises including …" → Europe).
    public var statedRegion: String?
    /// Index of the first token, within its sentence.
    public var firstToken: Int
    /// One past the index of the last token.
    public var lastToken: Int
    /// The position of its entity in ``ResolvedMentions/entities`` (and in the entities of the
    /// document, which keep their order), set by resolution with ``entityKey``; -1 without one.
    /// The later stages can read the entity by position instead of hashing ``entityKey`` again.
    /// Not encoded: it is a position in one document's list.
    public var entityIndex: Int = -1

    enum CodingKeys: String, CodingKey {
        case sentence, start, end, text, type, subtype, rule, entityKey, name, reference, statedCountry, statedRegion,
             firstToken, lastToken
    }
}

extension Mention {
    /// Delegates to the memberwise initializer: a struct this large built field by field in
    /// its own initializer was copied whole and the original destroyed at every construction
    /// (its value witnesses: 13 M instructions on 2 MB in the mention finder alone).
    public init(sentence: Int, start: Int, end: Int, text: String, type: EntityType, subtype: String? = nil,
                rule: String, entityKey: String? = nil, name: String? = nil, reference: String? = nil,
                firstToken: Int = 0, lastToken: Int = 0) {
        self.init(sentence: sentence, start: start, end: end, text: text, type: type, subtype: subtype, rule: rule,
                  entityKey: entityKey, name: name ?? text, reference: reference, statedCountry: nil,
                  statedRegion: nil, firstToken: firstToken, lastToken: lastToken)
    }
}

/// An entity as resolution leaves it: one per distinct thing a document names.
///
/// `aliases` is declared first so that the memberwise initializer's labels differ from the public
/// initializer's, which delegates to it (see ``init(key:name:type:subtype:country:countrySource:region:reference:latitude:longitude:admin1:aliases:)``);
/// ``CodingKeys`` keeps the encoded keys as they were.
public struct ResolvedEntity: Sendable, Hashable, Codable {
    /// Every surface form of the entity in the document.
    public var aliases: [String]
    /// Content-derived identity, equal for the same thing in any document or import order.
    public var key: String
    public var name: String
    public var type: EntityType
    public var subtype: String?
    public var country: String?
    public var countrySource: CountrySource?
    public var region: String?
    /// Reference-data id (geonames:ID, iso:CC, admin1:CC.NN, org:NAME), when resolved against it.
    public var reference: String?
    public var latitude: Double?
    public var longitude: Double?
    /// The province a place lies in (GeoNames admin1 key such as `CN.19`), from reference data.
    public var admin1: String?

    enum CodingKeys: String, CodingKey {
        case key, name, type, subtype, country, countrySource, region, reference, latitude, longitude, admin1, aliases
    }
}

extension ResolvedEntity {
    /// Every field can be given at once: ``EntityResolver`` makes an entity in one step (made,
    /// then given its `admin1`, the entity was copied whole twice).
    ///
    /// Delegates to the memberwise initializer: assigned field by field here, the entity was
    /// built, copied whole and the original destroyed at every construction, as `Mention` was
    /// (`EntityResolver.entity`: 65.9 → 56.6 M instructions on 2 MB).
    public init(key: String, name: String, type: EntityType, subtype: String? = nil, country: String? = nil,
                countrySource: CountrySource? = nil, region: String? = nil, reference: String? = nil,
                latitude: Double? = nil, longitude: Double? = nil, admin1: String? = nil, aliases: [String] = []) {
        self.init(aliases: aliases, key: key, name: name, type: type, subtype: subtype, country: country,
                  countrySource: countrySource, region: region, reference: reference, latitude: latitude,
                  longitude: longitude, admin1: admin1)
    }
}

/// A relationship stated by one sentence.
public struct Fact: Sendable, Hashable, Codable {
    public var subject: String      // entity key
    public var predicate: RelationPredicate
    public var object: String       // entity key
    public var attributes: [String: String]
    public var sentence: Int
    /// The matched words, as document offsets.
    public var matchStart: Int
    public var matchEnd: Int
    public var rule: String
    /// The rule's measured precision, the base of the fact's confidence.
    public var rulePrecision: Double

    public init(subject: String, predicate: RelationPredicate, object: String, attributes: [String: String] = [:],
                sentence: Int, matchStart: Int, matchEnd: Int, rule: String, rulePrecision: Double) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.attributes = attributes
        self.sentence = sentence
        self.matchStart = matchStart
        self.matchEnd = matchEnd
        self.rule = rule
        self.rulePrecision = rulePrecision
    }
}

/// An event reported by one sentence.
public struct Event: Sendable, Hashable, Codable {
    public struct Participant: Sendable, Hashable, Codable {
        public var entity: String   // entity key
        public var role: EventRole
        public init(entity: String, role: EventRole) {
            self.entity = entity
            self.role = role
        }
    }

    /// A sentence that reports the event.
    public struct Evidence: Sendable, Hashable, Codable {
        public var sentence: Int
        public var matchStart: Int
        public var matchEnd: Int
        public var rule: String
    }

    public var type: EventType
    public var dateStart: PartialDate?
    public var dateEnd: PartialDate?
    public var place: String?       // entity key
    public var participants: [Participant]
    public var sentence: Int
    public var matchStart: Int
    public var matchEnd: Int
    public var rule: String
    /// Every sentence of the document that reports it: the first is the one above.
    public var evidence: [Evidence]

    /// `.range` when the event spans days, else the start date's own precision.
    public var precision: DatePrecision? {
        guard let dateStart else { return nil }
        return dateEnd != nil && dateEnd != dateStart ? .range : dateStart.precision
    }
}

extension Event {
    /// Delegates to the memberwise initializer, which it differs from by `evidence`: assigned
    /// field by field here, the event was built, copied whole and the original destroyed at every
    /// construction, as `Mention` was (the event stage: 66.1 → 65.1 M instructions on 2 MB).
    public init(type: EventType, dateStart: PartialDate?, dateEnd: PartialDate? = nil, place: String?,
                participants: [Participant], sentence: Int, matchStart: Int, matchEnd: Int, rule: String) {
        self.init(type: type, dateStart: dateStart, dateEnd: dateEnd, place: place, participants: participants,
                  sentence: sentence, matchStart: matchStart, matchEnd: matchEnd, rule: rule,
                  evidence: [Evidence(sentence: sentence, matchStart: matchStart, matchEnd: matchEnd, rule: rule)])
    }
}

extension PartialDate: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = PartialDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
