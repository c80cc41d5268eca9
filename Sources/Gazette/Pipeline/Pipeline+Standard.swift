extension Pipeline {
    /// The pipeline with every stage Gazette ships, configured from `rules`.
    public static func standard(rules: RuleSet) -> Pipeline {
        var pipeline = Pipeline(rules: rules)
        let names = NameIndex(reference: rules.reference, lexicon: rules.mentions[.en]?.lexicon ?? [])
        let finder = MentionFinder(rules: rules.mentions, names: names, reference: rules.reference,
                                   regionAdjectives: rules.regionAdjectives)
        pipeline.mentionFinder = finder
        pipeline.resolver = EntityResolver(reference: rules.reference, rules: rules.mentions, finder: finder)
        pipeline.relationExtractor = RelationExtractor(rules: rules.relations)
        pipeline.eventExtractor = EventExtractor(rules: rules.events)
        return pipeline
    }
}
