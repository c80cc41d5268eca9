/// An event as `score.py` compares them: type, start date, and the gold entity index of its place.
struct EventKey: Equatable {
    var type: String?
    var date: String
    var place: Int?

    /// Same type and place, and one date a prefix of the other (neither empty).
    func matches(_ other: EventKey) -> Bool {
        type == other.type && place == other.place && !date.isEmpty && !other.date.isEmpty
            && (PythonText.hasPrefix(date, other.date) || PythonText.hasPrefix(other.date, date))
    }

    /// Python's `repr` of the tuple, for the "missed event" line.
    var repr: String {
        PythonText.tuple([PythonText.repr(type), PythonText.repr(date), PythonText.repr(place)])
    }
}

extension EvaluationRun {
    /// Matches gold events one-to-one with the document's `timeline` events (one per `event_id`).
    mutating func scoreEvents(_ gold: GoldFile) throws(GazetteError) -> Tally {
        let d = gold.document
        let expected = gold.events.map { event in
            EventKey(
                type: event.type, date: event.date?.start ?? "",
                place: event.place.flatMap { $0.isEmpty ? nil : gold.match([$0]) })
        }
        let columns = try views.store.rows(sql: "PRAGMA table_info(timeline)").column("name").map(
            \.description)
        // One event, several sentences: counted once.
        let group = columns.contains("event_id") ? " GROUP BY event_id" : ""
        let table = try views.store.rows(
            sql: "SELECT event_type, date_start, place FROM timeline WHERE document = ?" + group,
            arguments: [d])
        let found = table.rows.map { row in
            EventKey(
                type: PublicViews.str(row[0]),
                date: PublicViews.isTruthy(row[1]) ? PythonText.str(PublicViews.str(row[1])) : "",
                place: PublicViews.isTruthy(row[2])
                    ? gold.match(views.surfaceForms(of: PublicViews.str(row[2]))) : nil)
        }
        var used = Set<Int>()
        for event in expected {
            if let j = found.indices.first(where: { !used.contains($0) && event.matches(found[$0]) }
            ) {
                used.insert(j)
            } else {
                misses.verbose("\(d): missed event \(event.repr)")
            }
        }
        return Tally(
            matchedPredicted: used.count, predicted: found.count, matchedGold: used.count,
            gold: expected.count)
    }
}
