/// The knowledge model's entity types (`entity_summary.type`).
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable {
    case organization, person, place, zone, facility, program, product

    /// The type's position in `allCases`, for bit sets and tables indexed by type.
    public var ordinal: Int {
        switch self {
        case .organization: 0
        case .person: 1
        case .place: 2
        case .zone: 3
        case .facility: 4
        case .program: 5
        case .product: 6
        }
    }
}

/// The knowledge model's relationship predicates (`facts.predicate`).
public enum RelationPredicate: String, Sendable, Hashable, Codable, CaseIterable {
    case locatedIn = "located_in"
    case partOf = "part_of"
    case headquarteredIn = "headquartered_in"
    case hasJointVentureIn = "has_joint_venture_in"
    case jointVentureWith = "joint_venture_with"
    case cooperatesWith = "cooperates_with"
    case inTalksWith = "in_talks_with"
    case memberOf = "member_of"
    case investedIn = "invested_in"
    case holdsPosition = "holds_position"
    case friendshipCityOf = "friendship_city_of"
    case produces
    case exportsTo = "exports_to"

    /// Symmetric predicates are stored once and match in both directions.
    public var isSymmetric: Bool {
        switch self {
        case .jointVentureWith, .cooperatesWith, .inTalksWith, .friendshipCityOf: return true
        default: return false
        }
    }
}

/// The knowledge model's event types (`timeline.event_type`).
public enum EventType: String, Sendable, Hashable, Codable, CaseIterable {
    case visit, meeting, agreement, membership, launch, investment, exhibition
}

/// A participant's part in an event.
public enum EventRole: String, Sendable, Hashable, Codable, CaseIterable {
    case actor, target, host
}

/// Where an entity's country came from (`entity_summary.country_source`).
public enum CountrySource: String, Sendable, Hashable, Codable, CaseIterable {
    /// A sentence of the document says so.
    case text
    /// Reference data knows it.
    case reference
    /// A rule inferred it, e.g. a legal-form suffix such as GmbH.
    case rule

    /// How much a country from this source is trusted when two disagree: text beats reference
    /// beats rule (beats nothing, 0). The importer's entity upsert keeps the higher one.
    public var rank: Int8 {
        switch self {
        case .text: return 3
        case .reference: return 2
        case .rule: return 1
        }
    }
}
