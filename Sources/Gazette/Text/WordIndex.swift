/// The hash table under ``WordSet`` and ``WordMap``: words numbered in insertion order, found by
/// an FNV-1a hash of their UTF-8 bytes in an open-addressed table.
///
/// `Set<String>` and `[String: V]` hash with seeded SipHash: for a short word the seeding and
/// finalization are most of a lookup's cost, and the extraction stages look words up tens of times
/// per token (a profile of a 10 MB import put a seventh of all CPU time in hashing). Here a lookup
/// is a few multiplies, a probe and a byte comparison, and never allocates.
struct WordIndex: Sendable {
    /// The words, in insertion order: a word's number is its index here.
    private(set) var words: [String] = []
    /// Linear probing: each slot holds a word's hash in its high 32 bits and its number plus one in
    /// its low 32 bits, or 0 when empty. The hash beside the number lets a probe reject a slot
    /// without reading anything else: the reference tables are far larger than the CPU's caches,
    /// and a separate array of hashes cost a cache miss per probe (`perf` put this lookup at 3 % of
    /// an import's cycles, twice its share of instructions). Its size is a power of two at least
    /// twice the count.
    private var slots: [UInt64] = []

    var count: Int { words.count }

    init() {}

    /// Room for `capacity` words without growing.
    init(minimumCapacity capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(filled: 0, count: size)
        words.reserveCapacity(capacity)
    }

    /// The number of `word`, or nil.
    func number(of word: String) -> Int? {
        number(of: word, hash: WordIndex.hash(word))
    }

    /// The number of the word whose UTF-8 bytes are `utf8`, whose ``hash(bytes:)`` is `hash`, or
    /// nil: no `String` is made.
    func number(ofUTF8 utf8: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
        probe(hash: hash) { WordIndex.spells(words[$0], utf8) }
    }

    /// Whether `word`'s UTF-8 bytes are `bytes`: the counts, then the bytes read in place.
    /// `word.utf8.elementsEqual(bytes)` walked the string's view generically, about 470
    /// instructions a comparison (2 MB import: 20,000, most from the common-word test).
    static func spells(_ word: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.utf8.count == bytes.count else { return false }
        return word.utf8.withContiguousStorageIfAvailable { stored in
            for k in stored.indices where stored[k] != bytes[k] { return false }
            return true
        } ?? word.utf8.elementsEqual(bytes)
    }

    /// Adds `word` unless it is there; its number either way.
    mutating func insert(_ word: String) -> (number: Int, inserted: Bool) {
        let hash = WordIndex.hash(word)
        if let known = number(of: word, hash: hash) { return (known, false) }
        if (words.count + 1) * 2 > slots.count { grow() }
        words.append(word)
        place(WordIndex.slot(number: words.count - 1, hash: hash))
        return (words.count - 1, true)
    }

    /// The number of `word`, whose ``hash(_:)`` is `hash` (a token's ``Token/keyHash``).
    func number(of word: String, hash: UInt32) -> Int? {
        probe(hash: hash) { words[$0] == word }
    }

    /// Calls `body` with the ``hash(_:)`` of every word, read from the slots: no word is hashed again.
    func forEachHash(_ body: (UInt32) -> Void) {
        for entry in slots where entry != 0 { body(UInt32(truncatingIfNeeded: entry >> 32)) }
    }

    /// The first word along `hash`'s probe sequence with that hash for which `isWord` holds.
    @inline(__always)
    private func probe(hash: UInt32, _ isWord: (Int) -> Bool) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if UInt32(truncatingIfNeeded: entry >> 32) == hash {
                let i = Int(UInt32(truncatingIfNeeded: entry)) - 1
                if isWord(i) { return i }
            }
            slot = (slot + 1) & mask
        }
    }

    private static func slot(number: Int, hash: UInt32) -> UInt64 {
        UInt64(hash) << 32 | UInt64(number + 1)
    }

    private mutating func place(_ entry: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entry >> 32) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        let old = slots
        slots = Array(filled: 0, count: max(16, slots.count * 2))
        for entry in old where entry != 0 { place(entry) }
    }
    /// FNV-1a over the UTF-8 bytes, read in place for native strings (small ones included).
    static func hash(_ word: String) -> UInt32 {
        if let hash = word.utf8.withContiguousStorageIfAvailable(hash(bytes:)) { return hash }
        var copy = word
        return copy.withUTF8(hash(bytes:))
    }

    static func hash(bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash = offsetBasis
        for byte in bytes {
            hash = step(hash, byte)
        }
        return hash
    }

    /// FNV-1a's start, and one byte more: for a caller hashing bytes as it reads them.
    static let offsetBasis: UInt32 = 2_166_136_261

    @inline(__always)
    static func step(_ hash: UInt32, _ byte: UInt8) -> UInt32 {
        (hash ^ UInt32(byte)) &* 16_777_619
    }
}
