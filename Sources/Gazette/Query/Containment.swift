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

    /// `WITH RECURSIVE inside(id) AS (…)`, anchored on the names bound to `:parameter`
    /// (a JSON array). Only constants are written into the SQL.
    public static func withClause(parameter: String) -> String {
        let list = predicates.map { "'\($0)'" }.joined(separator: ", ")
        return """
            WITH RECURSIVE inside(id) AS (
              SELECT entity.id FROM entity WHERE entity.name IN (SELECT value FROM json_each(:\(parameter)))
              UNION
              SELECT entity.id FROM entity
              WHERE entity.country IN (SELECT value FROM json_each(:\(parameter)))
                 OR entity.region IN (SELECT value FROM json_each(:\(parameter)))
              UNION
              SELECT relationship.subject_id FROM inside
              JOIN relationship ON relationship.object_id = inside.id AND relationship.predicate IN (\(list))
              UNION
              SELECT entity.id FROM inside JOIN entity AS container ON container.id = inside.id
              JOIN entity ON entity.admin1 = substr(container.reference, 8)
              WHERE container.reference LIKE 'admin1:%'
              UNION
              SELECT entity.id FROM inside JOIN entity AS container ON container.id = inside.id
              JOIN entity ON entity.country = container.name
              WHERE container.type = 'place' AND container.subtype = 'country'
              UNION
              SELECT entity.id FROM inside JOIN entity AS container ON container.id = inside.id
              JOIN entity ON entity.region = container.name
              WHERE container.type = 'place' AND container.subtype = 'region'
            )
            """
    }
}
