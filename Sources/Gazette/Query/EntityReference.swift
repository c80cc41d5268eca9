/// One resolved entity, as a lookup by name finds it.
public struct EntityReference: Sendable, Hashable {
    /// Row id in `entity`.
    public var id: Int64
    /// The content-derived key, e.g. `geonames:10794003` or `person:soren link`.
    public var key: String
    /// Canonical name.
    public var name: String
    public var type: String
    public var subtype: String?
    public var country: String?

    /// "Panjin (place, city, China; key geonames:10794003)": how candidates are listed.
    public var label: String {
        let details = [type, subtype, country].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        return "\(key)  —  \(name) (\(details))"
    }
}
