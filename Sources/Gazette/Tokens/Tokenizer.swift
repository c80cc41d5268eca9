/// Splits a sentence into ``Token``s in one pass over its Unicode scalars.
///
/// Words keep inner hyphens, periods between letters or digits, and `&` between capitals
/// ("BMW-Brilliance", "S.p.A.", "4.0", "R&D"); a possessive `'s` is its own token so that
/// "Panjin's" yields "Panjin". Offsets are document offsets (the sentence's start added).
///
/// For example:
///
/// ```swift
/// Tokenizer.tokens(of: Sentence(position: 0, start: 0, end: 22, text: "Panjin's BMW-Brilliance"))
/// // Panjin, 's, BMW-Brilliance
/// ```
public enum Tokenizer {
    public static func tokens(of sentence: Sentence) -> [Token] {
        let s = [Unicode.Scalar](scalarsOf: sentence.text)
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 5)
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            if c == " " { i += 1; continue }
            if ScalarClass.isWordScalar(c) {
                var j = i + 1
                while j < n {
                    let d = s[j]
                    if ScalarClass.isWordScalar(d) { j += 1; continue }
                    // Inner joiners: hyphen, period and slash between alphanumerics; '&' between capitals.
                    if j + 1 < n, ScalarClass.isWordScalar(s[j + 1]) {
                        if d == "-" || d == "‐" || d == "‑" { j += 1; continue }
                        if d == "." && (ScalarClass.isUppercase(s[j + 1]) || ("0"..."9").contains(s[j + 1])) && j - i <= 3 {
                            j += 1; continue
                        }
                        if d == "." && ("0"..."9").contains(s[j - 1]) && ("0"..."9").contains(s[j + 1]) { j += 1; continue }
                        if d == "," && ("0"..."9").contains(s[j - 1]) && ("0"..."9").contains(s[j + 1]) { j += 1; continue }
                        if d == "&" && ScalarClass.isUppercase(s[j - 1]) && ScalarClass.isUppercase(s[j + 1]) && j - i <= 2 {
                            j += 1; continue
                        }
                    }
                    // A German truncation hyphen stays on its word: "Wirtschafts- und Handelsdelegation".
                    if (d == "-") && (j + 1 == n || s[j + 1] == " ") && j > i && ScalarClass.isAlphabetic(s[j - 1]) {
                        j += 1
                    }
                    break
                }
                // Abbreviation periods such as "S.p.A." or "U.S." end the word.
                if j < n, s[j] == ".", j - i <= 6, s[i..<j].contains("."), !s[i..<j].contains(where: { ("0"..."9").contains($0) }) {
                    j += 1
                }
                tokens.append(make(s, i, j, sentence.start))
                i = j
                continue
            }
            // Possessive 's / ’s after a word.
            if (c == "'" || c == "’"), i + 1 < n, s[i + 1] == "s" || s[i + 1] == "S",
               i + 2 == n || !ScalarClass.isWordScalar(s[i + 2]), let last = tokens.last, last.end - sentence.start == i {
                tokens.append(Token(text: String(String.UnicodeScalarView(s[i..<(i + 2)])), key: "'s",
                                    start: sentence.start + i, end: sentence.start + i + 2, shape: .punctuation))
                i += 2
                continue
            }
            // Runs of the same punctuation ("--", "...") are one token.
            var j = i + 1
            while j < n, s[j] == c, c == "-" || c == "." { j += 1 }
            tokens.append(make(s, i, j, sentence.start))
            i = j
        }
        return tokens
    }


    static func make(_ s: [Unicode.Scalar], _ i: Int, _ j: Int, _ base: Int) -> Token {
        makeASCII(s, i, j, base) ?? makeGeneral(s, i, j, base)
    }

    /// Any token, through the Unicode properties of its scalars.
    static func makeGeneral(_ s: [Unicode.Scalar], _ i: Int, _ j: Int, _ base: Int) -> Token {
        let slice = s[i..<j]
        let text = String(scalars: slice)
        let shape: Token.Shape
        let first = slice[slice.startIndex]
        if ("0"..."9").contains(first) {
            shape = .number
        } else if ScalarClass.isAlphabetic(first) {
            if ScalarClass.isUppercase(first) {
                let letters = slice.filter(ScalarClass.isAlphabetic)
                shape = letters.count >= 2 && letters.allSatisfy(ScalarClass.isUppercase) ? .upper : .capitalized
            } else {
                shape = .lower
            }
        } else {
            shape = .punctuation
        }
        return Token(text: text, key: Folding.key(text), start: base + i, end: base + j, shape: shape)
    }

    /// ``make(_:_:_:_:)`` for an all-ASCII token, the common case: text, folded key and shape
    /// straight from the bytes, the same values the Unicode path gives. Nil for any other token.
    static func makeASCII(_ s: [Unicode.Scalar], _ i: Int, _ j: Int, _ base: Int) -> Token? {
        var hasUpper = false
        var lowerLetters = 0
        for k in i..<j {
            let v = s[k].value
            // "`" folds to "'": leave it to Folding.
            guard v < 0x80, v != 0x60 else { return nil }
            if v >= 0x41 && v <= 0x5A { hasUpper = true } else if v >= 0x61 && v <= 0x7A { lowerLetters += 1 }
        }
        let count = j - i
        let text = String(unsafeUninitializedCapacity: count) { buffer in
            for k in 0..<count { buffer[k] = UInt8(s[i + k].value) }
            return count
        }
        let key = !hasUpper ? text : String(unsafeUninitializedCapacity: count) { buffer in
            for k in 0..<count {
                let b = UInt8(s[i + k].value)
                buffer[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            }
            return count
        }
        let first = UInt8(s[i].value)
        let shape: Token.Shape
        if first >= 0x30 && first <= 0x39 {
            shape = .number
        } else if first >= 0x41 && first <= 0x5A {
            let upperLetters = (i..<j).reduce(0) { $0 + (s[$1].value >= 0x41 && s[$1].value <= 0x5A ? 1 : 0) }
            shape = upperLetters >= 2 && lowerLetters == 0 ? .upper : .capitalized
        } else if first >= 0x61 && first <= 0x7A {
            shape = .lower
        } else {
            shape = .punctuation
        }
        return Token(text: text, key: key, start: base + i, end: base + j, shape: shape)
    }
}
