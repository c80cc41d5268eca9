import Foundation

/// Reads title, dateline, publication date and source from the head of a normalized text.
///
/// Datelines come in the shapes the genre uses:
///
/// ```text
/// PANJIN, China, Nov. 17, 2017 /PRNewswire/ -- Panjin, a coastal city …
/// SHENYANG, China, 26. Oktober 2023 — Eine Wirtschafts- und Handelsdelegation …
///  date 2019-11-04 SHANGHAI, Nov. 4, 2019 /PRNewswire/ -- On October 31, …
/// BEIJING, March 3 (Xinhua) -- …
/// ```
public struct MetadataExtractor: Sendable {
    let rules: NormalizationRules
    /// Wire markers, folded once: `(key, source)`.
    let markers: [(key: [UInt8], source: String)]
    /// The markers (indices into ``markers``, in order) whose key starts with byte value `b` are
    /// `markersByFirstByte[firstByteStart[b] ..< firstByteStart[b + 1]]`: the head is read once,
    /// not once per marker, and a byte no marker starts with costs two integer loads (an array of
    /// arrays retained and released the inner array at every byte of the head: 94,000
    /// instructions a document).
    let firstByteStart: [Int]
    let markersByFirstByte: [Int]

    public init(rules: NormalizationRules) {
        self.rules = rules
        markers = rules.sources.map { (Array(Folding.key($0.marker).utf8), $0.source) }
        var byFirstByte = [[Int]](repeating: [], count: 256)
        for (index, marker) in markers.enumerated() {
            if let first = marker.key.first { byFirstByte[Int(first)].append(index) }
        }
        var starts = [0]
        for list in byFirstByte { starts.append(starts[starts.count - 1] + list.count) }
        firstByteStart = starts
        markersByFirstByte = byFirstByte.flatMap { $0 }
    }

    /// The parts of a dateline: its city, its date and where the body text starts after it.
    public struct Dateline: Sendable, Hashable {
        public var city: String?
        public var date: PartialDate?
        /// The date of a leading `date YYYY-MM-DD` line, if any.
        public var stamp: PartialDate?
        /// Offset (in Unicode scalars) where the body starts after the dateline's dash.
        public var bodyStart: Int = 0
    }

    /// A headline: the first line, when it is short, does not end a sentence and is not a dateline.
    public func title(of text: String) -> String? {
        // Web pages put a navigation bar ("Home | News | Contact") above the headline: skip it.
        let lines = MetadataExtractor.headLines(text, 4, omittingEmpty: true)
        guard lines.count >= 2, let first = lines.first(where: { MetadataExtractor.barSeparators(in: $0) < 2 }),
              first != lines.last else { return nil }
        // Counted up to 251 characters: a paragraph is one line, and only the bounds matter.
        let length = MetadataExtractor.characterCount(of: first, upTo: 251)
        guard length <= 250, length >= 8, let last = first.last,
              !(last == "." || last == ":" || last == ";" || last == ",") else { return nil }
        if dateline(in: first) != nil { return nil }
        if MetadataExtractor.wordCount(of: first, upTo: 3) < 3 { return nil }
        return String(first)
    }

