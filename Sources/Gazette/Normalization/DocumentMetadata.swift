/// What Gazette knows about a document besides its text, as `documents` shows it.
public struct DocumentMetadata: Sendable, Hashable, Codable {
    public var name: String
    public var title: String?
    /// ISO date as precise as known.
    public var published: String?
    /// The dateline city, e.g. "Panjin".
    public var dateline: String?
    public var source: String?
    public var url: String?
    public var language: Language
    public var sha256: String

    public init(name: String, title: String? = nil, published: String? = nil, dateline: String? = nil,
                source: String? = nil, url: String? = nil, language: Language, sha256: String) {
        self.name = name
        self.title = title
        self.published = published
        self.dateline = dateline
        self.source = source
        self.url = url
        self.language = language
        self.sha256 = sha256
    }
}
