import Testing
@testable import Gazette

/// The event rules' word filters (``EventRules/mayBeginTrigger(_:)``, ``EventRules/mayBeginRefersBack(_:at:)``)
/// pass every token the trigger table holds and every place a refers-back phrase begins, on every
/// token of the test texts and seeds (and on sentences made of the phrases themselves), so that the
/// stage finds what looking every token up finds.
@Suite struct EventWordFilterTests {
    @Test func filtersPassEveryTableWord() {
        func tokens(_ line: String) -> [Token] {
            Tokenizer.tokens(of: Sentence(position: 0, start: 0, end: line.count, text: line))
        }
        var sentences = TestSupport.corpusTexts().flatMap { $0.split(separator: "\n").map { tokens(String($0)) } }
        for language in Language.allCases {
            for phrase in TestSupport.ruleSet.events[language]?.refersBack ?? [] {
                sentences.append(tokens("At " + phrase.joined(separator: " ") + " they met."))
            }
        }
        #expect(sentences.reduce(0) { $0 + $1.count } > 5_000)
        for language in Language.allCases {
            guard let rules = TestSupport.ruleSet.events[language] else { continue }
            var triggers = 0, backs = 0, ruledOut = 0, tokenCount = 0
            for sentence in sentences {
                for i in sentence.indices {
                    let isTrigger = rules.byFirstWord.contains(sentence[i])
                    let isBack = rules.refersBackByFirstWord.longestPhrase(in: sentence, at: i) > 0
                    if isTrigger { #expect(rules.mayBeginTrigger(sentence[i].keyHash), "\(sentence[i].key)") }
                    if isBack { #expect(rules.mayBeginRefersBack(sentence, at: i), "\(sentence[i].key)") }
                    if isTrigger { triggers += 1 }
                    if isBack { backs += 1 }
                    if !rules.mayBeginTrigger(sentence[i].keyHash) && !rules.mayBeginRefersBack(sentence, at: i) { ruledOut += 1 }
                    tokenCount += 1
                }
            }
            for key in rules.byFirstWord.keys { #expect(rules.mayBeginTrigger(WordIndex.hash(key)), "\(key)") }
            #expect(triggers > 0 && backs > 0)
            // The filters are worth asking: they turn most tokens away.
            #expect(ruledOut * 2 > tokenCount)
        }
    }

    /// The stage's scans (``EventRules/nextRefersBackStart(_:from:)``, ``EventRules/nextTriggerStart(_:from:)``)
    /// stop at exactly the tokens whose filter passes, on every sentence of the test texts.
    @Test func scansStopWhereTheFiltersPass() {
        let sentences = TestSupport.corpusTexts().flatMap { $0.split(separator: "\n") }.map { line in
            Tokenizer.tokens(of: Sentence(position: 0, start: 0, end: line.count, text: String(line)))
        }
        for language in Language.allCases {
            guard let rules = TestSupport.ruleSet.events[language] else { continue }
            var stops = 0
            for sentence in sentences {
                let backs = sentence.indices.filter { rules.mayBeginRefersBack(sentence, at: $0) }
                let triggers = sentence.indices.filter { rules.mayBeginTrigger(sentence[$0].keyHash) }
                sentence.withUnsafeBufferPointer { buffer in
                    func scan(_ next: (Int) -> Int) -> [Int] {
                        var found: [Int] = []
                        var i = next(0)
                        while i < buffer.count { found.append(i); i = next(i + 1) }
                        return found
                    }
                    #expect(scan { rules.nextRefersBackStart(buffer, from: $0) } == backs)
                    #expect(scan { rules.nextTriggerStart(buffer, from: $0) } == triggers)
                }
                stops += backs.count + triggers.count
            }
            #expect(stops > 100)
        }
    }

    /// Changing the tables after loading refills the filters.
    @Test func filtersFollowTheTables() throws {
        var rules = try #require(TestSupport.ruleSet.events[.en])
        let word = "zzyzx"
        #expect(!rules.byFirstWord.contains(word) && !rules.refersBackByFirstWord.contains(word))
        rules.byFirstWord[word] = [0]
        rules.refersBack.append([word])
        let sentence = Tokenizer.tokens(of: Sentence(position: 0, start: 0, end: 5, text: word))
        #expect(rules.mayBeginTrigger(WordIndex.hash(word)))
        #expect(rules.mayBeginRefersBack(sentence, at: 0))
    }
}
