import ArgumentParser
import Foundation
import Gazette
import GazetteSeeds

/// `--rules DIR` and `--reference DIR`: where the rules and reference data come from.
struct RulesOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A rules folder with one sub-folder per language (default: the rules shipped with gazette).",
                               valueName: "dir"))
    var rules: String?

    @Option(help: ArgumentHelp("A reference-data folder (default: the data shipped with gazette).", valueName: "dir"))
    var reference: String?

    func ruleSet() throws -> RuleSet {
        guard let rulesURL = rules.map({ URL(fileURLWithPath: $0) }) ?? Seeds.rulesDirectory else {
            throw GazetteError.invalidArgument("the shipped rules were not found next to the gazette binary; pass --rules DIR")
        }
        let referenceURL = reference.map { URL(fileURLWithPath: $0) } ?? Seeds.referenceDirectory
        return try RuleSet(rulesDirectory: rulesURL, referenceDirectory: referenceURL)
    }

    func pipeline() throws -> Pipeline {
        Pipeline.standard(rules: try ruleSet())
    }
}
