import ArgumentParser
import Foundation
import Testing
@testable import Gazette
@testable import GazetteCLI

/// The query-layer commands (entities, show, facts, jv, timeline, query, ask, why, graph, export,
/// datasette) on one seeds database, run as `gazette` would run them.
@Suite(.serialized) struct QueryCommandsTests {
    static let database: Result<String, GazetteError> = {
        do {
            let directory = try CLITestSupport.makeTemporaryDirectory()
            let db = directory.appendingPathComponent("news.db").path
            _ = try CLITestSupport.importSeeds(db)
            return .success(db)
        } catch {
            return .failure(.invalidArgument("seed import failed: \(error)"))
        }
    }()

    func run(_ arguments: [String]) throws -> String {
        let db = try Self.database.get()
        return try CLITestSupport.run([arguments[0], "--db", db] + arguments.dropFirst())
    }

    func message(_ arguments: [String]) throws -> (String, ExitCode) {
        let db = try Self.database.get()
        do {
            _ = try CLITestSupport.run([arguments[0], "--db", db] + arguments.dropFirst())
        } catch {
            return (GazetteCommand.message(for: error), GazetteCommand.exitCode(for: error))
        }
        Issue.record("\(arguments) did not fail")
        return ("", .success)
    }

    @Test(arguments: ["entities", "show", "facts", "jv", "timeline", "query", "ask", "why", "graph", "export", "datasette"])
    func helpEndsWithExample(command: String) throws {
        let help = GazetteCommand.helpMessage(for: Self.type(of: command))
        #expect(help.contains("Example:\n"), "\(command)")
        #expect(help.contains("USAGE: gazette \(command)"), "\(command)")
        let examples = help.components(separatedBy: "Example:").last ?? ""
        #expect(examples.contains("  gazette \(command)"), "\(command)")
    }

    static func type(of command: String) -> any ParsableCommand.Type {
        let all: [any ParsableCommand.Type] = [
            GazetteCommand.Entities.self, GazetteCommand.Show.self, GazetteCommand.Facts.self, GazetteCommand.JV.self,
            GazetteCommand.Timeline.self, GazetteCommand.Query.self, GazetteCommand.Ask.self, GazetteCommand.Why.self,
            GazetteCommand.Graph.self, GazetteCommand.Export.self, GazetteCommand.Datasette.self,
        ]
        return all.first { $0._commandName == command } ?? GazetteCommand.self
    }

    @Test func rootHelpListsTheCommands() {
        let help = GazetteCommand.helpMessage()
        for name in ["entities", "show", "facts", "jv", "timeline", "query", "ask", "why", "graph", "export", "datasette"] {
            #expect(help.contains("  \(name) "), "\(name)")
        }
    }

    @Test func entitiesAndFactsAsCSV() throws {
        let entities = try run(["entities", "--type", "organization", "--country", "Germany", "--format", "csv"])
        #expect(entities.hasPrefix("name,type,subtype,country,country_source,region,mentions,aliases,documents\r\n"))
        #expect(entities.contains("\r\nLeoni,organization,company,Germany,reference,Europe,"))
        let facts = try run(["facts", "--predicate", "has_joint_venture_in", "--format", "jsonl"])
        #expect(facts.contains("\"subject\": \"Leoni\", \"predicate\": \"has_joint_venture_in\", \"object\": \"Panjin\", \"attributes\": {}"))
    }

