/// "Lies within": the SQL that collects every entity inside a place, used by `within` in patterns
/// and by `gazette jv --place`.
///
/// An entity is inside X when X is named by the bound JSON array of canonical names, or when it
/// is `located_in`, `part_of` or `headquartered_in` something inside X (transitively), or when the
/// reference hierarchy puts it there (also when X is only known as a `country` or `region` value,
/// with no entity of its own): a place whose `admin1` is X's province (`admin1:CN.19`), an
/// entity whose `country` is X (a country), or whose `region` is X (a continent-level region).
/// So "European firms with joint ventures in Liaoning" finds Panjin's although no sentence says
/// Panjin lies in Liaoning.
public enum Containment {
    /// The predicates that put their subject inside their object.
    public static let predicates = ["located_in", "part_of", "headquartered_in"]

    /// The types that can contain an entity of each type, from the knowledge model's signatures:
    /// `located_in` (organization, zone, facility, place → place or zone), `part_of` (place →
    /// place, organization → organization), `headquartered_in` (organization → place).
    static let directContainers: [EntityType: Set<EntityType>] = [
        .place: [.place, .zone],
        .zone: [.place, .zone],
        .organization: [.organization, .place, .zone],
        .facility: [.place, .zone],
    ]

    /// The types a chain from an entity of `type` up to its container can pass through: the type
    /// itself, every type that can contain it (transitively), and places (the reference
    /// hierarchy's provinces, countries and regions are places).
    ///
    /// Collecting only these keeps "inside China" for a place to China's places and zones instead
    /// of every Chinese firm and person too, which is what made `within` slow on a large file.
    public static func chainTypes(for type: EntityType) -> Set<EntityType> {
        var types: Set<EntityType> = [type, .place]
        var frontier = [type, .place]
        while let next = frontier.popLast() {
            for container in directContainers[next] ?? [] where types.insert(container).inserted {
                frontier.append(container)
            }
        }
        return types
    }

    /// `WITH RECURSIVE inside(id) AS (…)`, anchored on the names bound to `:parameter`
    /// (a JSON array). Only constants are written into the SQL.
    ///
    /// - Parameter types: when given, only entities of these types are collected (see
    ///   ``chainTypes(for:)``); nil collects every entity inside.
    public static func withClause(parameter: String, types: Set<EntityType>? = nil) -> String {
        let list = predicates.map { "'\($0)'" }.joined(separator: ", ")
        // Type names are enum constants; sorted so that the SQL text is stable.
        let typeList = types.map { $0.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ") }
        func only(_ alias: String) -> String { typeList.map { " AND \(alias).type IN (\($0))" } ?? "" }
        // The container itself is kept whatever its type: chains start there.
        // The name index is case-insensitive: the NOCASE comparison finds the range, the exact one keeps
        // the meaning (a plain `name IN (…)` could not use the index and read every entity).
        return """
            WITH RECURSIVE inside(id) AS (
              SELECT entity.id FROM json_each(:\(parameter)) AS container
              JOIN entity ON entity.name = container.value COLLATE NOCASE AND entity.name = container.value
              UNION
              SELECT entity.id FROM entity
              WHERE (entity.country IN (SELECT value FROM json_each(:\(parameter)))
                 OR entity.region IN (SELECT value FROM json_each(:\(parameter))))\(only("entity"))
              UNION
              SELECT relationship.subject_id FROM inside
              JOIN relationship ON relationship.object_id = inside.id AND relationship.predicate IN (\(list))\(types == nil ? "" : """

              JOIN entity AS member ON member.id = relationship.subject_id\(only("member"))
              """)
              UNION
              SELECT entity.id FROM inside JOIN entity AS container ON container.id = inside.id
              JOIN entity ON entity.admin1 = substr(container.reference, 8)
              WHERE container.reference LIKE 'admin1:%'\(only("entity"))
              UNION
              SELECT entity.id FROM inside JOIN entity AS container ON container.id = inside.id
              JOIN entity ON entity.country = container.name
              WHERE container.type = 'place' AND container.subtype = 'country'\(only("entity"))
              UNION
              SELECT entity.id FROM inside JOIN entity AS container ON container.id = inside.id
              JOIN entity ON entity.region = container.name
              WHERE container.type = 'place' AND container.subtype = 'region'\(only("entity"))
            )
            """
    }
}
