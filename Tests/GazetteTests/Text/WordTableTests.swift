import Testing
@testable import Gazette

/// `WordSet` and `WordMap` stand in for `Set<String>` and `[String: V]` in the rules: they must
/// answer exactly as those would, for every word the rules and the genre use.
@Suite struct WordTableTests {
    /// Every folded token of the seeds and the genre corpus, and the rule words, looked up in a
    /// `WordSet` built from half of them: the same answers as a `Set<String>`.
    /// The folded keys and the raw words of every seed and genre article, and the hard cases.
    static let words: [String] = {
        var out: [String] = FastPathTests.hardCases
        for text in FastPathTests.texts {
            let sentence = Sentence(position: 0, start: 0, end: text.unicodeScalars.count, text: text)
            out += Tokenizer.tokens(of: sentence).flatMap { [$0.key, $0.text] }
        }
        return out
    }()

    @Test func answersLikeASet() throws {
        let words = Self.words
        try #require(words.count > 2_000)
        let half = words.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let expected = Set(half)
        let set = WordSet(half)
        #expect(set.count == expected.count)
        for word in words + ["", "ä", "straße", "北京", "a b", "GmbH"] {
            #expect(set.contains(word) == expected.contains(word), "\(word)")
            #expect(Array(word.utf8).withUnsafeBufferPointer(set.contains(utf8:)) == expected.contains(word), "\(word)")
        }
        // Iteration keeps the first insertion of each word, in order.
        var seen = Set<String>()
        #expect(Array(set) == half.filter { seen.insert($0).inserted })
    }

    /// The in-place byte comparison behind `contains(utf8:)` answers as `elementsEqual` over the
    /// string's UTF-8 view: each word against itself, its neighbours, a prefix and a changed byte.
    @Test func spellingInPlaceEqualsElementsEqual() {
        let words = Array(Set(Self.words + ["", "ä", "straße", "北京", "a b", "GmbH"])).sorted()
        for (k, word) in words.enumerated() {
            var others = [word, words[(k + 1) % words.count], String(word.dropLast())]
            if var bytes = Optional(Array(word.utf8)), let last = bytes.indices.last {
                bytes[last] ^= 1
                others.append(String(decoding: bytes, as: UTF8.self))
            }
            for other in others {
                let answer = Array(other.utf8).withUnsafeBufferPointer { WordIndex.spells(word, $0) }
                #expect(answer == word.utf8.elementsEqual(other.utf8), "\(word) / \(other)")
            }
        }
    }

    @Test func insertUnionAndEquality() {
        var set: WordSet = ["und", "and"]
        #expect(!set.insert("und") && set.insert("oder") && set.count == 3)
        set.formUnion(["or", "and"])
        #expect(set == ["or", "oder", "and", "und"] && set != ["or", "oder", "and"])
        #expect(set.isSuperset(of: ["und", "or"]) && !set.isSuperset(of: ["und", "nor"]))
        #expect(set.contains(Substring("oder")) && !WordSet().contains(""))
    }

    @Test func mapAnswersLikeADictionary() {
        let words = Self.words
        var map: WordMap<Int> = [:]
        var expected: [String: Int] = [:]
        for (i, word) in words.enumerated() {
            map[word, default: 0] += i
            expected[word, default: 0] += i
            if i % 3 == 0 { map[word] = i; expected[word] = i }
        }
        #expect(map.count == expected.count)
        for word in words + ["missing", ""] {
            #expect(map[word] == expected[word], "\(word)")
            #expect(map.read(word, { $0 * 2 + 1 }) == expected[word].map { $0 * 2 + 1 }, "\(word), read in place")
        }
        #expect(Dictionary(uniqueKeysWithValues: Array(map)) == expected)
        #expect(map.keys.count == map.values.count)
    }

    /// A map sized up front and filled with `insertIfAbsent` (as ``ResolvedMentions`` fills its
    /// index by key) answers like one grown by the setter behind `contains`: the first value of
    /// each key, in first-insertion order.
    @Test func insertIfAbsentKeepsTheFirstValue() {
        let words = Self.words
        var grown: WordMap<Int> = [:]
        for (i, word) in words.enumerated() where !grown.contains(word) { grown[word] = i }
        for capacity in [0, 1, 17, words.count] {
            var sized = WordMap<Int>(minimumCapacity: capacity)
            for (i, word) in words.enumerated() { sized.insertIfAbsent(word, i) }
            #expect(sized.count == grown.count, "capacity \(capacity)")
            #expect(sized.keys == grown.keys && sized.values == grown.values, "capacity \(capacity)")
            for word in words + ["missing", ""] { #expect(sized[word] == grown[word], "\(word)") }
        }
    }

    /// A token looked up by the hash it carries answers as its key does, in sets and maps built
    /// from half of the tokens' keys.
    @Test func tokensAnswerAsTheirKeys() throws {
        var tokens: [Token] = []
        for text in FastPathTests.texts {
            tokens += Tokenizer.tokens(of: Sentence(position: 0, start: 0, end: text.unicodeScalars.count, text: text))
        }
        try #require(tokens.count > 2_000)
        let half = tokens.enumerated().filter { $0.offset % 2 == 0 }.map(\.element.key)
        let set = WordSet(half)
        var map: WordMap<Int> = [:]
        for (i, key) in half.enumerated() { map[key] = i }
        for token in tokens {
            #expect(token.keyHash == WordIndex.hash(token.key))
            #expect(set.contains(token) == set.contains(token.key), "\(token.key)")
            #expect(map[token] == map[token.key], "\(token.key)")
        }
    }
}
