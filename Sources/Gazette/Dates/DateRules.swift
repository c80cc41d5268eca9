import Foundation

/// A rule file could not be read or holds a bad row; `description` names the file and line.
public struct DateRulesError: Error, CustomStringConvertible, LocalizedError, Sendable, Equatable {
    public var file: String
    /// 1-based line number, 0 when the whole file is concerned.
    public var line: Int
    public var message: String

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
    public var errorDescription: String? { description }
}

/// Word classes that `dates.tsv` fills with forms (one or more words each).
enum DatePhraseClass: Int, Sendable, CaseIterable {
    case cue, part, from, between, to, and, article, yearWord, relativeYear, relativeMonth, vague

    var bit: UInt32 { 1 << UInt32(rawValue) }

    /// The `kind` column value that fills this class.
    var kind: String {
        switch self {
        case .cue: "cue"
        case .part: "part"
        case .from: "from"
        case .between: "between"
        case .to: "to"
        case .and: "and"
        case .article: "article"
        case .yearWord: "year_word"
        case .relativeYear: "relative_year"
        case .relativeMonth: "relative_month"
        case .vague: "vague"
        }
    }

    /// The element name used in `pattern` rows (vague phrases are not pattern elements).
    var element: String? {
        switch self {
        case .cue: "CUE"
        case .part: "PART"
        case .from: "FROM"
        case .between: "BETWEEN"
        case .to: "TO"
        case .and: "AND"
        case .article: "ARTICLE"
        case .yearWord: "YEARWORD"
        case .relativeYear: "REL"
        case .relativeMonth: "RELM"
        case .vague: nil
        }
    }
}

/// A form of a phrase class, stored under the atom of its first token.
struct DatePhrase: Sendable {
    var cls: DatePhraseClass
    var rest: [Int32]   // atoms of the following tokens
    var value: Int      // offset for relative_year / relative_month, else 0
}

/// What the rules know about one lower-case word or punctuation scalar.
struct DateAtomInfo: Sendable {
    var month: Int8 = 0
    var monthAbbreviation = false
    var guardedMonth = false
    var ordinal = false
    var classMask: UInt32 = 0
    var phrases: [DatePhrase] = []   // longest first
}

enum DateElementKind: Sendable, Equatable {
    case month(slot: Int)
    case day(slot: Int, ordinal: Bool)
    case monthNumber
    case year(slot: Int)
    case phrase(DatePhraseClass)
    case literal(Int32, Int32, Int32, Int32)   // up to four alternatives, -1 for none
    case capitalizedWord
    case lowercaseWord
}

struct DatePatternElement: Sendable {
    var kind: DateElementKind
    var optional = false
    var attached = false
    var context = false
    var punctuationLiteral = false
}

/// Which tokens a pattern can start on (a cheap filter before trying it).
struct DateFirstSet: Sendable {
    /// The number elements the pattern can start with, as ``DateTables/numberFits(digits:value:)`` bits.
    var numberKinds: UInt8 = 0
    var month = false
    var anyWord = false
    var classMask: UInt32 = 0
    var literals: [Int32] = []
}

struct DatePattern: Sendable {
    var id: String
    var rule: String
    var elements: [DatePatternElement]
    var first: DateFirstSet
}

/// The month names (`months.tsv`) and date cue words and patterns (`dates.tsv`) of one language,
/// turned into lookup tables once and shared by every document.
///
/// `dates.tsv` has the columns `id`, `kind`, `form`, `value`, `example`; see the comment header of
/// `seeds/rules/en/dates.tsv` for the kinds and the pattern element syntax.
public struct DateRules: Sendable {
    public let language: Language
    let tables: DateTables

    /// The pattern rows, in file order.
    var patterns: [DatePattern] { tables.patterns }

