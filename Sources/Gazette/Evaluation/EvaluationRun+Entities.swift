extension EvaluationRun {
    /// Matches the `entity_summary` rows that mention the document with its gold entities. The first
    /// row matching a gold entity is correct; a second row for it is an unresolved duplicate, an extra.
    mutating func scoreEntities(_ gold: GoldFile) -> Tally {
        let d = gold.document
        let mine = views.entities.filter { $0.documents.contains(d) }
        var matchedGold = Set<Int>()
        var correct = 0
        for entity in mine {
            guard let i = gold.match(entity.aliasList) else {
                misses.verbose(
                    "\(d): extra entity \(PythonText.str(entity.name)) (\(PythonText.str(entity.type)))"
                )
                continue
            }
            let expected = gold.entities[i]
            if matchedGold.contains(i) {
                misses.verbose(
                    "\(d): duplicate entity \(PythonText.str(entity.name)) (same as gold \(expected.name))"
                )
                continue
            }
            correct += 1
            matchedGold.insert(i)
            typeAccuracy.count(Evaluator.norm(entity.type) == Evaluator.norm(expected.type))
            if let country = expected.country, Self.hasScoredCountry(expected) {
                let got = Evaluator.norm(entity.country)
                if !got.isEmpty && got == Evaluator.norm(country) {
                    countryAccuracy.count(true)
                } else {
                    countryAccuracy.count(false)
                    misses.verbose(
                        "\(d): country of \(expected.name) gold=\(country) got=\(PythonText.str(entity.country))"
                    )
                }
            }
        }
        for (i, expected) in gold.entities.enumerated() where !matchedGold.contains(i) {
            misses.verbose(
                "\(d): missed entity \(expected.name) (\(PythonText.str(expected.type)))")
        }
        return Tally(
            matchedPredicted: correct, predicted: mine.count, matchedGold: matchedGold.count,
            gold: gold.entities.count)
    }

    /// Whether an entity's country is scored: any entity with a country, except countries and regions.
    static func hasScoredCountry(_ entity: GoldFile.Entity) -> Bool {
        guard let country = entity.country, !country.isEmpty else { return false }
        return entity.type != "place" || (entity.subtype != "country" && entity.subtype != "region")
    }
}
