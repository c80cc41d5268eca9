extension Pipeline {
    /// The pipeline with every stage Gazette ships, configured from `rules`.
    public static func standard(rules: RuleSet) -> Pipeline {
        Pipeline(rules: rules)
    }
}
