import Foundation

/// One document as read from its source, before normalization.
///
/// A `.txt` or `.html` file gives one; a `.jsonl` file gives one per line.
public struct SourceDocument: Sendable, Hashable {
    /// The input format, which decides how markup is removed.
    public enum Format: String, Sendable, Hashable { case text, html }

    /// Identifies the document across imports: its path, `path#line` for JSONL, or its URL.
    public var sourceKey: String
    /// The name `documents.name` shows: the file name, or for JSONL the URL's last part or `file#line`.
    public var name: String
    /// The path the user can find it at, for error messages.
    public var path: String
    public var format: Format
    /// The decoded text, markup still in place for HTML.
    public var text: String
    /// Metadata given by the container (JSONL fields, HTML meta tags); wins over what the text says.
    public var title: String?
    public var published: String?
    public var url: String?
    public var source: String?

    public init(sourceKey: String, name: String, path: String, format: Format, text: String,
                title: String? = nil, published: String? = nil, url: String? = nil, source: String? = nil) {
        self.sourceKey = sourceKey
        self.name = name
        self.path = path
        self.format = format
        self.text = text
        self.title = title
        self.published = published
        self.url = url
        self.source = source
    }
}
