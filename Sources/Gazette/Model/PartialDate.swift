/// A calendar date known to a year, a month or a day: never more precise than the text.
///
/// For example:
///
/// ```swift
/// PartialDate(year: 2017, month: 11, day: 17).iso  // "2017-11-17"
/// PartialDate(year: 2020).iso                      // "2020"
/// PartialDate(iso: "2019-10")                      // year 2019, month 10
/// ```
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    /// Creates a date; a day without a month is dropped, since it would say nothing.
    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns nil for anything else or an impossible date.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]), let m = month,
                  (1...PartialDate.daysIn(month: m, year: year)).contains(d) else { return nil }
            day = d
        }
        self.init(year: year, month: month, day: day)
    }

    /// The precision this date is known to.
    public var precision: DatePrecision {
        day != nil ? .day : (month != nil ? .month : .year)
    }

    /// ISO 8601 text as precise as known: `2017`, `2017-11` or `2017-11-17`.
    public var iso: String {
        var s = String(format4: year)
        if let month { s += "-" + String(pad2: month) }
        if let day { s += "-" + String(pad2: day) }
        return s
    }

    public var description: String { iso }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    /// Days in a month of the Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// How precisely a date or a date range is known, as stored in `timeline.date_precision`.
public enum DatePrecision: String, Sendable, Hashable, Codable, CaseIterable {
    case day, month, year, range
}

extension String {
    init(pad2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }

    init(format4 value: Int) {
        var digits = "\(value)"
        while digits.utf8.count < 4 { digits = "0" + digits }
        self = digits
    }
}
