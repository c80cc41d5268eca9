import Foundation

/// The one place the stage order is written: normalize → metadata → sentences → mentions →
/// resolution → relations → events. Pure: it reads a ``SourceDocument`` and returns an
/// ``ExtractedDocument``; only ``Store`` touches SQLite.
///
/// For example:
///
/// ```swift
/// let pipeline = try Pipeline(rules: RuleSet(rulesDirectory: rulesURL))
/// let doc = try pipeline.extract(SourceDocument(sourceKey: "-", name: "note.txt", path: "-",
///                                               format: .text, text: "PANJIN, China, Nov. 17, 2017 -- …"))
/// doc.metadata.dateline  // "Panjin"
/// ```
public struct Pipeline: Sendable {
    public let rules: RuleSet
    let normalizer: TextNormalizer
    let detector: LanguageDetector
    let metadata: MetadataExtractor
    let splitter: SentenceSplitter
    let dateNormalizers: [Language: TemporalNormalizer]
    let countries: CountryFromFacts
    public var mentionFinder: any MentionFinding
    public var resolver: any EntityResolving
    public var relationExtractor: any RelationExtracting
    public var eventExtractor: any EventExtracting

    public init(rules: RuleSet) {
        self.rules = rules
        normalizer = TextNormalizer(rules: rules.normalization)
        detector = LanguageDetector(rules: rules.normalization)
        metadata = MetadataExtractor(rules: rules.normalization)
        splitter = SentenceSplitter(rules: rules.normalization)
        dateNormalizers = rules.dates.mapValues { TemporalNormalizer(rules: $0) }
        countries = CountryFromFacts(reference: rules.reference)
        mentionFinder = EmptyStage()
        resolver = EmptyStage()
        relationExtractor = EmptyStage()
        eventExtractor = EmptyStage()
    }

    /// Runs every stage on one document.
    ///
    /// - Parameters:
    ///   - language: overrides detection (`gazette extract --language`).
    ///   - published: overrides the date found in the text (`--published`).
    /// - Throws: ``GazetteError/emptyDocument(_:)`` when nothing but boilerplate is left.
    ///   - knownSHA256: the fingerprint this source had in the knowledge base; when the normalized
    ///     text still has it, the other stages are skipped and the document comes back without
    ///     sentences or facts (the writer leaves it unchanged), which makes re-running an import cheap.
    public func extract(_ source: SourceDocument, language: Language? = nil,
                        published: PartialDate? = nil, knownSHA256: String? = nil) throws(GazetteError) -> ExtractedDocument {
        var clock = StageTimes()
        let text = clock.time(.normalize) { normalizer.normalize(source.text) }
        guard text.contains(where: { $0.isLetter }) else { throw .emptyDocument(source.path) }
        if let knownSHA256, SHA256.hex(text.utf8) == knownSHA256 {
            let meta = DocumentMetadata(name: source.name, language: language ?? .en, sha256: knownSHA256)
            return ExtractedDocument(
                sourceKey: source.sourceKey, path: source.path, metadata: meta, text: text,
                wordCount: Pipeline.wordCount(text), sentences: [], mentions: [], entities: [], facts: [], events: [],
                dates: [], times: clock)
        }
        let (language, dateline) = clock.time(.normalize) {
            (language ?? detector.language(of: text), metadata.dateline(of: text))
        }
        var publishedDate = clock.time(.normalize) {
            published
                ?? source.published.flatMap(PartialDate.init(iso:))
                ?? dateline?.stamp
                ?? dateline?.date
                ?? metadata.headDate(of: text)
        }
        let sentences = clock.time(.sentences) { splitter.sentences(in: text, language: language) }
        var allDates = clock.time(.dates) { dateExpressions(sentences, language: language, published: publishedDate) }
        // A byline such as "Posted on 14 September 2022 | News" (a short line among the first ones) on an
        // undated page is its publication date; relative dates are read again against it.
        // A sentence's offsets count its scalars: counting its text's scalars again walked the
        // whole of each first sentence, on every document, dated or not.
        let bylines = sentences.prefix(6).indices.filter { sentences[$0].end - sentences[$0].start <= 60 }
        if publishedDate == nil, let posted = bylines.lazy.compactMap({ allDates[$0].first { $0.precision == .day } }).first {
            publishedDate = posted.dateStart
            allDates = clock.time(.dates) { dateExpressions(sentences, language: language, published: publishedDate) }
        }
        // The dateline's date is when the text was written, not when anything in it happened.
        let bodyStart = dateline?.bodyStart ?? 0
        // Only a sentence with a date before the body is changed: filtering every sentence's
        // dates made a new array for each sentence that had any.
        var dates = allDates
        if bodyStart > 0 {
            for k in dates.indices where dates[k].contains(where: { $0.start < bodyStart }) {
                dates[k].removeAll { $0.start < bodyStart }
            }
        }
        if publishedDate == nil {
            // Else an undated page was written no earlier than the latest year it names.
            publishedDate = allDates.joined().filter { $0.precision != .range }.map(\.dateStart.year).max().map { PartialDate(year: $0) }
        }
        let analyzed = clock.time(.tokens) {
            AnalyzedText(text: text, language: language, published: publishedDate, sentences: sentences, dates: dates)
        }
        var found = clock.time(.mentions) { mentionFinder.mentions(in: analyzed) }
        let resolved = clock.time(.resolution) {
            // The mentions are handed over with no other reference left here: resolution changes
            // them in place, and an array still held here was copied whole at its first change.
            let mentions = found
            found = []
            var resolved = resolver.resolve(mentions, in: analyzed)
            resolved.makeIndexes(sentences: sentences.count)
            return resolved
        }
        let facts = clock.time(.relations) { relationExtractor.facts(in: analyzed, entities: resolved) }
        let entities = clock.time(.resolution) { countries.apply(to: resolved.entities, facts: facts) }
        let events = clock.time(.events) { eventExtractor.events(in: analyzed, entities: resolved) }
        let meta = clock.time(.normalize) {
            DocumentMetadata(
                name: source.name,
                title: source.title ?? metadata.title(of: text),
                published: publishedDate?.iso,
                dateline: dateline?.city,
                source: source.source ?? metadata.source(of: text),
                url: source.url,
                language: language,
                sha256: SHA256.hex(text.utf8))
        }
        return ExtractedDocument(
            sourceKey: source.sourceKey, path: source.path, metadata: meta, text: text,
            wordCount: Pipeline.wordCount(text), sentences: sentences, mentions: resolved.mentions,
            entities: entities, facts: facts, events: events, dates: Array(allDates.joined()), times: clock)
    }

    /// The dates of each sentence, in document order so that "vom 11. bis 13." takes its month from
    /// an earlier sentence; offsets are made document offsets.
    func dateExpressions(_ sentences: [Sentence], language: Language, published: PartialDate?) -> [[DateExpression]] {
        guard let normalizer = dateNormalizers[language] else { return sentences.map { _ in [] } }
        var context = DateContext()
        return sentences.map { sentence in
            // Moved in place: a mapped copy was a second array per sentence with a date.
            var dates = normalizer.dates(in: sentence.text, reference: published, context: &context)
            for k in dates.indices {
                dates[k].start += sentence.start
                dates[k].end += sentence.start
            }
            return dates
        }
    }

    /// Words as the benchmark counts them: runs of letters or digits (``ASCIIFlags/wordRuns(_:)``).
    public static func wordCount(_ text: String) -> Int {
        // The bytes in place: iterating `text.utf8` cost 40 instructions a byte.
        var text = text
        return text.withUTF8(ASCIIFlags.wordRuns)
    }
}
