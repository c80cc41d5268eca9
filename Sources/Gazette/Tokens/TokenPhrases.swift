extension Array where Element == Token {
    /// Whether the tokens from `start` on have `phrase`'s folded words as their keys.
    ///
    /// Read in place, token by token: the `zip(phrase, tokens[a..<b]).allSatisfy` this replaces
    /// copied every token of the slice (retaining and releasing both its strings) to compare one
    /// field, and the rules compare phrases at most tokens of a sentence.
    func spells(_ phrase: [String], at start: Int) -> Bool {
        guard start >= 0, start + phrase.count <= count else { return false }
        for k in phrase.indices where self[start + k].key != phrase[k] { return false }
        return true
    }
}
