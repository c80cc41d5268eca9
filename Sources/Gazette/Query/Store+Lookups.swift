import Foundation
import GRDB

/// The JSON columns of the public views, printed as JSON rather than as strings.
let publicJSONColumns: Set<String> = ["aliases", "documents", "participants", "attributes"]

extension Store {
    // MARK: - Entities

    /// Resolved entities, optionally of one type and of one country or region, by type and name.
    ///
    /// For example:
    ///
    /// ```swift
    /// try store.entities(type: .organization, country: "Germany")  // BASF, Leoni, Siemens …
    /// ```
    ///
    /// `country` is matched against the entity's country or region; a country's other names
    /// ("Deutschland") are resolved to its canonical English name first.
    public func entities(type: EntityType? = nil, country: String? = nil) throws(GazetteError) -> ResultTable {
        let countryName = try country.map { name throws(GazetteError) in try canonicalPlaceName(name) }
        return try table(sql: """
            SELECT name, type, subtype, country, country_source, region, mentions, aliases, documents
            FROM entity_summary
            WHERE (:type IS NULL OR type = :type)
              AND (:country IS NULL OR country = :country COLLATE NOCASE OR region = :country COLLATE NOCASE)
            ORDER BY type, name COLLATE NOCASE
            """, arguments: Store.arguments(["type": type?.rawValue, "country": countryName]),
            jsonColumns: publicJSONColumns)
    }

    /// The canonical name of a country or region given under another name, else the name as given.
    func canonicalPlaceName(_ name: String) throws(GazetteError) -> String {
        let places = try resolveEntities(name).filter { $0.type == EntityType.place.rawValue }
        if places.count == 1, let place = places.first { return place.name }
        return name
    }

    // MARK: - Facts

    /// Relationships with each supporting sentence, optionally of one predicate and naming one
    /// entity (as subject or object), by predicate, subject and object.
    ///
    /// For example:
    ///
    /// ```swift
    /// try store.facts(predicate: .hasJointVentureIn)  // Clariant → Panjin, Dynasol → Panjin, Leoni → Panjin
    /// try store.facts(entity: "Soren Link")           // holds_position Duisburg {"role":"mayor"}
    /// ```
    ///
    /// - Throws: ``GazetteError/unknownEntity(name:suggestions:)`` when `entity` names nothing.
    public func facts(predicate: RelationPredicate? = nil, entity: String? = nil) throws(GazetteError) -> ResultTable {
        let ids = try entity.map { name throws(GazetteError) in Store.jsonArray(try entities(named: name).map(\.id)) }
        return try table(sql: """
            SELECT fact_id, subject, predicate, object, attributes, confidence, document, sentence, rule
            FROM facts
            WHERE (:predicate IS NULL OR predicate = :predicate)
              AND (:ids IS NULL OR fact_id IN (
                    SELECT id FROM relationship
                    WHERE subject_id IN (SELECT value FROM json_each(:ids))
                       OR object_id IN (SELECT value FROM json_each(:ids))))
            ORDER BY predicate, subject, object, document, start
            """, arguments: Store.arguments(["predicate": predicate?.rawValue, "ids": ids]),
            jsonColumns: publicJSONColumns)
    }

    // MARK: - Joint ventures

