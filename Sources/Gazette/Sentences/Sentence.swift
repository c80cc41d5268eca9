/// One sentence of a document: its text and where it is in the document's normalized text.
///
/// Offsets count Unicode scalars, so `substr(document.text, start + 1, end - start)` in SQL and
/// `text[start..<end]` over `unicodeScalars` in Python return ``text``.
public struct Sentence: Sendable, Hashable, Codable {
    /// 0-based order in the document.
    public var position: Int
    public var start: Int
    public var end: Int
    public var text: String

    public init(position: Int, start: Int, end: Int, text: String) {
        self.position = position
        self.start = start
        self.end = end
        self.text = text
    }
}