    /// Reads `<directory>/<lang>/months.tsv` and `<directory>/<lang>/dates.tsv`.
    public init(directory: URL, language: Language) throws {
        let folder = directory.appendingPathComponent(language.rawValue, isDirectory: true)
        var b = Builder(language: language)
        try b.loadMonths(url: folder.appendingPathComponent("months.tsv"))
        try b.loadDates(url: folder.appendingPathComponent("dates.tsv"))
        self.language = language
        tables = DateTables(b)
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    static func mix(_ h: UInt64, _ v: UInt32) -> UInt64 { (h ^ UInt64(v)) &* fnvPrime }

    static func hash(_ scalars: [UInt32]) -> UInt64 {
        var h = fnvOffset
        for v in scalars { h = mix(h, v) }
        return h
    }

    /// Lower-cases ASCII and Latin-1 letters; other scalars are returned unchanged.
    @inline(__always)
    static func lower(_ v: UInt32) -> UInt32 {
        if v >= 0x41 && v <= 0x5A { return v + 0x20 }
        if v >= 0xC0 && v <= 0xDE && v != 0xD7 { return v + 0x20 }
        return v
    }

    @inline(__always)
    static func isUpper(_ v: UInt32) -> Bool {
        (v >= 0x41 && v <= 0x5A) || (v >= 0xC0 && v <= 0xDE && v != 0xD7)
    }

    /// Letters that can occur in words: ASCII, Latin-1 and Latin Extended, combining marks, and any
    /// other alphabetic scalar (such words never match a rule form).
    @inline(__always)
    static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v < 0xC0 { return v == 0xAA || v == 0xB5 || v == 0xBA }
        if v <= 0x24F { return v != 0xD7 && v != 0xF7 }
        if v >= 0x300 && v <= 0x36F { return true }
        // Frequent non-letters: general punctuation (quotes, dashes, bullets), currency, arrows and
        // symbols, CJK punctuation, full-width punctuation.
        if (v >= 0x2000 && v <= 0x2BFF) || (v >= 0x3000 && v <= 0x303F) || (v >= 0xFF00 && v <= 0xFF0F) { return false }
        if v >= 0x4E00 && v <= 0x9FFF { return true }   // CJK ideographs
        return Unicode.Scalar(v)?.properties.isAlphabetic ?? false
    }

    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return v == 0x85 || v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200D) || v == 0x2028
            || v == 0x2029 || v == 0x202F || v == 0x205F || v == 0x3000 || v == 0xFEFF
    }
}

/// The lookup tables of one language, built once; a class so that handing the rules around costs
/// one reference count, not one per table.
final class DateTables: Sendable {
    let atomIndex: [UInt64: Int32]      // FNV-1a hash of lower-case word scalars → atom
    let atomScalars: [[UInt32]]         // lower-case scalars per atom (to verify a hash hit)
    let punctuationAtoms: [UInt32: Int32]
    let atoms: [DateAtomInfo]
    let atomMonth: [Int8]               // hot fields of `atoms`, flat
    let atomClassMask: [UInt32]
    let atomFlags: [UInt8]              // 1 abbreviation, 2 guarded month, 4 ordinal suffix
    let maxWordLength: Int
    /// Open-addressing table over `atomIndex` (hash, atom), a power of two long; atom -1 = empty.
    let wordTable: [(UInt64, Int32)]
    /// Atom per punctuation scalar below U+2100 (-1: none).
    let punctuationTable: [Int32]
    let patterns: [DatePattern]
    /// Every pattern's elements in one array, pattern after pattern, and where each pattern's
    /// are: the matcher reads a pattern's elements from one buffer made once a sentence
    /// (`patterns[p].elements` retained and released the pattern's array at every try).
    let allElements: [DatePatternElement]
    let elementRanges: [Range<Int>]
    /// Indices of the patterns that can start on a token: by atom, on any number, on any word.
    let startPatternsByAtom: [[Int]]
    /// Indexed by the bits of ``numberFits(digits:value:)``: a number that fills none of a pattern's first
    /// number elements does not start it ("100", "15.000", and a year tries no day pattern).
    /// A third of the numbers in news start none; all of them tried every number pattern, a
    /// recursive step or three each.
    let numberStartPatterns: [[Int]]
    let wordStartPatterns: [Int]
    /// Per pattern: at most this many tokens lie before its first core token (number, month name,
    /// relative year or month); a start further from the next core token cannot match.
    let maxLead: [Int]
    /// Per pattern: the kinds of core token it cannot match without, from its elements that are
    /// not optional: ``fitsDay``, ``fitsMonthNumber``, ``fitsYear`` (a number that fills such an
    /// element), ``hasMonthName``, ``hasRelativePhrase``. A sentence without one of them is not
    /// tried for the pattern.
    let requiredCores: [UInt8]
    /// Bit `p` set for each set `p` of ``requiredCores`` bits that holds some pattern's whole:
    /// a sentence whose core tokens make none of them has no date.
    let satisfiable: UInt64
    /// The largest of ``maxLead``: a token further than this from the next core token starts no
    /// pattern (kept here, not found again for every sentence).
    let maxLeadAll: Int
    let yearMin: Int
    let yearMax: Int

