/// Substring search over UTF-8 bytes: a literal match, without the locale- and
/// equivalence-aware comparison Foundation's `range(of:)` makes (and pays for).
enum ByteSearch {
    /// The byte offset of the first occurrence of `needle` in `haystack`, or nil.
    static func firstOffset(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty ? 0 : nil }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
