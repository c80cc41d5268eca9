import Foundation

/// Finds date expressions in English or German text and resolves them to ``PartialDate``s, never more
/// precise than the text says.
///
/// The words and patterns come from `seeds/rules/<lang>/dates.tsv` and `months.tsv` (see ``DateRules``);
/// this type holds only the scanner and the resolution rules:
///
/// - The text is split once into word, number and punctuation tokens (over UTF-8, with Unicode-scalar
///   offsets); every pattern is tried where its first element can match; overlapping matches are
///   settled longest first, then leftmost. Vague phrases ("in recent years") match too and yield nothing.
/// - A month without a year takes the publication year, except when it would lie more than two months
///   after the publication month: then the previous year ("On October 31" in a text of 2019-11-04 is
///   2019-10-31; "in December" in a text of 2023-01-10 is 2022-12). An explicit relative year
///   ("im März dieses Jahres", "March last year") is taken as written.
/// - A bare day range ("vom 11. bis 13.", "from the 11th to the 13th") takes its month and year from the
///   ``DateContext``: it continues the previous bare range's month when it starts on a later day,
///   otherwise it takes the last mentioned month; without either, the publication month (or the month
///   before it when the day lies after the publication day).
/// - Relative expressions without a reference date yield nothing.
public struct TemporalNormalizer: Sendable {
    public let rules: DateRules
    /// Whether every pattern holds an element it cannot skip that only a core token fills (a
    /// month name, a number, or a whole relative year or month phrase): then a phrase's first
    /// word ("the", "last") counts as a core token only where the whole phrase follows.
    let patternsNeedCore: Bool
    /// The words one of which a sentence without numbers some pattern can do with must hold to
    /// have a date: the month names and the last word of each relative year and month phrase,
    /// lower-case; nil when they cannot be told this way (``coreWords(_:)``).
    let coreWords: CoreWords?
    /// Whether a number tries only the patterns whose first number element it can fill
    /// (``DateTables/numberStartPatterns``), and a pattern is tried only in a sentence that has
    /// every kind of core token it needs (``DateTables/requiredCores``); without, every pattern
    /// that starts with a token is tried there.
    let patternsByFit: Bool

    public init(rules: DateRules) {
        self.init(rules: rules, shortcuts: true)
    }

    /// With `shortcuts` false, every sentence is tokenized, every relative phrase's first word
    /// is a core token and every number tries every number pattern: the plain scan, for tests
    /// that compare the two.
    init(rules: DateRules, shortcuts: Bool) {
        self.rules = rules
        patternsByFit = shortcuts
        patternsNeedCore = shortcuts && TemporalNormalizer.patternsNeedCore(rules.tables)
        coreWords = patternsNeedCore ? TemporalNormalizer.coreWords(rules.tables).map { CoreWords($0, rules.tables) } : nil
    }

    /// Whether every pattern has a core element that is neither optional nor skipped.
    static func patternsNeedCore(_ tables: DateTables) -> Bool {
        tables.patterns.allSatisfy { pattern in
            pattern.elements.contains { element in
                guard !element.optional else { return false }
                switch element.kind {
                case .month, .day, .monthNumber, .year, .phrase(.relativeYear), .phrase(.relativeMonth): return true
                default: return false
                }
            }
        }
    }

    /// See ``coreWords``. Each word is kept as the UTF-8 of its lower-case scalars, as
    /// ``lacksCoreWord(_:_:)`` spells a sentence's words. A core word with a letter past U+024F
    /// is left out, as the scan never matches such a word; nil when one is not all letters
    /// (punctuation ends a phrase) or is longer than the pre-test keeps (16 bytes).
    static func coreWords(_ tables: DateTables) -> WordSet? {
        var words = WordSet()
        func add(_ atom: Int) -> Bool {
            let scalars = tables.atomScalars[atom]
            guard !scalars.isEmpty, scalars.allSatisfy(DateRules.isLetter) else { return false }
            guard scalars.allSatisfy({ $0 <= 0x24F }) else { return true }
            var word = ""
            word.unicodeScalars.append(contentsOf: scalars.compactMap(Unicode.Scalar.init))
            guard word.utf8.count <= 16 else { return false }
            words.insert(word)
            return true
        }
        for atom in tables.atoms.indices {
            if tables.atomMonth[atom] != 0, !add(atom) { return nil }
            for phrase in tables.atoms[atom].phrases where phrase.cls == .relativeYear || phrase.cls == .relativeMonth {
                if !add(phrase.rest.last.map(Int.init) ?? atom) { return nil }
            }
        }
        return words
    }

    /// Finds every date expression in `text`, in text order.
    public func dates(in text: String, reference: PartialDate?, context: inout DateContext) -> [DateExpression] {
        var text = text
        if let r = text.utf8.withContiguousStorageIfAvailable({ scan($0, reference: reference, context: &context) }) {
            return r
        }
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { scan($0, reference: reference, context: &context) } ?? []
    }