    fileprivate init(_ b: Builder) {
        atomIndex = b.atomIndex
        atomScalars = b.atomScalars
        punctuationAtoms = b.punctuationAtoms
        atoms = b.atoms.map { info in
            var info = info
            info.phrases.sort { $0.rest.count > $1.rest.count }
            return info
        }
        atomMonth = b.atoms.map(\.month)
        atomClassMask = b.atoms.map(\.classMask)
        atomFlags = b.atoms.map { ($0.monthAbbreviation ? 1 : 0) | ($0.guardedMonth ? 2 : 0) | ($0.ordinal ? 4 : 0) }
        maxWordLength = b.atomScalars.map(\.count).max() ?? 0
        var size = 64
        while size < b.atomIndex.count * 4 { size *= 2 }
        var table = [(UInt64, Int32)](repeating: (0, -1), count: size)
        for (h, a) in b.atomIndex {
            var k = Int(truncatingIfNeeded: h ^ (h >> 29)) & (size - 1)
            while table[k].1 >= 0 { k = (k + 1) & (size - 1) }
            table[k] = (h, a)
        }
        wordTable = table
        var punctuation = [Int32](repeating: -1, count: 0x2100)
        for (v, a) in b.punctuationAtoms where v < 0x2100 { punctuation[Int(v)] = a }
        punctuationTable = punctuation
        patterns = b.patterns
        var elements: [DatePatternElement] = []
        var ranges: [Range<Int>] = []
        for p in b.patterns {
            ranges.append(elements.count..<(elements.count + p.elements.count))
            elements += p.elements
        }
        allElements = elements
        elementRanges = ranges
        var phraseLength = [Int](repeating: 1, count: DatePhraseClass.allCases.count)
        for info in b.atoms {
            for p in info.phrases { phraseLength[p.cls.rawValue] = max(phraseLength[p.cls.rawValue], 1 + p.rest.count) }
        }
        var byAtom = [[Int]](repeating: [], count: b.atoms.count)
        var numbers = [[Int]](repeating: [], count: 8), words: [Int] = [], leads: [Int] = [], cores: [UInt8] = []
        for (pi, p) in b.patterns.enumerated() {
            let f = p.first
            for fits in numbers.indices where Int(f.numberKinds) & fits != 0 { numbers[fits].append(pi) }
            if f.anyWord { words.append(pi) }
            for (a, info) in b.atoms.enumerated()
            where (f.month && info.month != 0) || (f.classMask & info.classMask) != 0 || f.literals.contains(Int32(a)) {
                byAtom[a].append(pi)
            }
            var lead = 0
            for e in p.elements {
                switch e.kind {
                case .month, .day, .monthNumber, .year, .phrase(.relativeYear), .phrase(.relativeMonth): break
                case .phrase(let cls): lead += phraseLength[cls.rawValue]; continue
                default: lead += 1; continue
                }
                break
            }
            leads.append(lead)
            var required: UInt8 = 0
            for e in p.elements where !e.optional {
                switch e.kind {
                case .day: required |= required & DateTables.fitsDay == 0 ? DateTables.fitsDay : DateTables.hasTwoDays
                case .monthNumber: required |= DateTables.fitsMonthNumber
                case .year: required |= DateTables.fitsYear
                case .month: required |= DateTables.hasMonthName
                case .phrase(.relativeYear), .phrase(.relativeMonth): required |= DateTables.hasRelativePhrase
                default: break
                }
            }
            cores.append(required)
        }
        startPatternsByAtom = byAtom
        numberStartPatterns = numbers
        wordStartPatterns = words
        maxLead = leads
        requiredCores = cores
        satisfiable = (0..<64).reduce(0) { bits, p in cores.contains { Int($0) & ~p == 0 } ? bits | 1 << UInt64(p) : bits }
        maxLeadAll = leads.max() ?? 0
        yearMin = b.yearMin
        yearMax = b.yearMax
    }
}

extension DateTables {
    static let fitsDay: UInt8 = 1, fitsMonthNumber: UInt8 = 2, fitsYear: UInt8 = 4
    /// ``requiredCores`` bits of a month name and a whole relative year or month phrase, and of a
    /// second number that fills a day ("vom 11. bis 13."): a pattern with two day elements needs two.
    static let hasMonthName: UInt8 = 8, hasRelativePhrase: UInt8 = 16, hasTwoDays: UInt8 = 32

