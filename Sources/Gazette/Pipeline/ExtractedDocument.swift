/// Everything the pipeline found in one document, ready to be written in one transaction or
/// printed by `gazette extract`.
public struct ExtractedDocument: Sendable {
    /// Identity of the source across imports (path, path#line or URL).
    public var sourceKey: String
    public var path: String
    public var metadata: DocumentMetadata
    /// The normalized text that offsets point into.
    public var text: String
    public var wordCount: Int
    public var sentences: [Sentence]
    public var mentions: [Mention]
    public var entities: [ResolvedEntity]
    public var facts: [Fact]
    public var events: [Event]
    /// Every date expression, with document offsets.
    public var dates: [DateExpression]
    /// How long each stage took on this document (not part of what is stored).
    public var times = StageTimes()
}
