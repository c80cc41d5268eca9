/// A ``RelationPattern``'s elements as the ``SentenceMatcher`` walks them: plain steps, with the
/// word alternatives and slot types they name kept in arrays beside them.
///
/// The matcher reads an element at every step of its backtracking search. Read out of
/// ``RelationPattern/elements``, an element is an enum whose payloads hold arrays and hash tables,
/// and each read retained and released every one of them (a profile put these copies at about two
/// percent of an import's cycles). A ``Step`` holds only numbers, so reading one copies nothing;
/// the matcher reads the alternatives and types it needs in place, by index.
///
/// A class: as a struct of five arrays, the program was copied (five retains and releases) into
/// calls of the matcher's helpers, up to several times per token tried.
final class RelationProgram: Sendable {
    /// One element of the pattern, by value.
    enum Step: Sendable {
        /// A slot; `types` indexes ``RelationProgram/slotTypes``.
        case slot(role: RelationPattern.SlotRole, types: Int, list: Bool)
        /// A word element; `phrases` indexes ``RelationProgram/phrases``.
        case words(phrases: Int, optional: Bool)
        case gap(Int)
        case start
        case roleSlot
    }

    /// A slot's type test as the matcher asks it at every token, a value with nothing to retain:
    /// the types the slot takes whole and those it takes some subtypes of, a bit per type
    /// (``EntityType/ordinal``), and where its subtypes are in ``subtypeKeys``. Only a mention of
    /// the second kind is compared with those. (Read out of ``slotTypes``, a slot's types were
    /// copied at each test: four retains and releases, 250 instructions.)
    struct SlotTest: Sendable {
        var types: UInt16
        var subtyped: UInt16
        var topic: Bool
        var subtypes: Range<Int>
        /// The slot's subtypes as bits of ``RelationProgram/subtypeNumbers`` (0 without them).
        var subtypeBits: UInt64 = 0
    }

    let steps: [Step]
    let slotTypes: [RelationPattern.SlotTypes]
    /// ``slotTypes`` as tests, by the same index.
    let slotTests: [SlotTest]
    /// The `type.subtype` names of every slot, slot after slot (``SlotTest/subtypes``), as a
    /// type's ordinal (high 32 bits) and the subtype's ``WordIndex/hash(_:)`` (low 32 bits), and
    /// as the subtype itself, to tell two subtypes of one hash apart.
    let subtypeKeys: [UInt64]
    let subtypeNames: [String]
    let phrases: [RelationPattern.Phrases]
    /// For each word element, a bit per value of ``firstWordBit(_:)`` of its alternatives' first
    /// words: a token whose bit is clear begins none of them, and is ruled out without a look-up.
    let firstWords: [UInt64]
    /// When the program opens with a slot that takes one name (no enumeration), then a required
    /// word element, right after it or after a gap: the gap's length (0 without one) and the
    /// element (an index into ``phrases``). The matcher tries the program only where one of the
    /// element's first words can follow the slot's mention.
    let wordAfterFirstSlot: (gap: Int, phrases: Int)?
    /// The numbering of the language's slot subtypes that ``SlotTest/subtypeBits`` are bits of,
    /// or nil: a matcher with the same numbering tests a mention's subtype by one bit.
    let subtypeNumbers: SubtypeNumbers?