    /// `min(line.splitASCII(separator: 0x20).count, limit)`: the pieces between spaces (none
    /// empty), counted over the bytes and only up to `limit`. Splitting the whole first line,
    /// often a paragraph, into substrings to ask whether it had three words cost 3,500
    /// instructions a document.
    static func wordCount(of line: Substring, upTo limit: Int) -> Int {
        line.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            var count = 0
            var k = 0
            while k < bytes.count && count < limit {
                if bytes[k] != 0x20 && (k == 0 || bytes[k - 1] == 0x20) { count += 1 }
                k += 1
            }
            return count
        } ?? min(line.splitASCII(separator: 0x20).count, limit)
    }

    /// How many " | " a line has, counted left to right without overlap as
    /// `components(separatedBy: " | ")` splits at them, over the bytes.
    static func barSeparators(in line: Substring) -> Int {
        // In place: the first line is often a whole paragraph, and copying it cost more than the count.
        line.utf8.withContiguousStorageIfAvailable(barSeparators(in:))
            ?? Array(line.utf8).withUnsafeBufferPointer(barSeparators(in:))
    }

    static func barSeparators(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0x20 && bytes[i + 1] == 0x7C && bytes[i + 2] == 0x20 {
                count += 1
                i += 3
            } else {
                i += 1
            }
        }
        return count
    }

    /// `line.prefix(limit).count`, by bytes when the first `limit` bytes are ASCII without "\r":
    /// between two such bytes there is always a `Character` boundary, so each is one `Character`.
    /// (Grapheme breaking a headline-long prefix cost more than the rest of the title test.)
    static func characterCount(of line: Substring, upTo limit: Int) -> Int {
        let ascii = line.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            let end = min(bytes.count, limit)
            for k in 0..<end where bytes[k] >= 0x80 || bytes[k] == 0x0D { return nil }
            return end
        }
        if let ascii, let count = ascii { return count }
        return line.prefix(limit).count
    }

    /// An ISO date (`2023-06-15`, also as `2023-06-15 18:02:41`) in the first lines, as web pages
    /// print their publication time: the publication date when no dateline gives one.
    public func headDate(of text: String) -> PartialDate? {
        if let found = text.utf8.withContiguousStorageIfAvailable({ MetadataExtractor.headDate(in: $0, of: text) }) {
            return found
        }
        for line in text.splitASCII(separator: 0x0A, maxSplits: 5).prefix(5) {
            for word in line.splitASCII(whereSeparator: { $0 == 0x20 || $0 == 0x7C || $0 == 0x54 }) where word.count == 10 {
                if let date = PartialDate(iso: String(word)), (1990...2100).contains(date.year) { return date }
            }
        }
        return nil
    }

    /// ``headDate(of:)`` over the text's bytes: the first five lines that are not empty, and in
    /// them the words between spaces, "|" and "T". Only a word of exactly ten bytes is made a
    /// string: a word `PartialDate(iso:)` reads as a day is ten ASCII characters (digits, "+" and
    /// two "-"), so a word of any other byte length cannot be one. (Splitting the head's long
    /// paragraphs into words as substrings was most of the cost.)
    static func headDate(in bytes: UnsafeBufferPointer<UInt8>, of text: String) -> PartialDate? {
        let n = bytes.count
        var lines = 0
        var i = 0
        while i < n && lines < 5 {
            let end = MetadataExtractor.nextNewline(bytes, from: i)
            if end > i {
                lines += 1
                if let date = headDate(inLine: bytes, i, end, of: text) { return date }
            }
            i = end + 1
        }
        return nil
    }

    /// The first date word of the line `bytes[start..<end]`. Such a word splits at "-" into four,
    /// two and two characters (`PartialDate(iso:)`), so its first hyphen is its fifth byte: only
    /// the hyphens are looked for, eight bytes at a time, and the ten bytes from four before each
    /// tested as a word. (Every byte of the head's lines, often long paragraphs, tested against
    /// the three separators cost 27,000 instructions a document without a dateline date.)
    static func headDate(inLine bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, of text: String) -> PartialDate? {
        func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x7C || byte == 0x54 }
        var hyphen = MetadataExtractor.nextByte(0x2D, bytes, from: start, to: end)
        while hyphen < end {
            let first = hyphen - 4
            if first >= start, first + 10 <= end, first == start || isSeparator(bytes[first - 1]),
               first + 10 == end || isSeparator(bytes[first + 10]),
               !UnsafeBufferPointer(rebasing: bytes[first..<(first + 10)]).contains(where: isSeparator) {
                let utf8 = text.utf8
                let word = text[utf8.index(utf8.startIndex, offsetBy: first)..<utf8.index(utf8.startIndex, offsetBy: first + 10)]
                if word.count == 10, let date = PartialDate(iso: String(word)), (1990...2100).contains(date.year) { return date }
            }
            hyphen = MetadataExtractor.nextByte(0x2D, bytes, from: hyphen + 1, to: end)
        }
        return nil
    }

    /// The offset of the first `byte` in `bytes[start..<end]`, or `end`, eight bytes at a time
    /// (``ASCIIFlags/equalBytes(_:_:)``, exact in the lowest byte it flags).
    static func nextByte(_ byte: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start
        if let base = bytes.baseAddress {
            while i + 8 <= end {
                let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let equal = ASCIIFlags.equalBytes(word, byte)
                if equal != 0 { return i + equal.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < end && bytes[i] != byte { i += 1 }
        return i
    }

    /// The source named by a wire marker in the first lines ("/PRNewswire/" → "PR Newswire").
    public func source(of text: String) -> String? {
        if let found = text.utf8.withContiguousStorageIfAvailable({ asciiSource(in: $0, scalars: 1200) }), let found {
            return found
        }
        let head = MetadataExtractor.foldedHead(text, scalars: 1200)
        return head.withUnsafeBufferPointer { head -> String? in
            // The earliest marker wins, and of two at one offset the one listed first.
            for offset in 0..<head.count {
                let byte = Int(head[offset])
                for n in firstByteStart[byte]..<firstByteStart[byte + 1] {
                    let index = markersByFirstByte[n]
                    let key = markers[index].key
                    guard offset + key.count <= head.count else { continue }
                    var k = 1
                    while k < key.count && head[offset + k] == key[k] { k += 1 }
                    if k == key.count { return markers[index].source }
                }
            }
            return nil
        }
    }

    /// ``source(of:)`` for a text whose first `scalars` scalars are ASCII, read in place: there
    /// every byte is a scalar and its folded byte is the byte lower-cased ("`" as "'", as
    /// `Folding.key` folds ASCII), so the head needs no folded copy. `.some(nil)` when no marker
    /// is there; nil when the head is not ASCII and the general path must answer.
    func asciiSource(in bytes: UnsafeBufferPointer<UInt8>, scalars: Int) -> String?? {
        let end = min(bytes.count, scalars)
        guard bytes.baseAddress != nil else { return .some(nil) }
        var i = UTF8Scalars.skippingASCIIWords(bytes, from: 0, to: end)
        while i < end {
            if bytes[i] >= 0x80 { return nil }
            i += 1
        }
        // The earliest marker wins, and of two at one offset the one listed first.
        for offset in 0..<end {
            let byte = Int(TextNormalizer.foldedASCII(bytes[offset]))
            for n in firstByteStart[byte]..<firstByteStart[byte + 1] {
                let index = markersByFirstByte[n]
                let key = markers[index].key
                guard offset + key.count <= end else { continue }
                var k = 1
                while k < key.count && TextNormalizer.foldedASCII(bytes[offset + k]) == key[k] { k += 1 }
                if k == key.count { return .some(markers[index].source) }
            }
        }
        return .some(nil)
    }

    /// The folded bytes of the text's first `scalars` Unicode scalars. Scalars, not `Character`s:
    /// finding the end of 1,200 characters took grapheme breaking, which cost more than the search;
    /// the two heads differ only where a character is several scalars, a few places short.
    static func foldedHead(_ text: String, scalars: Int) -> [UInt8] {
        let head = text.utf8.withContiguousStorageIfAvailable { bytes -> [UInt8] in
            // Folded as `Folding.key` folds a text that is not all ASCII, straight into the bytes
            // the search reads: the key as a string, checked again as UTF-8 and copied out to an
            // array, cost about as much as the folding. (The folded bytes are valid UTF-8, so the
            // string `Folding.key` makes of them holds the same bytes.)
            // The scalars are counted as they are folded: a run of ASCII is cut where the count is reached.
            var folded = Folding.FoldedBytes(capacity: min(bytes.count, 2 * scalars))
            var i = 0
            var count = 0
            while i < bytes.count && count < scalars {
                let limit = min(bytes.count, i + (scalars - count))
                // Eight ASCII bytes at a time, then byte by byte to the run's end (a byte loop
                // over the whole head was a fifth of the search).
                var run = UTF8Scalars.skippingASCIIWords(bytes, from: i, to: limit)
                while run < limit, bytes[run] < 0x80 { run += 1 }
                if run > i {
                    folded.appendASCII(UnsafeBufferPointer(rebasing: bytes[i..<run]))
                    count += run - i
                    i = run
                    continue
                }
                let (value, length) = UTF8Scalars.decode(bytes, at: i)
                folded.fold(value)
                count += 1
                i += length
            }
            folded.flushSlow()
            return folded.out
        }
        return head ?? Array(Folding.key(String(text.unicodeScalars.prefix(scalars))).utf8)
    }

    /// The dateline of the first lines that have one.
    public func dateline(of text: String) -> Dateline? {
        // maxSplits: the head's lines only, not every line of the text.
        for line in MetadataExtractor.headLines(text, 8, omittingEmpty: false) {
            if var found = dateline(in: line) {
                // The body starts after the first dash that closes the head. The lines before it
                // and their line breaks are the text before the line: its scalars are counted
                // only here, not for every line passed (a head's lines are long paragraphs).
                if let dash = MetadataExtractor.firstDash(in: line) {
                    found.bodyStart = MetadataExtractor.scalarCount(text[..<line.startIndex]) + dash + 1
                }
                return found
            }
        }
        return nil
    }

    /// `text.splitASCII(separator: 0x0A, maxSplits: count, omittingEmptySubsequences:).prefix(count)`:
    /// the first `count` lines, their ends found eight bytes at a time (the head's lines are long
    /// paragraphs, searched byte by byte through the split's closure).
    static func headLines(_ text: String, _ count: Int, omittingEmpty: Bool) -> [Substring] {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> [Substring] in
            var lines: [Substring] = []
            lines.reserveCapacity(count)
            let utf8 = text.utf8
            var start = 0
            while lines.count < count {
                let end = nextNewline(bytes, from: start)
                if !(omittingEmpty && end == start) {
                    lines.append(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
                }
                if end == bytes.count { break }
                start = end + 1
            }
            return lines
        }
        return found ?? Array(text.splitASCII(separator: 0x0A, maxSplits: count, omittingEmptySubsequences: omittingEmpty).prefix(count))
    }

    /// The offset of the first "\n" at or after `start`, or the end, eight bytes at a time
    /// (``ASCIIFlags/equalBytes(_:_:)``).
    static func nextNewline(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var i = start
        while i + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let newlines = ASCIIFlags.equalBytes(word, 0x0A)
            if newlines != 0 { return i + newlines.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < bytes.count && bytes[i] != 0x0A { i += 1 }
        return i
    }

    /// `line.splitASCII(separator: 0x20, maxSplits: count).prefix(count).map(String.init)`: the
    /// first `count` words between spaces, made strings straight from the bytes (cutting each as
    /// a substring first cost more than the parse that reads them).
    static func firstWords(of line: Substring, _ count: Int) -> [String] {
        let found = line.utf8.withContiguousStorageIfAvailable { bytes -> [String] in
            var words: [String] = []
            words.reserveCapacity(count)
            var start = 0
            var i = 0
            while i <= bytes.count && words.count < count {
                if i == bytes.count || bytes[i] == 0x20 {
                    if i > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                    start = i + 1
                }
                i += 1
            }
            return words
        }
        return found ?? line.splitASCII(separator: 0x20, maxSplits: count).prefix(count).map(String.init)
    }

    /// `text.unicodeScalars.count`, over the bytes when they are contiguous: every scalar has
    /// one byte that is not a continuation byte.
    static func scalarCount(_ text: Substring) -> Int {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        } ?? text.unicodeScalars.count
    }

    /// The offset in Unicode scalars of the line's first "—", "–" or "--" (at its first hyphen).
    static func firstDash(in line: Substring) -> Int? {
        var previousHyphen = false
        var k = 0
        for scalar in line.unicodeScalars {
            if scalar == "—" || scalar == "–" { return k }
            if scalar == "-" {
                if previousHyphen { return k - 1 }
                previousHyphen = true
            } else {
                previousHyphen = false
            }
            k += 1
        }
        return nil
    }

    /// Whether ``dateline(in:)`` can find anything in the line: a dash word ("-", "--", "---",
    /// "—", "–") among its first 16 words, or a first word "date". Read over the bytes: most
    /// lines a document starts with are long paragraphs, and splitting each into words as
    /// strings cost 23,000 instructions a line.
    static func mayBeDateline(_ line: Substring) -> Bool {
        line.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var words = 0
            var start = 0
            var i = 0
            while i <= bytes.count, words < 16 {
                guard i == bytes.count || bytes[i] == 0x20 else { i += 1; continue }
                let length = i - start
                if length > 0 {
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                    if isDashWord(word) { return true }
                    if words == 0 && length == 4 && (word[0] | 0x20, word[1] | 0x20, word[2] | 0x20, word[3] | 0x20) == (0x64, 0x61, 0x74, 0x65) {
                        return true
                    }
                    words += 1
                }
                i += 1
                start = i
            }
            return false
        } ?? true
    }

    /// The words that close a dateline's head: "-", "--", "---", "—" (E2 80 94) or "–" (E2 80 93).
    /// One definition for the byte pre-test and the parse.
    static func isDashWord<Bytes: Collection<UInt8>>(_ word: Bytes) -> Bool {
        guard !word.isEmpty, word.count <= 3 else { return false }
        if word.allSatisfy({ $0 == 0x2D }) { return true }
        return word.elementsEqual([0xE2, 0x80, 0x93]) || word.elementsEqual([0xE2, 0x80, 0x94])
    }

    /// Parses one line as a dateline, or returns nil.
    func dateline(in line: Substring) -> Dateline? {
        guard MetadataExtractor.mayBeDateline(line) else { return nil }
        // Only the first 16 words are read (a "date YYYY-MM-DD" stamp, then 14 for the dash): a
        // news paragraph is one line, and making a string of every word of it was most of the cost.
        var words = MetadataExtractor.firstWords(of: line, 16)
        var stamp: PartialDate?
        if words.count >= 2, words[0].lowercased() == "date", let date = PartialDate(iso: words[1]) {
            stamp = date
            words.removeFirst(2)
        }
        // The head ends at the dash that separates it from the body.
        guard let dash = words.prefix(14).firstIndex(where: { MetadataExtractor.isDashWord($0.utf8) }) else {
            return stamp.map { Dateline(city: nil, date: nil, stamp: $0) }
        }
        let head = Array(words[..<dash])
        // The city: leading words in capitals, up to the first comma.
        var cityWords: [String] = []
        for word in head {
            let bare = word.hasSuffix(",") ? String(word.dropLast()) : word
            guard MetadataExtractor.hasOnlyCapitalLetters(bare) else { break }
            cityWords.append(bare)
            if word.hasSuffix(",") { break }
        }
        let date = dateInDateline(Array(head.dropFirst(cityWords.count)), fallbackYear: stamp?.year)
        // A capitalised word before a dash is only a dateline city when a comma closes it and a
        // date or a wire credit follows ("PANJIN, China, Nov. 17, 2017 /PRNewswire/ --"), not in
        // a headline such as "IUC Project Team Visit to Panjin – First mission".
        let closedByComma = !cityWords.isEmpty && head[cityWords.count - 1].hasSuffix(",")
        let credited = head.contains { $0.hasPrefix("/") || $0.hasPrefix("(") }
        let city = !cityWords.isEmpty && closedByComma && (date != nil || credited)
            ? cityWords.map(MetadataExtractor.capitalized).joined(separator: " ") : nil
        guard city != nil || date != nil else { return stamp.map { Dateline(city: nil, date: nil, stamp: $0) } }
        return Dateline(city: city, date: date, stamp: stamp)
    }

    /// Whether the word has a letter and every letter is a capital: its letters tested as they
    /// are read (filtering them into a view of their own first cost 2,300 instructions a dateline).
    static func hasOnlyCapitalLetters(_ word: String) -> Bool {
        var letters = false
        for scalar in word.unicodeScalars where ScalarClass.isAlphabetic(scalar) {
            guard ScalarClass.isUppercase(scalar) else { return false }
            letters = true
        }
        return letters
    }

    /// A date written with a month name in the dateline head: "Nov. 17, 2017", "26. Oktober 2023".
    func dateInDateline(_ words: [String], fallbackYear: Int?) -> PartialDate? {
        let trimmed = words.map { $0.trimmingScalars(where: MetadataExtractor.isDatePunctuation) }
        // The first capitalised month name, looked up once.
        var found: (index: Int, month: Int)?
        for (i, word) in trimmed.enumerated() where word.startsUppercase {
            if let month = rules.month(word) { found = (i, month); break }
        }
        guard let (m, month) = found else { return nil }
        let number: (Int) -> Int? = { i in i >= 0 && i < trimmed.count ? Int(trimmed[i]) : nil }
        let year = [number(m + 1), number(m + 2)].compactMap { $0 }.first { $0 >= 1900 && $0 <= 2100 } ?? fallbackYear
        let day = [number(m + 1), number(m - 1)].compactMap { $0 }.first { (1...31).contains($0) }
        guard let year else { return nil }
        if let day, day <= PartialDate.daysIn(month: month, year: year) {
            return PartialDate(year: year, month: month, day: day)
        }
        return PartialDate(year: year, month: month)
    }

    /// The marks around a dateline's date words ("Nov.", "17,", "(Xinhua)"): trimmed by scalar,
    /// not through `CharacterSet` (Foundation's trim was 7,000 instructions a dateline word).
    static func isDatePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "," || scalar == "(" || scalar == ")"
    }

    static func capitalized(_ word: String) -> String {
        word.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }
            .joined(separator: "-")
    }
}