    /// The ``requiredCores`` bits of a sentence's core tokens so far, `present`, with a number
    /// that fills `fits` (``numberFits(digits:value:)``) added.
    @inline(__always)
    static func adding(fits: Int, to present: Int) -> Int {
        present | fits | (fits & present & Int(fitsDay)) << 5
    }
    /// The index of ``numberStartPatterns`` that holds every pattern that starts with a number.
    static let fitsAny = Int(fitsDay | fitsMonthNumber | fitsYear)

    /// Which number elements a number token can fill by its digits and value (the tests of
    /// ``DateMatcher``'s `step` that read nothing else): ``fitsDay`` (one or two digits, 1–31),
    /// ``fitsMonthNumber`` (1–12), ``fitsYear`` (four digits between the year bounds).
    @inline(__always)
    func numberFits(digits: UInt8, value: Int32) -> Int {
        if digits <= 2 {
            return value >= 1 && value <= 12 ? Int(DateTables.fitsDay | DateTables.fitsMonthNumber)
                : value >= 1 && value <= 31 ? Int(DateTables.fitsDay) : 0
        }
        return digits == 4 && Int(value) >= yearMin && Int(value) <= yearMax ? Int(DateTables.fitsYear) : 0
    }

    /// The atom whose word hash is `h`, or -1 (the caller verifies the scalars).
    @inline(__always)
    func lookup(_ h: UInt64) -> Int32 {
        let mask = wordTable.count - 1
        var k = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while true {
            let e = wordTable[k]
            if e.1 < 0 { return -1 }
            if e.0 == h { return e.1 }
            k = (k + 1) & mask
        }
    }
}

// MARK: - Loading