    /// `subtypeNumbers`: the language's (``SubtypeNumbers/init(_:)``), which must number every
    /// subtype the elements name.
    init(_ elements: [RelationPattern.Element], subtypeNumbers: SubtypeNumbers? = nil) {
        var steps: [Step] = []
        var slotTypes: [RelationPattern.SlotTypes] = []
        var phrases: [RelationPattern.Phrases] = []
        steps.reserveCapacity(elements.count)
        for element in elements {
            switch element {
            case .slot(let role, let types, let list):
                steps.append(.slot(role: role, types: slotTypes.count, list: list))
                slotTypes.append(types)
            case .words(let alternatives, let optional):
                steps.append(.words(phrases: phrases.count, optional: optional))
                phrases.append(alternatives)
            case .gap(let n):
                steps.append(.gap(n))
            case .start:
                steps.append(.start)
            case .roleSlot:
                steps.append(.roleSlot)
            }
        }
        self.steps = steps
        self.slotTypes = slotTypes
        var tests: [SlotTest] = []
        var subtypeKeys: [UInt64] = []
        var subtypeNames: [String] = []
        for types in slotTypes {
            let first = subtypeKeys.count
            for ordinal in types.subtypesByType.indices {
                for subtype in types.subtypesByType[ordinal] {
                    subtypeKeys.append(RelationProgram.subtypeKey(ordinal, WordIndex.hash(subtype)))
                    subtypeNames.append(subtype)
                }
            }
            var bits: UInt64 = 0
            for j in first..<subtypeKeys.count { bits |= subtypeNumbers?.bit(subtypeKeys[j], subtypeNames[j]) ?? 0 }
            tests.append(SlotTest(types: types.typeMask, subtyped: types.subtypedMask, topic: types.topic,
                                  subtypes: first..<subtypeKeys.count, subtypeBits: bits))
        }
        self.subtypeNumbers = subtypeNumbers
        slotTests = tests
        self.subtypeKeys = subtypeKeys
        self.subtypeNames = subtypeNames
        self.phrases = phrases
        switch (steps.first, steps.count > 1 ? steps[1] : nil, steps.count > 2 ? steps[2] : nil) {
        case (.slot(_, _, false), .words(let p, false), _): wordAfterFirstSlot = (0, p)
        case (.slot(_, _, false), .gap(let n), .words(let p, false)): wordAfterFirstSlot = (n, p)
        default: wordAfterFirstSlot = nil
        }
        firstWords = phrases.map { element in
            element.all.reduce(0) { bits, phrase in phrase.first.map { bits | RelationProgram.firstWordBit(WordIndex.hash($0)) } ?? bits }
        }
    }

    /// An entry of ``subtypeKeys``.
    @inline(__always)
    static func subtypeKey(_ ordinal: Int, _ hash: UInt32) -> UInt64 {
        UInt64(ordinal) << 32 | UInt64(hash)
    }

    /// A word's bit in ``firstWords``, from the hash of its key (``Token/keyHash``): the top six
    /// bits, FNV-1a's best mixed (its low bits depend only on the bytes' low bits).
    @inline(__always)
    static func firstWordBit(_ hash: UInt32) -> UInt64 {
        1 << UInt64(hash >> 26)
    }
}

/// The `type.subtype` names of a language's slots (at most 64), numbered: a slot's subtypes are
/// then a bit set (``RelationProgram/SlotTest/subtypeBits``), and the matcher tests a mention
/// against one by the bit of the mention's subtype, found once per mention and sentence
/// (``SentenceMatcher/accepts(_:_:_:)``). Comparing its subtype with each of the slot's names cost
/// about 110 instructions a test, 130,000 tests on 2 MB.
final class SubtypeNumbers: Sendable {
    /// Each name's ``RelationProgram/subtypeKey(_:_:)`` and the subtype itself; its number is its index.
    let keys: [UInt64]
    let names: [String]

    /// The subtypes of `programs`, or nil when they are more than 64.
    init?(_ programs: [RelationProgram]) {
        var keys: [UInt64] = [], names: [String] = []
        for program in programs {
            for j in program.subtypeKeys.indices
            where !zip(keys, names).contains(where: { $0 == program.subtypeKeys[j] && $1 == program.subtypeNames[j] }) {
                keys.append(program.subtypeKeys[j])
                names.append(program.subtypeNames[j])
            }
        }
        guard keys.count <= 64 else { return nil }
        self.keys = keys
        self.names = names
    }

    /// The bit of the subtype whose ``RelationProgram/subtypeKey(_:_:)`` is `key` and whose name
    /// is `name`, or 0 when no slot names it.
    func bit(_ key: UInt64, _ name: String) -> UInt64 {
        for k in keys.indices where keys[k] == key && names[k] == name { return 1 << UInt64(k) }
        return 0
    }
}
