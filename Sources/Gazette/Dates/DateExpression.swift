/// One date expression found in a text, with offsets in Unicode scalars into the input string.
///
/// ```swift
/// // "Die Delegation besuchte vom 11. bis 13. Deutschland." after "Anfang Oktober" (2023):
/// // text "vom 11. bis 13.", dateStart 2023-10-11, dateEnd 2023-10-13, precision .range
/// ```
public struct DateExpression: Sendable, Hashable, Codable {
    /// The matched words, e.g. "vom 11. bis 13." or "mid-October".
    public var text: String
    /// Unicode-scalar offset of the first scalar, relative to the input string.
    public var start: Int
    /// One past the last scalar.
    public var end: Int
    /// The date, or the first day/month/year of a range.
    public var dateStart: PartialDate
    /// The last day/month/year of a range; nil for a single date.
    public var dateEnd: PartialDate?
    /// `.day`, `.month` or `.year` as precise as the text; `.range` when `dateEnd` is set.
    public var precision: DatePrecision
    /// `"<lang>/dates.tsv#<id>"`: the pattern row that produced this expression.
    public var rule: String

    public init(text: String, start: Int, end: Int, dateStart: PartialDate, dateEnd: PartialDate?,
                precision: DatePrecision, rule: String) {
        self.text = text
        self.start = start
        self.end = end
        self.dateStart = dateStart
        self.dateEnd = dateEnd
        self.precision = precision
        self.rule = rule
    }

    // PartialDate is not Codable itself, so dates are coded as their ISO text ("2017", "2017-10", "2017-10-31").
    private enum CodingKeys: String, CodingKey {
        case text, start, end, dateStart, dateEnd, precision, rule
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        start = try c.decode(Int.self, forKey: .start)
        end = try c.decode(Int.self, forKey: .end)
        let startISO = try c.decode(String.self, forKey: .dateStart)
        guard let s = PartialDate(iso: startISO) else {
            throw DecodingError.dataCorruptedError(forKey: .dateStart, in: c, debugDescription: "not an ISO date: \(startISO)")
        }
        dateStart = s
        if let endISO = try c.decodeIfPresent(String.self, forKey: .dateEnd) {
            guard let e = PartialDate(iso: endISO) else {
                throw DecodingError.dataCorruptedError(forKey: .dateEnd, in: c, debugDescription: "not an ISO date: \(endISO)")
            }
            dateEnd = e
        } else {
            dateEnd = nil
        }
        precision = try c.decode(DatePrecision.self, forKey: .precision)
        rule = try c.decode(String.self, forKey: .rule)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(dateStart.iso, forKey: .dateStart)
        try c.encodeIfPresent(dateEnd?.iso, forKey: .dateEnd)
        try c.encode(precision, forKey: .precision)
        try c.encode(rule, forKey: .rule)
    }
}

/// What earlier sentences of the same document said about dates, so that a bare day range such as
/// "vom 11. bis 13." can borrow its month and year. Create one per document and pass it to every call
/// of ``TemporalNormalizer/dates(in:reference:context:)`` in reading order.
public struct DateContext: Sendable, Hashable {
    /// Year of the last date mentioned with a month (explicit or resolved, e.g. "Anfang Oktober").
    public internal(set) var year: Int?
    /// Month of the last date mentioned with a month.
    public internal(set) var month: Int?
    /// The last bare day range ("vom 11. bis 13."), resolved: a following bare range that starts on a
    /// later day ("vom 14. bis 15.") continues in the same month, even if a background date
    /// ("Im März dieses Jahres") was mentioned in between. A day-precise explicit date ends the chain.
    var chainYear: Int?
    var chainMonth: Int?
    var chainDay: Int?

    public init() {}
}
