extension EvaluationRun {
    /// The European-JV question across all gold files: (firm, place) pairs of `has_joint_venture_in`
    /// with a European firm, against `joint_ventures` rows with `firm_region = 'Europe'`, both sides
    /// mapped to canonical gold names.
    mutating func scoreJointVentures(_ golds: [GoldFile]) throws(GazetteError) {
        var countryRegion: [String: String] = [:]
        var goldAlias: [String: String] = [:]
        for gold in golds {
            for (i, entity) in gold.entities.enumerated() {
                if entity.subtype == "country", let region = entity.region, !region.isEmpty {
                    for key in gold.keys[i] { countryRegion[key] = Evaluator.norm(region) }
                }
                for key in gold.keys[i] where goldAlias[key] == nil {
                    goldAlias[key] = Evaluator.norm(entity.name)
                }
            }
        }
        func isEuropean(_ country: String?) -> Bool {
            let c = Evaluator.norm(country)
            return countryRegion[c] == "europe" || Evaluator.europeanCountries.contains(c)
        }
        func canon(_ name: String) -> String {
            goldAlias[Evaluator.norm(name)] ?? Evaluator.norm(name)
        }
        var goldPairs = Set<Pair>()
        for gold in golds {
            for r in gold.relationships where r.predicate == "has_joint_venture_in" {
                if let i = gold.match([r.subject]), isEuropean(gold.entities[i].country) {
                    goldPairs.insert(Pair(canon(gold.entities[i].name), canon(r.object)))
                }
            }
        }
        // The row's own name first, then its aliases in a fixed (not hash) order.
        func storeCanon(_ name: String?) -> String {
            let aliases = (views.aliasesOf[name] ?? []).sorted {
                PythonText.less(PythonText.str($0), PythonText.str($1))
            }
            for candidate in [name] + aliases {
                if let canonical = goldAlias[Evaluator.norm(candidate)] { return canonical }
            }
            return Evaluator.norm(name)
        }
        var storePairs = Set<Pair>()
        do throws(GazetteError) {
            let table = try views.store.rows(
                sql: "SELECT firm, place FROM joint_ventures WHERE firm_region = 'Europe'")
            for row in table.rows {
                storePairs.insert(
                    Pair(storeCanon(PublicViews.str(row[0])), storeCanon(PublicViews.str(row[1]))))
            }
        } catch .invalidArgument(let message) {
            misses.problem("joint_ventures view: " + Self.sqliteMessage(message))
        }
        let correct = goldPairs.intersection(storePairs).count
        jvPairs += Tally(
            matchedPredicted: correct, predicted: storePairs.count, matchedGold: correct,
            gold: goldPairs.count)
        for pair in goldPairs.subtracting(storePairs).sorted() {
            misses.verbose("JV question: missed \(pair.repr)")
        }
        for pair in storePairs.subtracting(goldPairs).sorted() {
            misses.verbose("JV question: extra \(pair.repr)")
        }
    }

    /// SQLite's own message, as Python's `sqlite3.Error` prints it, without the store's prefix.
    static func sqliteMessage(_ message: String) -> String {
        let prefix = "SQL error: "
        return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
    }

    /// A (firm, place) pair of canonical names, ordered as Python orders tuples of strings.
    struct Pair: Hashable, Comparable {
        var firm: String
        var place: String

        init(_ firm: String, _ place: String) {
            self.firm = firm
            self.place = place
        }

        static func < (a: Pair, b: Pair) -> Bool {
            a.firm != b.firm ? PythonText.less(a.firm, b.firm) : PythonText.less(a.place, b.place)
        }

        var repr: String { PythonText.tuple([PythonText.repr(firm), PythonText.repr(place)]) }
    }
}