fileprivate struct Builder {
    let language: Language
    var atomIndex: [UInt64: Int32] = [:]
    var atomScalars: [[UInt32]] = []
    var punctuationAtoms: [UInt32: Int32] = [:]
    var atoms: [DateAtomInfo] = []
    var patterns: [DatePattern] = []
    var yearMin = 1800
    var yearMax = 2100
    var monthForms: [(form: [UInt32], month: Int, atom: Int32)] = []

    init(language: Language) { self.language = language }

    mutating func internWord(_ scalars: [UInt32]) -> Int32 {
        let h = DateRules.hash(scalars)
        if let a = atomIndex[h] {
            precondition(atomScalars[Int(a)] == scalars, "hash collision in date rules")
            return a
        }
        let a = Int32(atoms.count)
        atoms.append(DateAtomInfo())
        atomScalars.append(scalars)
        atomIndex[h] = a
        return a
    }

    mutating func internPunctuation(_ v: UInt32) -> Int32 {
        if let a = punctuationAtoms[v] { return a }
        let a = Int32(atoms.count)
        atoms.append(DateAtomInfo())
        atomScalars.append([])   // never matched as a word
        punctuationAtoms[v] = a
        return a
    }

    /// Splits a form into word and punctuation atoms, the way the scanner tokenizes text.
    mutating func atoms(ofForm form: String, file: String, line: Int) throws -> [Int32] {
        var result: [Int32] = []
        var word: [UInt32] = []
        func flush(_ b: inout Builder) {
            if !word.isEmpty { result.append(b.internWord(word)); word.removeAll() }
        }
        for s in form.lowercased().unicodeScalars {
            let v = DateRules.lower(s.value)
            if DateRules.isLetter(v) {
                word.append(v)
            } else if v >= 0x30 && v <= 0x39 {
                throw DateRulesError(file: file, line: line, message: "form '\(form)' contains a digit; numbers are pattern elements")
            } else if DateRules.isSpace(v) {
                flush(&self)
            } else {
                flush(&self)
                result.append(internPunctuation(v))
            }
        }
        flush(&self)
        if result.isEmpty { throw DateRulesError(file: file, line: line, message: "empty form") }
        return result
    }

    static func read(_ url: URL) throws -> [(line: Int, columns: [String])] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw DateRulesError(file: url.path, line: 0, message: "cannot read rule file: \(error.localizedDescription)")
        }
        var rows: [(Int, [String])] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            rows.append((i + 1, columns))
        }
        return rows
    }

    mutating func loadMonths(url: URL) throws {
        let file = url.path
        for (line, columns) in try Builder.read(url) {
            guard columns.count >= 2, !columns[0].isEmpty else {
                throw DateRulesError(file: file, line: line, message: "expected 'form<TAB>month'")
            }
            guard let month = Int(columns[1]), (1...12).contains(month) else {
                throw DateRulesError(file: file, line: line, message: "month must be a number 1-12, got '\(columns[1])'")
            }
            let forms = try atoms(ofForm: columns[0], file: file, line: line)
            guard forms.count == 1, !atomScalars[Int(forms[0])].isEmpty else {
                throw DateRulesError(file: file, line: line, message: "a month form must be one word, got '\(columns[0])'")
            }
            let a = forms[0]
            if atoms[Int(a)].month != 0 && Int(atoms[Int(a)].month) != month {
                throw DateRulesError(file: file, line: line, message: "'\(columns[0])' is already month \(atoms[Int(a)].month)")
            }
            atoms[Int(a)].month = Int8(month)
            monthForms.append((atomScalars[Int(a)], month, a))
        }
        if monthForms.isEmpty { throw DateRulesError(file: file, line: 0, message: "no month rows") }
        // An abbreviation is a form that is a proper prefix of a longer form of the same month
        // ("nov" of "november", "sept" of "september"): it needs a period or a number after it.
        for m in monthForms {
            let isPrefix = monthForms.contains { other in
                other.month == m.month && other.form.count > m.form.count && Array(other.form.prefix(m.form.count)) == m.form
            }
            if isPrefix { atoms[Int(m.atom)].monthAbbreviation = true }
        }
    }

    mutating func loadDates(url: URL) throws {
        let file = url.path
        let name = "\(language.rawValue)/dates.tsv"
        var ids = Set<String>()
        for (line, columns) in try Builder.read(url) {
            guard columns.count >= 3 else {
                throw DateRulesError(file: file, line: line, message: "expected at least 3 tab-separated columns (id, kind, form), got \(columns.count)")
            }
            let id = columns[0], kind = columns[1], form = columns[2]
            let value = columns.count > 3 ? columns[3] : ""
            guard !id.isEmpty, !id.contains(where: { $0 == " " || $0 == "#" }) else {
                throw DateRulesError(file: file, line: line, message: "bad id '\(id)'")
            }
            guard ids.insert(id).inserted else {
                throw DateRulesError(file: file, line: line, message: "duplicate id '\(id)'")
            }
            guard !form.isEmpty else { throw DateRulesError(file: file, line: line, message: "empty form") }
            if let cls = DatePhraseClass.allCases.first(where: { $0.kind == kind }) {
                var offset = 0
                if cls == .relativeYear || cls == .relativeMonth {
                    guard let v = Int(value.replacingOccurrences(of: "+", with: "")) else {
                        throw DateRulesError(file: file, line: line, message: "\(kind) needs an integer offset in the value column, got '\(value)'")
                    }
                    offset = v
                }
                let forms = try atoms(ofForm: form, file: file, line: line)
                let first = Int(forms[0])
                atoms[first].phrases.append(DatePhrase(cls: cls, rest: Array(forms.dropFirst()), value: offset))
                atoms[first].classMask |= cls.bit
                continue
            }
            switch kind {
            case "ordinal":
                let forms = try atoms(ofForm: form, file: file, line: line)
                guard forms.count == 1, !atomScalars[Int(forms[0])].isEmpty else {
                    throw DateRulesError(file: file, line: line, message: "an ordinal suffix must be one word")
                }
                atoms[Int(forms[0])].ordinal = true
            case "guarded_month":
                let forms = try atoms(ofForm: form, file: file, line: line)
                guard forms.count == 1, atoms[Int(forms[0])].month != 0 else {
                    throw DateRulesError(file: file, line: line, message: "'\(form)' is not a month form of months.tsv")
                }
                atoms[Int(forms[0])].guardedMonth = true
            case "setting":
                guard let v = Int(value) else {
                    throw DateRulesError(file: file, line: line, message: "setting '\(form)' needs an integer value, got '\(value)'")
                }
                switch form {
                case "year_min": yearMin = v
                case "year_max": yearMax = v
                default: throw DateRulesError(file: file, line: line, message: "unknown setting '\(form)' (year_min, year_max)")
                }
            case "pattern":
                let elements = try parsePattern(form, file: file, line: line)
                patterns.append(DatePattern(id: id, rule: "\(name)#\(id)", elements: elements, first: firstSet(elements)))
            default:
                let known = DatePhraseClass.allCases.map(\.kind) + ["ordinal", "guarded_month", "setting", "pattern"]
                throw DateRulesError(file: file, line: line, message: "unknown kind '\(kind)' (one of \(known.joined(separator: ", ")))")
            }
        }
        if patterns.isEmpty { throw DateRulesError(file: file, line: 0, message: "no pattern rows") }
        if yearMin > yearMax { throw DateRulesError(file: file, line: 0, message: "year_min > year_max") }
    }

    mutating func parsePattern(_ form: String, file: String, line: Int) throws -> [DatePatternElement] {
        let words = form.split(separator: " ").map(String.init)
        var elements: [DatePatternElement] = []
        for (index, word) in words.enumerated() {
            var w = Substring(word)
            var e = DatePatternElement(kind: .capitalizedWord)
            if w.hasPrefix("(") && w.hasSuffix(")") && w.count > 2 {
                e.context = true
                w = w.dropFirst().dropLast()
            }
            if w.hasPrefix("+") && w.count > 1 { e.attached = true; w = w.dropFirst() }
            if w.hasSuffix("?") && w.count > 1 { e.optional = true; w = w.dropLast() }
            let name = String(w)
            switch name {
            case "MONTH": e.kind = .month(slot: 0)
            case "MONTH2": e.kind = .month(slot: 1)
            case "DAY": e.kind = .day(slot: 0, ordinal: false)
            case "DAY2": e.kind = .day(slot: 1, ordinal: false)
            case "DAYTH": e.kind = .day(slot: 0, ordinal: true)
            case "DAYTH2": e.kind = .day(slot: 1, ordinal: true)
            case "MNUM": e.kind = .monthNumber
            case "YEAR": e.kind = .year(slot: 0)
            case "YEAR2": e.kind = .year(slot: 1)
            case "CAPWORD": e.kind = .capitalizedWord
            case "LOWWORD": e.kind = .lowercaseWord
            default:
                if let cls = DatePhraseClass.allCases.first(where: { $0.element == name }) {
                    e.kind = .phrase(cls)
                } else if name.allSatisfy({ $0.isUppercase || $0.isNumber }) && name.contains(where: \.isLetter) {
                    throw DateRulesError(file: file, line: line, message: "unknown pattern element '\(name)'")
                } else {
                    var alternatives: [Int32] = []
                    for alt in name.split(separator: "|") {
                        let a = try atoms(ofForm: String(alt), file: file, line: line)
                        guard a.count == 1 else {
                            throw DateRulesError(file: file, line: line, message: "literal '\(alt)' must be one word or one punctuation mark")
                        }
                        alternatives.append(a[0])
                    }
                    guard !alternatives.isEmpty else {
                        throw DateRulesError(file: file, line: line, message: "empty literal in pattern")
                    }
                    guard alternatives.count <= 4 else {
                        throw DateRulesError(file: file, line: line, message: "at most four alternatives in '\(name)'")
                    }
                    let alt = alternatives + [Int32](repeating: -1, count: 4 - alternatives.count)
                    e.kind = .literal(alt[0], alt[1], alt[2], alt[3])
                    e.punctuationLiteral = alternatives.allSatisfy { atomScalars[Int($0)].isEmpty }
                }
            }
            if e.context && index != 0 && index != words.count - 1 {
                throw DateRulesError(file: file, line: line, message: "context element '\(word)' must be first or last")
            }
            elements.append(e)
        }
        guard elements.contains(where: { !$0.context && !$0.optional }) else {
            throw DateRulesError(file: file, line: line, message: "pattern needs at least one required element outside context")
        }
        return elements
    }

    func firstSet(_ elements: [DatePatternElement]) -> DateFirstSet {
        var f = DateFirstSet()
        for e in elements {
            switch e.kind {
            case .month: f.month = true
            case .day: f.numberKinds |= DateTables.fitsDay
            case .monthNumber: f.numberKinds |= DateTables.fitsMonthNumber
            case .year: f.numberKinds |= DateTables.fitsYear
            case .phrase(let cls): f.classMask |= cls.bit
            case .literal(let a, let b, let c, let d): f.literals += [a, b, c, d].filter { $0 >= 0 }
            case .capitalizedWord, .lowercaseWord: f.anyWord = true
            }
            if !e.optional { break }
        }
        return f
    }
}
