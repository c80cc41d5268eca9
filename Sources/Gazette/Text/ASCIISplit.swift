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
        // The bytes in place when they are contiguous (native strings and their substrings):
        // stepping `String.Index` through the UTF-8 view cost about 20 instructions a byte.
        if let pieces = utf8.withContiguousStorageIfAvailable({ bytes in
            splitASCII(bytes, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences,
                       whereSeparator: isSeparator)
        }) {
            return pieces
        }
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

    /// The split over `bytes`, this text's UTF-8: separator positions found by offset, pieces cut
    /// by index only where one ends (a UTF-8 offset next to an ASCII byte is a scalar boundary).
    private func splitASCII(_ bytes: UnsafeBufferPointer<UInt8>, maxSplits: Int, omittingEmptySubsequences: Bool,
                            whereSeparator isSeparator: (UInt8) -> Bool) -> [Substring] {
        var result: [Substring] = []
        // Room for eight pieces at once: most splits are a name's words or a line's head, and
        // growing from one piece reallocated the array two or three times (235,000 times on 2 MB).
        result.reserveCapacity(maxSplits < 7 ? maxSplits + 1 : 8)
        let base = utf8.startIndex
        func piece(_ from: Int, _ to: Int) -> Substring {
            self[utf8.index(base, offsetBy: from)..<utf8.index(base, offsetBy: to)]
        }
        if maxSplits == 0 || bytes.isEmpty {
            if !(bytes.isEmpty && omittingEmptySubsequences) { result.append(piece(0, bytes.count)) }
            return result
        }
        var start = 0
        var position = 0
        while position < bytes.count {
            if isSeparator(bytes[position]) {
                let appended = !(start == position && omittingEmptySubsequences)
                if appended { result.append(piece(start, position)) }
                position += 1
                start = position
                if appended && result.count == maxSplits { break }
                continue
            }
            position += 1
        }
        if start != bytes.count || !omittingEmptySubsequences {
            result.append(piece(start, bytes.count))
        }
        return result
    }

    /// ``splitASCII(maxSplits:omittingEmptySubsequences:whereSeparator:)`` at one ASCII byte.
    func splitASCII(separator: UInt8, maxSplits: Int = .max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        splitASCII(maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences) { $0 == separator }
    }
}