    /// Finds every date expression in `text` with a fresh context.
    public func dates(in text: String, reference: PartialDate?) -> [DateExpression] {
        var context = DateContext()
        return dates(in: text, reference: reference, context: &context)
    }

    // MARK: - Scanning

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, reference: PartialDate?, context: inout DateContext) -> [DateExpression] {
        if let coreWords, TemporalNormalizer.lacksCoreWord(bytes, coreWords) { return [] }
        let tables = rules.tables
        // The tokens live on the stack for the scan, like the distances below: an array with
        // room for a token a byte was allocated and released for every tokenized sentence.
        // Every token starts at a byte of its own, so there are at most as many as bytes.
        return withUnsafeTemporaryAllocation(of: DateToken.self, capacity: bytes.count) { room in
            var count = 0
            tokenize(bytes, tables, into: room, &count)
            return scan(bytes, UnsafeBufferPointer(rebasing: room[..<count]), tables, reference: reference, context: &context)
        }
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<DateToken>, _ tables: DateTables,
                      reference: PartialDate?, context: inout DateContext) -> [DateExpression] {
        if tokens.isEmpty { return [] }
        let matcher = DateMatcher(tables: tables, tokens: tokens)
        // The distances to the next core token live on the stack for the scan: a heap array per
        // tokenized sentence (and a second one for the overlap test below) cost its allocation
        // and release each time.
        var candidates = withUnsafeTemporaryAllocation(of: Int32.self, capacity: tokens.count) { nextCore in
            tables.allElements.withUnsafeBufferPointer { elements in
                self.candidates(tokens, matcher, tables, nextCore: nextCore, elements: elements)
            }
        }
        if candidates.isEmpty { return [] }

        // Longest first, then leftmost, then file order; keep those that overlap nothing kept
        // before (the few kept spans are compared in place of a flag per token).
        candidates.sort { a, b in
            let la = a.end - a.first, lb = b.end - b.first
            if la != lb { return la > lb }
            if a.first != b.first { return a.first < b.first }
            return a.pattern < b.pattern
        }
        var chosen: [DateCandidate] = []
        for c in candidates where !chosen.contains(where: { $0.first < c.end && c.first < $0.end }) {
            chosen.append(c)
        }
        chosen.sort { $0.first < $1.first }

        var result: [DateExpression] = []
        for c in chosen where c.pattern >= 0 {
            guard let (start, end) = resolve(c.captures, reference: reference, context: &context) else { continue }
            let a = tokens[c.first], z = tokens[c.end - 1]
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(a.byteStart)..<Int(z.byteEnd)]), as: UTF8.self)
            result.append(DateExpression(text: text, start: Int(a.start), end: Int(z.end), dateStart: start, dateEnd: end,
                                         precision: end == nil ? start.precision : .range,
                                         rule: tables.patterns[c.pattern].rule))
        }
        return result
    }

    /// Every pattern match and vague phrase of the sentence's `tokens`, as spans of tokens.
    /// `nextCore` (room for one entry a token) receives each token's distance to the next core
    /// token (number, month name, relative year or month); nothing is tried when there is none.
    private func candidates(_ tokens: UnsafeBufferPointer<DateToken>, _ matcher: DateMatcher, _ tables: DateTables,
                            nextCore: UnsafeMutableBufferPointer<Int32>,
                            elements: UnsafeBufferPointer<DatePatternElement>) -> [DateCandidate] {
        let elementRanges = tables.elementRanges
        let atomClassMask = tables.atomClassMask, atomMonth = tables.atomMonth
        let maxLead = tables.maxLead
        let maxLeadAll = tables.maxLeadAll
        let atoms = tables.atoms, startPatternsByAtom = tables.startPatternsByAtom
        let numberStartPatterns = tables.numberStartPatterns, wordStartPatterns = tables.wordStartPatterns
        let vagueBit = DatePhraseClass.vague.bit
        let coreMask = DatePhraseClass.relativeYear.bit | DatePhraseClass.relativeMonth.bit

        // Distance to the next core token (number, month name, relative year/month) for each token,
        // and the kinds of core token the sentence has (``DateTables/requiredCores``).
        var next = Int32.max / 2
        var present = 0
        for i in stride(from: tokens.count - 1, through: 0, by: -1) {
            let t = tokens[i]
            if t.kind == .number {
                next = Int32(i)
                present = DateTables.adding(fits: tables.numberFits(digits: t.digits, value: t.value), to: present)
            } else if t.atom >= 0 {
                if atomMonth[Int(t.atom)] != 0 {
                    next = Int32(i)
                    present |= Int(DateTables.hasMonthName)
                } else if atomClassMask[Int(t.atom)] & coreMask != 0
                            && (!patternsNeedCore || matcher.startsRelativePhrase(Int(t.atom), at: i)) {
                    next = Int32(i)
                    present |= Int(DateTables.hasRelativePhrase)
                }
            }
            nextCore[i] = next
        }
        // Every pattern needs a core token within its lead (`tryPattern`), and vague phrases only
        // block: a sentence without one has no date, and most sentences have none.
        if next == Int32.max / 2 { return [] }

        var candidates: [DateCandidate] = []
        // Most sentences with a number have no month name: the day and month patterns are not
        // tried at their numbers and articles (half the matcher's tries).
        let missing = patternsByFit ? ~present : 0
        let requiredCores = tables.requiredCores
        func tryPattern(_ pi: Int, _ i: Int) {
            if Int(requiredCores[pi]) & missing != 0 { return }
            if Int(nextCore[i]) - i > maxLead[pi] { return }
            if let caps = matcher.match(UnsafeBufferPointer(rebasing: elements[elementRanges[pi]]), at: i), caps.spanFirst >= 0,
               matcher.guardsHold(first: caps.spanFirst, end: caps.trimEnd) {
                candidates.append(DateCandidate(first: caps.spanFirst, end: caps.trimEnd, pattern: pi, captures: caps))
            }
        }
        for i in 0..<tokens.count {
            let t = tokens[i]
            if t.atom >= 0 && atomClassMask[Int(t.atom)] & vagueBit != 0 {
                for p in atoms[Int(t.atom)].phrases where p.cls == .vague {
                    if let end = matcher.matchRest(p.rest, from: i + 1) {
                        candidates.append(DateCandidate(first: i, end: end, pattern: -1, captures: DateCaptures()))
                        break
                    }
                }
            }
            if Int(nextCore[i]) - i > maxLeadAll { continue }
            if t.kind == .number {
                let fits = patternsByFit ? tables.numberFits(digits: t.digits, value: t.value) : DateTables.fitsAny
                for pi in numberStartPatterns[fits] { tryPattern(pi, i) }
            } else if t.atom >= 0 {
                for pi in startPatternsByAtom[Int(t.atom)] { tryPattern(pi, i) }
            }
            if t.kind == .word && !wordStartPatterns.isEmpty {
                for pi in wordStartPatterns where t.atom < 0 || !startPatternsByAtom[Int(t.atom)].contains(pi) {
                    tryPattern(pi, i)
                }
            }
        }
        return candidates
    }

    /// Whether a sentence has no word that is one of `coreWords` and no numbers that some pattern
    /// can do with on their own (``CoreWords/satisfiable``: a year, or two days): then no pattern
    /// has every kind of core token it needs (``patternsNeedCore``, ``DateTables/requiredCores``),
    /// and the scan would tokenize it only to return nothing, as it does for most sentences (a
    /// third of those with digits: "100 firms", "5 Prozent", "15,000"). The scan's numbers are
    /// the runs of ASCII digits, its words are the runs of ``DateRules/isLetter(_:)``
    /// scalars, looked up lower-cased (``DateRules/lower(_:)``), a word with a letter past U+024F
    /// never; they are read here once, without making tokens, ASCII bytes without decoding.
    static func lacksCoreWord(_ bytes: UnsafeBufferPointer<UInt8>, _ core: CoreWords) -> Bool {
        let coreWords = core.words
        // The run's state is not captured by a local function: captured `var`s are checked for
        // exclusive access at run time on every byte (a third of this function's instructions).
        var word = (UInt64(0), UInt64(0))  // the current run, lower-cased: its first 16 bytes
        var length = 0                     // its bytes; past 16 when it cannot be a core word
        var hash = WordIndex.offsetBasis
        var present = 0                    // the numbers' ``DateTables/requiredCores`` bits
        let n = bytes.count
        var i = 0
        while i < n {
            let byte = bytes[i]
            if byte < 0x80 {
                if byte >= 0x30 && byte <= 0x39 {
                    // A number ends the word before it.
                    if length > 0 {
                        if isCoreWord(&word, length, hash, coreWords) { return false }
                        length = 0
                        hash = WordIndex.offsetBasis
                    }
                    let start = i
                    var value: Int32 = 0   // of its first four digits: no number element takes more
                    while i < n && bytes[i] >= 0x30 && bytes[i] <= 0x39 {
                        if i - start < 4 { value = value * 10 + Int32(bytes[i] - 0x30) }
                        i += 1
                    }
                    let fits = core.tables.numberFits(digits: UInt8(min(i - start, 255)), value: value)
                    present = DateTables.adding(fits: fits, to: present)
                    if core.satisfiable >> UInt64(present) & 1 != 0 { return false }
                    continue
                }
                let lower = byte | 0x20
                if lower >= 0x61 && lower <= 0x7A {
                    // A word whose first letter, or first two ASCII letters, start no core word is
                    // only read to its end, its ASCII letters eight at a time. (Most words: a byte
                    // loop over them was a third of this function's instructions.)
                    if length == 0 && !core.mayStart(lower, then: i + 1 < n ? bytes[i + 1] : 0) {
                        length = 17
                        i = TemporalNormalizer.asciiLettersEnd(bytes, from: i + 1)
                        continue
                    }
                    if length < 16 {
                        withUnsafeMutableBytes(of: &word) { $0[length] = lower }
                        hash = WordIndex.step(hash, lower)
                    }
                    length += 1
                } else if length > 0 {
                    if isCoreWord(&word, length, hash, coreWords) { return false }
                    length = 0
                    hash = WordIndex.offsetBasis
                }
                i += 1
                continue
            }
            // A scalar past ASCII (the bytes are a String's: valid UTF-8).
            let (v, len) = UTF8Scalars.decode(bytes, at: i)
            i += len
            if DateRules.isLetter(v) {
                // Lower-casing keeps a scalar past ASCII past ASCII.
                let lower = DateRules.lower(v)
                if lower > 0x24F {
                    length = 17   // never a rule word
                } else {
                    // Two UTF-8 bytes (U+0080 to U+07FF).
                    let b0 = UInt8(0xC0 | lower >> 6), b1 = UInt8(0x80 | lower & 0x3F)
                    if length == 0 && !core.mayStart(b0) { length = 17 }
                    if length < 15 {
                        withUnsafeMutableBytes(of: &word) { $0[length] = b0; $0[length + 1] = b1 }
                        hash = WordIndex.step(WordIndex.step(hash, b0), b1)
                    }
                    length += 2
                }
            } else if length > 0 {
                if isCoreWord(&word, length, hash, coreWords) { return false }
                length = 0
                hash = WordIndex.offsetBasis
            }
        }
        return length == 0 || !isCoreWord(&word, length, hash, coreWords)
    }

    /// The end of the run of ASCII letters from `start`: the first byte from there that is not
    /// one, or the end. Eight bytes at a time, the first that is not a letter found by a flag
    /// per byte: for a byte below 0x80 with bit 5 set (lower case), adding 0x80 - c sets its
    /// bit 7 exactly when it is at least c, and no carry leaves the byte.
    @inline(__always)
    static func asciiLettersEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let n = bytes.count
        if let base = bytes.baseAddress {
            while i + 8 <= n {
                let chunk = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let others = ~ASCIIFlags.letters(chunk) & ASCIIFlags.high
                if others != 0 { return i + others.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < n, (bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x7A { i += 1 }
        return i
    }

    /// The pre-test's core words (``coreWords(_:)``) and the bytes they start with, and what it
    /// needs to tell the numbers some pattern can do with.
    struct CoreWords: Sendable {
        let words: WordSet
        let tables: DateTables
        /// ``DateTables/satisfiable``.
        let satisfiable: UInt64
        /// Bit `b - 0x40` for an ASCII first byte `b`, bit `b - 0xC0` for the first byte of a
        /// two-byte letter: a word that starts with no such byte is none of the words, and the
        /// pre-test neither keeps nor hashes its letters (most words: "the", "company", "in").
        private let asciiFirst: UInt64
        private let twoByteFirst: UInt64
        /// Bit `b - 0x61` of entry `a - 0x61` for each core word that starts with the ASCII
        /// letters `a`, `b`: a word that starts with two ASCII letters no core word starts with
        /// is none ("and" and "at" start with the "a" of "april", "august"). Every bit is set
        /// for a first letter whose core words are not all this long and ASCII this far.
        private let asciiSecond: [UInt32]

        init(_ words: WordSet, _ tables: DateTables) {
            self.words = words
            self.tables = tables
            satisfiable = tables.satisfiable
            var ascii: UInt64 = 0, twoByte: UInt64 = 0
            var second = [UInt32](repeating: 0, count: 26)
            for word in words {
                let bytes = Array(word.utf8)
                if let a = bytes.first, a >= 0x61 && a <= 0x7A {
                    if bytes.count >= 2, bytes[1] >= 0x61 && bytes[1] <= 0x7A {
                        second[Int(a - 0x61)] |= 1 << UInt32(bytes[1] - 0x61)
                    } else {
                        second[Int(a - 0x61)] = ~0
                    }
                }
                guard let first = word.utf8.first else { continue }
                if first >= 0xC0 {
                    twoByte |= 1 << UInt64(first - 0xC0)
                } else if first >= 0x40 && first < 0x80 {
                    ascii |= 1 << UInt64(first - 0x40)
                } else {
                    // Not a letter's first byte: the filter is off.
                    ascii = ~0
                    twoByte = ~0
                }
            }
            asciiFirst = ascii
            twoByteFirst = twoByte
            asciiSecond = second
        }

        /// Whether a core word may start with the lower-case ASCII letter `first` followed by the
        /// byte `next` (any byte; a word's second letter when it is an ASCII letter).
        @inline(__always)
        func mayStart(_ first: UInt8, then next: UInt8) -> Bool {
            guard mayStart(first) else { return false }
            let second = next | 0x20
            guard next < 0x80, second >= 0x61 && second <= 0x7A else { return true }
            return asciiSecond.withUnsafeBufferPointer { $0[Int(first - 0x61)] } >> UInt32(second - 0x61) & 1 != 0
        }

        /// Whether a core word may start with `byte` (a lower-case letter's first UTF-8 byte).
        @inline(__always)
        func mayStart(_ byte: UInt8) -> Bool {
            byte >= 0xC0 ? twoByteFirst >> UInt64(byte - 0xC0) & 1 != 0
                : byte >= 0x40 && byte < 0x80 && asciiFirst >> UInt64(byte - 0x40) & 1 != 0
        }
    }

    /// Whether the run of `length` lower-cased letters in `word` (its first 16) is a core word.
    @inline(__always)
    private static func isCoreWord(_ word: inout (UInt64, UInt64), _ length: Int, _ hash: UInt32, _ coreWords: WordSet) -> Bool {
        // No core word is longer (``coreWords(_:)``).
        guard length <= 16 else { return false }
        return withUnsafeBytes(of: &word) { raw in
            coreWords.contains(utf8: UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[0..<length]), hash: hash)
        }
    }

    // MARK: - Tokens

    /// Writes the tokens of `bytes` to `tokens` (room for one a byte) in place (`append`
    /// checked uniqueness and capacity per token, some 60 instructions each); `count` is how
    /// many.
    private func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, _ tables: DateTables,
                          into tokens: UnsafeMutableBufferPointer<DateToken>, _ count: inout Int) {
        let maxWordLength = tables.maxWordLength
        let punctuationTable = tables.punctuationTable
        let n = bytes.count
        var i = 0
        var scalar: Int32 = 0
        var space = true

        // Current word or number.
        var state = 0   // 0 none, 1 word, 2 number
        var startByte = 0
        var startScalar: Int32 = 0
        var hash = DateRules.fnvOffset
        var length = 0
        var matchable = true
        var capitalized = false
        var value: Int64 = 0

        func finish(_ endByte: Int, _ endScalar: Int32) {
            if state == 1 {
                var atom: Int32 = -1
                if matchable && length <= maxWordLength {
                    let a = tables.lookup(hash)
                    if a >= 0 && verify(bytes, startByte, endByte, tables.atomScalars[Int(a)]) { atom = a }
                }
                tokens.initializeElement(at: count, to: DateToken(start: startScalar, end: endScalar, byteStart: Int32(startByte), byteEnd: Int32(endByte),
                                    atom: atom, value: 0, kind: .word, digits: UInt8(min(length, 255)),
                                    spaceBefore: space, capitalized: capitalized))
                count += 1
                space = false
            } else if state == 2 {
                tokens.initializeElement(at: count, to: DateToken(start: startScalar, end: endScalar, byteStart: Int32(startByte), byteEnd: Int32(endByte),
                                    atom: -1, value: length > 9 ? -1 : Int32(value), kind: .number,
                                    digits: UInt8(min(length, 255)), spaceBefore: space, capitalized: false))
                count += 1
                space = false
            }
            state = 0
        }

        while i < n {
            let b0 = bytes[i]
            // The bytes are a String's: valid UTF-8.
            let (v, len) = b0 < 0x80 ? (UInt32(b0), 1) : UTF8Scalars.decode(bytes, at: i)

            if v >= 0x30 && v <= 0x39 {
                if state != 2 {
                    finish(i, scalar)
                    state = 2; startByte = i; startScalar = scalar; length = 0; value = 0
                }
                if length < 18 { value = value * 10 + Int64(v - 0x30) }
                length += 1
            } else if DateRules.isLetter(v) {
                if state != 1 {
                    finish(i, scalar)
                    state = 1; startByte = i; startScalar = scalar; length = 0
                    hash = DateRules.fnvOffset; matchable = true; capitalized = DateRules.isUpper(v)
                }
                if v > 0x24F { matchable = false }
                hash = DateRules.mix(hash, DateRules.lower(v))
                length += 1
                // The ASCII letters that follow (most of a word) in a loop of their own: one
                // scalar a byte, lower-cased by bit 5, neither a digit nor past U+024F.
                var k = i + len
                while k < n {
                    let lower = bytes[k] | 0x20
                    guard lower >= 0x61 && lower <= 0x7A else { break }
                    hash = DateRules.mix(hash, UInt32(lower))
                    k += 1
                }
                let more = k - (i + len)
                length += more
                i += more
                scalar += Int32(more)
            } else {
                finish(i, scalar)
                if DateRules.isSpace(v) {
                    space = true
                } else {
                    let atom = v < UInt32(punctuationTable.count) ? punctuationTable[Int(v)] : (tables.punctuationAtoms[v] ?? -1)
                    tokens.initializeElement(at: count, to: DateToken(start: scalar, end: scalar + 1, byteStart: Int32(i), byteEnd: Int32(i + len),
                                        atom: atom, value: Int32(bitPattern: v), kind: .punctuation, digits: 0,
                                        spaceBefore: space, capitalized: false))
                    count += 1
                    space = false
                }
            }
            i += len
            scalar += 1
        }
        finish(n, scalar)
    }

    /// Compares the lower-cased scalars of `bytes[from..<to]` with an atom's scalars.
    private func verify(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ expected: [UInt32]) -> Bool {
        var i = from
        var k = 0
        while i < to {
            let b0 = bytes[i]
            var v: UInt32
            var len: Int
            if b0 < 0x80 { v = UInt32(b0); len = 1 }
            else if b0 < 0xE0 { v = (UInt32(b0 & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F); len = 2 }
            else if b0 < 0xF0 {
                v = (UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F); len = 3
            } else { return false }
            if k >= expected.count || DateRules.lower(v) != expected[k] { return false }
            k += 1
            i += len
        }
        return k == expected.count
    }

    // MARK: - Resolution

    private func resolve(_ c: DateCaptures, reference: PartialDate?, context: inout DateContext) -> (PartialDate, PartialDate?)? {
        var d1 = c.day1, m1 = c.month1, y1 = c.year1
        var d2 = c.day2, m2 = c.month2, y2 = c.year2
        let isRange = d2 != nil || m2 != nil || y2 != nil
        let bare = d1 != nil && m1 == nil && m2 == nil && y1 == nil && y2 == nil && c.yearOffset == nil && c.monthOffset == nil

        if bare {
            let day = d1!
            var ym: (Int, Int)?
            if let cy = context.chainYear, let cm = context.chainMonth, let cd = context.chainDay, day > cd {
                ym = (cy, cm)
            } else if let cy = context.year, let cm = context.month {
                ym = (cy, cm)
            } else if let ref = reference, let rm = ref.month {
                if let rd = ref.day, day > rd {
                    ym = rm == 1 ? (ref.year - 1, 12) : (ref.year, rm - 1)
                } else {
                    ym = (ref.year, rm)
                }
            }
            guard let (y, m) = ym else { return nil }
            y1 = y; m1 = m
            if isRange { y2 = y; m2 = m }
        } else {
            if isRange {
                if d1 != nil && m1 == nil { m1 = m2 }
                if d2 != nil && m2 == nil { m2 = m1 }
            }
            if y1 == nil, let y = y2 {
                y1 = (m1 != nil && m2 != nil && m1! > m2!) ? y - 1 : y
            }
            if y1 == nil {
                if let off = c.yearOffset {
                    guard let ref = reference else { return nil }
                    y1 = ref.year + off
                } else if let off = c.monthOffset {
                    guard let ref = reference, let rm = ref.month, m1 == nil else { return nil }
                    let index = ref.year * 12 + (rm - 1) + off
                    y1 = index / 12
                    m1 = index % 12 + 1
                } else if let m = m1 {
                    guard let ref = reference else { return nil }
                    y1 = TemporalNormalizer.inferYear(month: m, reference: ref)
                } else {
                    return nil
                }
            }
            if isRange && y2 == nil {
                y2 = (m1 != nil && m2 != nil && m2! < m1!) ? y1! + 1 : y1!
            }
        }

        guard let start = TemporalNormalizer.date(y1!, m1, d1) else { return nil }
        var end: PartialDate?
        if isRange {
            guard let y2, let e = TemporalNormalizer.date(y2, m2, d2), start < e else { return nil }
            end = e
        }

        // Remember what this expression said for later bare day ranges.
        if bare {
            context.chainYear = start.year
            context.chainMonth = start.month
            context.chainDay = (end ?? start).day
            context.year = start.year
            context.month = start.month
        } else {
            let last = end ?? start
            if let m = last.month {
                context.year = last.year
                context.month = m
            }
            if start.day != nil {
                context.chainYear = nil
                context.chainMonth = nil
                context.chainDay = nil
            }
        }
        return (start, end)
    }

    private static func date(_ y: Int, _ m: Int?, _ d: Int?) -> PartialDate? {
        if let m, !(1...12).contains(m) { return nil }
        if let d {
            guard let m, d >= 1, d <= PartialDate.daysIn(month: m, year: y) else { return nil }
        }
        return PartialDate(year: y, month: m, day: d)
    }

    /// The year of a month named without one: the reference year, or the year before when the month
    /// would lie more than two months after the reference month.
    static func inferYear(month: Int, reference: PartialDate) -> Int {
        guard let rm = reference.month else { return reference.year }
        return month - rm > 2 ? reference.year - 1 : reference.year
    }
}

// MARK: - Matching

enum DateTokenKind: UInt8 {
    case word, number, punctuation
}

struct DateToken {
    var start: Int32       // Unicode-scalar offsets
    var end: Int32
    var byteStart: Int32   // UTF-8 offsets
    var byteEnd: Int32
    var atom: Int32        // rule atom of a word or punctuation mark, or -1
    var value: Int32       // number value (-1 when too long) or punctuation scalar
    var kind: DateTokenKind
    var digits: UInt8      // number of digits / letters
    var spaceBefore: Bool
    var capitalized: Bool
}

/// What a pattern match captured; compact, because the matcher copies it at every step.
struct DateCaptures {
    private var slots: (Int16, Int16, Int16, Int16, Int16, Int16) = (0, 0, 0, 0, 0, 0)   // 0: not captured
    private var offsets: (Int16, Int16) = (Int16.min, Int16.min)                         // min: not captured
    private var matchedCount: Int16 = 0
    var guardPending = false
    private var first: Int32 = -1
    private var trim: Int32 = -1

    var day1: Int? { get { DateCaptures.get(slots.0) } set { slots.0 = Int16(newValue ?? 0) } }
    var month1: Int? { get { DateCaptures.get(slots.1) } set { slots.1 = Int16(newValue ?? 0) } }
    var year1: Int? { get { DateCaptures.get(slots.2) } set { slots.2 = Int16(newValue ?? 0) } }
    var day2: Int? { get { DateCaptures.get(slots.3) } set { slots.3 = Int16(newValue ?? 0) } }
    var month2: Int? { get { DateCaptures.get(slots.4) } set { slots.4 = Int16(newValue ?? 0) } }
    var year2: Int? { get { DateCaptures.get(slots.5) } set { slots.5 = Int16(newValue ?? 0) } }
    var yearOffset: Int? {
        get { offsets.0 == Int16.min ? nil : Int(offsets.0) }
        set { offsets.0 = newValue.map { Int16(clamping: $0) } ?? Int16.min }
    }
    var monthOffset: Int? {
        get { offsets.1 == Int16.min ? nil : Int(offsets.1) }
        set { offsets.1 = newValue.map { Int16(clamping: $0) } ?? Int16.min }
    }
    var matched: Int { get { Int(matchedCount) } set { matchedCount = Int16(clamping: newValue) } }
    var spanFirst: Int { get { Int(first) } set { first = Int32(newValue) } }
    var trimEnd: Int { get { Int(trim) } set { trim = Int32(newValue) } }

    @inline(__always)
    private static func get(_ v: Int16) -> Int? { v == 0 ? nil : Int(v) }
}

struct DateCandidate {
    var first: Int
    var end: Int
    var pattern: Int   // -1: vague phrase
    var captures: DateCaptures
}

/// Matches patterns over one sentence's tokens, which the scan holds for as long as it lives.
struct DateMatcher {
    let tables: DateTables
    let tokens: UnsafeBufferPointer<DateToken>
    let atomMonth: [Int8]
    let atomClassMask: [UInt32]
    let atomFlags: [UInt8]

    init(tables: DateTables, tokens: UnsafeBufferPointer<DateToken>) {
        self.tables = tables
        self.tokens = tokens
        atomMonth = tables.atomMonth
        atomClassMask = tables.atomClassMask
        atomFlags = tables.atomFlags
    }

    /// The match from token `i` of the pattern whose elements are `elements` (its part of
    /// ``DateTables/allElements``), or nil.
    func match(_ elements: UnsafeBufferPointer<DatePatternElement>, at i: Int) -> DateCaptures? {
        step(elements, 0, i, DateCaptures())
    }

    /// Whether a relative year or month phrase of `atom` matches from token `i` whole.
    func startsRelativePhrase(_ atom: Int, at i: Int) -> Bool {
        tables.atoms[atom].phrases.contains { phrase in
            (phrase.cls == .relativeYear || phrase.cls == .relativeMonth) && matchRest(phrase.rest, from: i + 1) != nil
        }
    }

    /// Matches the remaining atoms of a multi-word phrase.
    func matchRest(_ rest: [Int32], from i: Int) -> Int? {
        if rest.isEmpty { return i }
        if i + rest.count > tokens.count { return nil }
        for (k, a) in rest.enumerated() where tokens[i + k].atom != a { return nil }
        return i + rest.count
    }

    private func record(_ e: DatePatternElement, _ t: Int, _ end: Int, _ c: inout DateCaptures) {
        c.matched += 1
        if !e.context {
            if c.spanFirst < 0 { c.spanFirst = t }
            if !(e.optional && e.punctuationLiteral) { c.trimEnd = end }
        }
    }

    private func step(_ els: UnsafeBufferPointer<DatePatternElement>, _ ei: Int, _ t: Int, _ caps: DateCaptures) -> DateCaptures? {
        if ei == els.count { return caps.guardPending ? nil : caps }
        let e = els[ei]
        if t < tokens.count && (!e.attached || !tokens[t].spaceBefore) {
            let tok = tokens[t]
            switch e.kind {
            case .phrase(let cls):
                if tok.atom >= 0 && atomClassMask[Int(tok.atom)] & cls.bit != 0 {
                    do {
                        for p in tables.atoms[Int(tok.atom)].phrases where p.cls == cls {
                            guard let end = matchRest(p.rest, from: t + 1) else { continue }
                            var c = caps
                            record(e, t, end, &c)
                            if cls == .relativeYear { c.yearOffset = p.value }
                            if cls == .relativeMonth { c.monthOffset = p.value }
                            if let r = step(els, ei + 1, end, c) { return r }
                        }
                    }
                }
            case .literal(let a0, let a1, let a2, let a3):
                if tok.atom >= 0 && (tok.atom == a0 || tok.atom == a1 || tok.atom == a2 || tok.atom == a3) {
                    var c = caps
                    record(e, t, t + 1, &c)
                    if let r = step(els, ei + 1, t + 1, c) { return r }
                }
            case .capitalizedWord, .lowercaseWord:
                if tok.kind == .word && tok.capitalized == (e.kind == .capitalizedWord) {
                    var c = caps
                    record(e, t, t + 1, &c)
                    if let r = step(els, ei + 1, t + 1, c) { return r }
                }
            case .month(let slot):
                if tok.kind == .word && tok.atom >= 0 && tok.capitalized {
                    let month = atomMonth[Int(tok.atom)], flags = atomFlags[Int(tok.atom)]
                    if month != 0 {
                        var end = t + 1
                        var ok = true
                        if flags & 1 != 0 {
                            if t + 1 < tokens.count && tokens[t + 1].kind == .punctuation && tokens[t + 1].value == 0x2E
                                && !tokens[t + 1].spaceBefore {
                                end = t + 2
                            } else if !(t + 1 < tokens.count && tokens[t + 1].kind == .number) {
                                ok = false
                            }
                        }
                        if ok {
                            var c = caps
                            if flags & 2 != 0 && c.matched == 0 { c.guardPending = true }
                            record(e, t, end, &c)
                            if slot == 0 { c.month1 = Int(month) } else { c.month2 = Int(month) }
                            if let r = step(els, ei + 1, end, c) { return r }
                        }
                    }
                }
            case .day(let slot, let ordinal):
                if tok.kind == .number && tok.digits <= 2 && tok.value >= 1 && tok.value <= 31 {
                    var end = t + 1
                    var ok = true
                    if t + 1 < tokens.count && tokens[t + 1].kind == .word && !tokens[t + 1].spaceBefore {
                        let a = tokens[t + 1].atom
                        if a >= 0 && atomFlags[Int(a)] & 4 != 0 { end = t + 2 } else { ok = false }
                    }
                    if ordinal && end == t + 1 { ok = false }
                    if ok {
                        var c = caps
                        record(e, t, end, &c)
                        c.guardPending = false
                        if slot == 0 { c.day1 = Int(tok.value) } else { c.day2 = Int(tok.value) }
                        if let r = step(els, ei + 1, end, c) { return r }
                    }
                }
            case .monthNumber:
                if tok.kind == .number && tok.digits <= 2 && tok.value >= 1 && tok.value <= 12 && !followedByWord(t) {
                    var c = caps
                    record(e, t, t + 1, &c)
                    c.guardPending = false
                    c.month1 = Int(tok.value)
                    if let r = step(els, ei + 1, t + 1, c) { return r }
                }
            case .year(let slot):
                if tok.kind == .number && tok.digits == 4 && Int(tok.value) >= tables.yearMin && Int(tok.value) <= tables.yearMax
                    && !followedByWord(t) {
                    var c = caps
                    record(e, t, t + 1, &c)
                    c.guardPending = false
                    if slot == 0 { c.year1 = Int(tok.value) } else { c.year2 = Int(tok.value) }
                    if let r = step(els, ei + 1, t + 1, c) { return r }
                }
            }
        }
        if e.optional { return step(els, ei + 1, t, caps) }
        return nil
    }

    private func followedByWord(_ t: Int) -> Bool {
        t + 1 < tokens.count && tokens[t + 1].kind == .word && !tokens[t + 1].spaceBefore
    }

    /// A span that starts or ends with a number must not be part of a larger number or code:
    /// "COVID19", "4.0", "3.92", "15.000", "2019er", "50%".
    func guardsHold(first: Int, end: Int) -> Bool {
        guard first >= 0, end > first else { return false }
        let a = tokens[first]
        if a.kind == .number && !a.spaceBefore && first > 0 {
            let p = tokens[first - 1]
            switch p.kind {
            case .word, .number: return false
            case .punctuation:
                let s = UInt32(bitPattern: p.value)
                if s == 0x24 || s == 0x20AC || s == 0xA3 || s == 0xA5 { return false }   // $ € £ ¥
                if (s == 0x2E || s == 0x2C) && !p.spaceBefore && first > 1 && tokens[first - 2].kind == .number { return false }
            }
        }
        let z = tokens[end - 1]
        if z.kind == .number && end < tokens.count && !tokens[end].spaceBefore {
            let n = tokens[end]
            switch n.kind {
            case .word, .number: return false
            case .punctuation:
                let s = UInt32(bitPattern: n.value)
                if s == 0x25 { return false }   // %
                if (s == 0x2E || s == 0x2C) && end + 1 < tokens.count && tokens[end + 1].kind == .number
                    && !tokens[end + 1].spaceBefore { return false }
            }
        }
        return true
    }
}