    /// The headline question: established joint ventures with their evidence, optionally of firms
    /// from one region or country, in one place or anywhere within it (see ``Containment``), by
    /// firm, place and document: the `joint_ventures` view's rows.
    ///
    /// For example:
    ///
    /// ```swift
    /// try store.jointVentures(region: "Europe", place: "Liaoning")  // Clariant, Dynasol, Leoni in Panjin
    /// try store.jointVentures(region: "Europe", limit: 50)          // the first 50; .truncated if more
    /// ```
    ///
    /// The statement walks the firms in name order (through the `entity_region_name` index when a
    /// region is given) and stops at `limit`: the first rows of a large file come without reading
    /// and sorting every joint venture first.
    ///
    /// - Throws: ``GazetteError/unknownEntity(name:suggestions:)`` when `place` names nothing.
    public func jointVentures(region: String? = nil, country: String? = nil,
                              place: String? = nil, limit: Int? = nil) throws(GazetteError) -> ResultTable {
        let countryName = try country.map { name throws(GazetteError) in try canonicalPlaceName(name) }
        let within = try place.map { name throws(GazetteError) in try containerNames(name) }
        var arguments: [String: (any DatabaseValueConvertible)?] = [:]
        // Conditions are added only when given: an `:x IS NULL OR …` test would keep SQLite
        // from using the region index.
        var conditions: [String] = []
        if let region {
            conditions.append("firm.region = :region COLLATE NOCASE")
            arguments["region"] = region
        }
        if let countryName {
            conditions.append("firm.country = :country COLLATE NOCASE")
            arguments["country"] = countryName
        }
        if let within {
            conditions.append("place.id IN (SELECT id FROM inside)")
            arguments["within"] = within
        }
        let with = within == nil ? "WITH " : Containment.withClause(parameter: "within") + ",\n"
        let filter = conditions.isEmpty ? "" : "\n  WHERE " + conditions.joined(separator: "\n    AND ")
        // CROSS JOIN fixes the join order: firms first, in the order shown. Rows are picked and
        // cut on the evidence rows; documents and sentences are read for the rows shown only.
        return try table(sql: with + """
            picked AS (
              SELECT firm.name AS firm, firm.country AS firm_country, firm.region AS firm_region,
                     place.name AS place, place.country AS place_country, relationship.id AS fact_id,
                     fact_evidence.document_id, fact_evidence.sentence_id, fact_evidence.match_start
              FROM entity AS firm
              CROSS JOIN relationship INDEXED BY \(Store.relationshipBySubject) ON relationship.subject_id = firm.id
                                     AND relationship.predicate = 'has_joint_venture_in'
              CROSS JOIN entity AS place ON place.id = relationship.object_id
              CROSS JOIN fact_evidence ON fact_evidence.relationship_id = relationship.id\(filter)
              ORDER BY firm.name COLLATE NOCASE, place.name COLLATE NOCASE, relationship.id,
                       fact_evidence.document_id, fact_evidence.match_start\(limit.map { "\n  LIMIT \($0 + 1)" } ?? "")
            )
            SELECT firm, firm_country, firm_region, place, place_country, document.name AS document,
                   substr(document.text, sentence.start + 1, sentence."end" - sentence.start) AS sentence
            FROM picked
            CROSS JOIN document ON document.id = picked.document_id
            CROSS JOIN sentence ON sentence.id = picked.sentence_id
            ORDER BY firm COLLATE NOCASE, place COLLATE NOCASE, fact_id, picked.document_id, picked.match_start
            """, arguments: Store.arguments(arguments), limit: limit)
    }

    // MARK: - Timeline

    /// Events with each supporting sentence, oldest first, optionally naming one entity (as a
    /// participant or the place), within a date span, of one type.
    ///
    /// Dates are ISO prefixes as precise as wanted (`2019`, `2019-10`, `2019-10-31`); an event
    /// counts when its span reaches `from` and starts by `to` at that precision.
    ///
    /// For example:
    ///
    /// ```swift
    /// try store.timeline(entity: "Panjin", from: "2017", to: "2017")  // membership 2017-10 …
    /// ```
    ///
    /// - Throws: ``GazetteError/invalidArgument(_:)`` for a date that is not an ISO prefix.
    public func timeline(entity: String? = nil, from: String? = nil, to: String? = nil,
                         type: EventType? = nil) throws(GazetteError) -> ResultTable {
        for (name, value) in [("from", from), ("to", to)] {
            if let value, !Store.isISODatePrefix(value) {
                throw .invalidArgument("--\(name) '\(value)' is not a date; use 2019, 2019-10 or 2019-10-31")
            }
        }
        let ids = try entity.map { name throws(GazetteError) in Store.jsonArray(try entities(named: name).map(\.id)) }
        return try table(sql: """
            SELECT event_id, event_type, date_start, date_end, date_precision, place, participants, document, sentence
            FROM timeline
            WHERE (:type IS NULL OR event_type = :type)
              AND (:from IS NULL OR substr(coalesce(date_end, date_start), 1, length(:from)) >= :from)
              AND (:to IS NULL OR substr(date_start, 1, length(:to)) <= :to)
              AND (:ids IS NULL
                   OR event_id IN (SELECT event_id FROM event_participant WHERE entity_id IN (SELECT value FROM json_each(:ids)))
                   OR event_id IN (SELECT id FROM event WHERE place_id IN (SELECT value FROM json_each(:ids))))
            ORDER BY date_start IS NULL, date_start, event_id, document, start
            """, arguments: Store.arguments(["type": type?.rawValue, "from": from, "to": to, "ids": ids]),
            jsonColumns: publicJSONColumns)
    }

    /// `2019`, `2019-10` or `2019-10-31`.
    static func isISODatePrefix(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
        return parts.dropFirst().allSatisfy { $0.count == 2 } && parts.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
