/// The events a first import has written, by type, place and start date: in a load into an empty
/// knowledge base every event in the file is one of them, so the writer finds an event reported
/// again here (``agreeing(type:placeID:start:candidates:)``) instead of by four look-ups of the
/// `event_identity` index per event; that index and the event table's others are then built
/// once at the end, like the other bulk-loaded tables'.
///
/// The test is the SQL one's (``WriterStatements/sameEventSQL``) on the same values: a stored
/// start date equal to one of `candidates` (the date and its prefixes), or extending the date
/// (`start` and a "-" begin it: what the SQL's range from `start || '-'` up to `start || '.'`
/// holds), the smallest row id winning. Both are dictionary look-ups: each event is filed under
/// its start date and under each of that date's prefixes ("2020-05" and "2020" of "2020-05-12"),
/// an ISO date's only extendable points, so a look-up reads the ids of the agreeing events only,
/// as the SQL's index ranges do, never all the events of a busy city.
struct LoadedEvents {
    private struct Key: Hashable {
        let type: String
        let placeID: Int64?
        let date: String
    }

    private struct Stored {
        let type: String
        let placeID: Int64?
        var dateStart: String?
        var dateEnd: String?
    }

    private var events: [Int64: Stored] = [:]
    /// Event ids by their exact start date.
    private var byStart: [Key: [Int64]] = [:]
    /// Event ids by each prefix of their start date that ends before a "-".
    private var byPrefix: [Key: [Int64]] = [:]

    /// How many events are held.
    var count: Int { events.count }

    /// A new event row, with the dates it was written with.
    mutating func add(id: Int64, type: String, placeID: Int64?, dateStart: String?, dateEnd: String?) {
        events[id] = Stored(type: type, placeID: placeID, dateStart: dateStart, dateEnd: dateEnd)
        file(id, type: type, placeID: placeID, dateStart: dateStart, adding: true)
    }

    /// The event of this type and place whose start date agrees with `start` (the smallest row id
    /// of those that do) and its stored dates; nil when none does.
    func agreeing(type: String, placeID: Int64?, start: String, candidates: [String])
        -> (id: Int64, dateStart: String?, dateEnd: String?)? {
        var best: Int64?
        for date in candidates {
            for id in byStart[Key(type: type, placeID: placeID, date: date)] ?? [] where best.map({ id < $0 }) ?? true { best = id }
        }
        for id in byPrefix[Key(type: type, placeID: placeID, date: start)] ?? [] where best.map({ id < $0 }) ?? true { best = id }
        guard let best, let stored = events[best] else { return nil }
        return (best, stored.dateStart, stored.dateEnd)
    }

    /// The dates an update wrote to event `id`.
    mutating func setDates(id: Int64, dateStart: String?, dateEnd: String?) {
        guard let stored = events[id] else { return }
        file(id, type: stored.type, placeID: stored.placeID, dateStart: stored.dateStart, adding: false)
        events[id]?.dateStart = dateStart
        events[id]?.dateEnd = dateEnd
        file(id, type: stored.type, placeID: stored.placeID, dateStart: dateStart, adding: true)
    }

    /// Files event `id` under its start date and the date's prefixes, or takes it out.
    private mutating func file(_ id: Int64, type: String, placeID: Int64?, dateStart: String?, adding: Bool) {
        guard let date = dateStart else { return }
        func update(_ table: inout [Key: [Int64]], _ key: Key) {
            if adding {
                table[key, default: []].append(id)
            } else {
                table[key]?.removeAll { $0 == id }
            }
        }
        update(&byStart, Key(type: type, placeID: placeID, date: date))
        for dash in date.utf8.indices where date.utf8[dash] == UInt8(ascii: "-") {
            update(&byPrefix, Key(type: type, placeID: placeID, date: String(date[..<dash])))
        }
    }
}
