extension StringProtocol where SubSequence == Substring {
    /// The pieces between ASCII separator bytes: `split(maxSplits:omittingEmptySubsequences:whereSeparator:)`
    /// (the standard library's algorithm) over UTF-8 bytes instead of `Character`s.
    ///
    /// Splitting names at spaces and texts at newlines `Character` by `Character` was a tenth of an
    /// import's instructions (grapheme breaking for every letter). A position after an ASCII byte is
    /// a scalar boundary; the pieces are those of a `Character` split except after a space followed
    /// by a combining mark (one `Character` there, two pieces here) and at "\r\n" (one `Character`),
    /// which normalized text does not hold.
    func splitASCII(maxSplits: Int = .max, omittingEmptySubsequences: Bool = true,
                    whereSeparator isSeparator: (UInt8) -> Bool) -> [Substring] {
        var result: [Substring] = []
        var start = startIndex
        func append(upTo end: Index) -> Bool {
            if start == end && omittingEmptySubsequences { return false }
            result.append(self[start..<end])
            return true
        }
        if maxSplits == 0 || isEmpty {
            _ = append(upTo: endIndex)
            return result
        }
        let bytes = utf8
        var position = start
        let end = endIndex
        while position != end {
            if isSeparator(bytes[position]) {
                let appended = append(upTo: position)
                bytes.formIndex(after: &position)
                start = position
                if appended && result.count == maxSplits { break }
                continue
            }
            bytes.formIndex(after: &position)
        }
        if start != end || !omittingEmptySubsequences {
            result.append(self[start..<end])
        }
        return result
    }

    /// ``splitASCII(maxSplits:omittingEmptySubsequences:whereSeparator:)`` at one ASCII byte.
    func splitASCII(separator: UInt8, maxSplits: Int = .max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        splitASCII(maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences) { $0 == separator }
    }
}