    @Test func jvAnswersTheHeadlineQuestion() throws {
        let csv = try run(["jv", "--region", "Europe", "--place", "Liaoning", "--format", "csv"])
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "firm,firm_country,firm_region,place,place_country,document,sentence")
        let firms = Set(lines.dropFirst().map { String($0.prefix { $0 != "," }) })
        #expect(firms == ["Clariant", "Dynasol", "Leoni"])
    }

    /// `--limit` prints the first rows of the full answer (the note that more matched goes to
    /// standard error, not into the rows); 0 prints all.
    @Test(arguments: [["jv", "--region", "Europe"], ["query", "organization has_joint_venture_in place"]])
    func limitPrintsTheFirstRows(command: [String]) throws {
        func lines(_ limit: String) throws -> [String] {
            try run(command + ["--format", "csv", "--limit", limit]).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        }
        let all = try lines("0")
        try #require(all.count > 3)
        #expect(try lines("2") == Array(all.prefix(3)))
        #expect(try lines("\(all.count - 1)") == all)
        #expect(try message(command + ["--limit=-1"]).0.contains("--limit must be 0 (all) or more"))
    }

    @Test func timelineAndShow() throws {
        let timeline = try run(["timeline", "--entity", "Panjin", "--from", "2017", "--to", "2017-12", "--format", "jsonl"])
        #expect(!timeline.isEmpty && timeline.split(separator: "\n").allSatisfy { $0.contains("\"date_start\": \"2017") })
        let show = try run(["show", "soren link"])
        #expect(show.hasPrefix("name:           Sören Link\nkey:            person:soren link\ntype:           person\n"))
        #expect(show.contains("\nFacts (2)\n") && show.contains("holds_position"))
        let cut = try run(["show", "panjin", "--limit", "1"])
        #expect(cut.contains("\nMentions (first 1; --limit 0 for all)\n"), "\(cut)")
        let json = try run(["show", "Sören Link", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["entity"] as? [String: Any])?["name"] as? String == "Sören Link")
        #expect((object["facts"] as? [[String: Any]])?.first?["object"] as? String == "Duisburg")
    }

    @Test func queryRunsPrintsSQLAndPointsAtErrors() throws {
        let table = try run(["query", "organization[region=Europe] has_joint_venture_in place[subtype=city]", "--format", "csv"])
        #expect(table.hasPrefix("subject,subject_type,predicate,object,object_type,attributes,confidence,fact_id,document,sentence\r\n"))
        #expect(table.contains("\r\nLeoni,organization,has_joint_venture_in,Panjin,place,{},"))
        let sql = try run(["query", "--sql", "organization in_talks_with place within Liaoning"])
        #expect(sql.hasPrefix("WITH RECURSIVE inside(id) AS (\n"))
        #expect(sql.contains("UNION ALL") && sql.hasSuffix("-- :object_type = 'place'\n"))
        let lean = try run(["query", "--no-evidence", "place friendship_city_of place[country=Japan]", "--format", "jsonl"])
        #expect(lean.contains("\"subject\": \"Shenyang\"") && lean.contains("\"evidence\": ") && !lean.contains("\"sentence\""))
        let (text, code) = try message(["query", "organization in_talks_wit place"])
        #expect(text.hasPrefix("invalid pattern at column 14: unknown predicate 'in_talks_wit'\n  organization in_talks_wit place\n               ^^^^^^^^^^^^\n"))
        #expect(code == .failure)
    }

    @Test func askListsAndRuns() throws {
        let list = try run(["ask", "--list", "--format", "csv"])
        #expect(list.hasPrefix("name,title,parameters,description\r\n"))
        #expect(list.contains("\r\njoint_ventures_by_region,Which firms from a region have joint ventures in which place?,region=Europe,"))
        let jv = try run(["ask", "joint_ventures_by_region", "region=Europe", "--format", "csv"])
        #expect(jv.hasPrefix("firm,firm_country,place,place_country,documents\r\nClariant,Switzerland,Panjin,China,"))
        let (text, code) = try message(["ask", "positions", "city=x"])
        #expect(text == "'positions' has no parameter 'city'; it takes person" && code == .failure)
    }

    @Test func whyPrintsBlocks() throws {
        let text = try run(["why", "Leoni", "has_joint_venture_in", "Panjin"])
        #expect(text.contains("\nsentence:               A number of European enterprises including [Leoni Group"))
        #expect(text.contains("\nsubject_country_source: reference data (org:Leoni)\n"))
        let (error, code) = try message(["why", "Leoni", "joint_venture", "Panjin"])
        #expect(error.hasPrefix("Unknown predicate 'joint_venture'") && code == .validationFailure)
    }

    @Test func graphDotAndSvg() throws {
        let dot = try run(["graph", "Panjin", "--depth", "1"])
        #expect(dot.hasPrefix("digraph \"Panjin\" {") && dot.contains("label=\"has_joint_venture_in\""))
        if Graphviz.executable() != nil {
            #expect(try run(["graph", "Panjin", "--depth", "1", "--format", "svg"]).contains("<svg"))
        } else {
            let (text, code) = try message(["graph", "Panjin", "--format", "svg"])
            #expect(text.hasPrefix("Graphviz is not installed (no `dot` on PATH); install it with `apt-get install graphviz`"))
            #expect(code == .failure)
        }
    }

    @Test func exportFormats() throws {
        let csv = try run(["export", "--what", "entities", "--format", "csv"])
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "key,name,type,subtype,country,country_source,region,reference,latitude,longitude,aliases,documents,mentions")
        #expect(lines.count > 50 && !lines.dropFirst().contains { $0.hasPrefix("key,") })
        let jsonl = try run(["export", "--what", "facts"])
        for line in jsonl.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["rule"] is String && object["document"] is String && object["match_start"] is Int)
        }
        let graphml = try run(["export", "--format", "graphml"])
        #expect(graphml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml") && graphml.hasSuffix("</graphml>\n"))
    }

    @Test func datasetteWritesMetadataNextToTheDatabase() throws {
        let db = try Self.database.get()
        let out = try run(["datasette"])
        let target = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("metadata.json")
        #expect(out.hasPrefix("\(target.path): Datasette metadata for news;"))
        let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: target)) as? [String: Any]
        #expect((object?["databases"] as? [String: Any])?["news"] != nil)
    }

    @Test func unknownEntityIsOneErrorLine() throws {
        let (text, code) = try message(["show", "Atlantis"])
        #expect(text == "no entity named 'Atlantis'; list them with `gazette entities`" && code == .failure)
    }
}
