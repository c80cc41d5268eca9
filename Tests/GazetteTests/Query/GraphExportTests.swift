import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Gazette

/// `Store.graph(around:depth:)`, DOT and GraphML, and the streaming export.
@Suite struct GraphExportTests {
    @Test func neighbourhoodToDepth() throws {
        let store = try QueryTestSupport.store()
        let one = try store.graph(around: "Panjin", depth: 1)
        let names = Set(one.nodes.map(\.name))
        #expect(names.isSuperset(of: ["Panjin", "BASF", "Leoni", "Liaoning"]))
        #expect(one.nodes.first { $0.name == "Panjin" }?.depth == 0)
        #expect(one.nodes.allSatisfy { $0.depth <= 1 })
        let two = try store.graph(around: "Panjin", depth: 2)
        #expect(two.nodes.count > one.nodes.count)
        #expect(Set(two.nodes.map(\.name)).contains("Shenyang"))   // Panjin → Liaoning ← Shenyang
        #expect(throws: GazetteError.self) { _ = try store.graph(around: "Panjin", depth: 9) }
    }

    @Test func dotLabelsEdgesAndEscapes() throws {
        let dot = try QueryTestSupport.store().graph(around: "Sören Link", depth: 1).dot()
        #expect(dot.hasPrefix("digraph \"Sören Link\" {\n"))
        #expect(dot.contains("[label=\"holds_position (mayor)\"]"))
        #expect(dot.hasSuffix("}\n"))
        #expect(EntityGraph.quoted("a \"b\"\\c\nd") == #""a \"b\"\\c\nd""#)
        let symmetric = try QueryTestSupport.store().graph(around: "Sapporo", depth: 1).dot()
        #expect(symmetric.contains("[label=\"friendship_city_of\", dir=none]"))
    }

    @Test func graphMLIsWellFormed() throws {
        var xml = ""
        try QueryTestSupport.store().entityGraph().writeGraphML { xml += $0 }
        let document = try XMLDocument(xmlString: xml)
        let nodes = try document.nodes(forXPath: "//*[local-name()='node']")
        let edges = try document.nodes(forXPath: "//*[local-name()='edge']")
        #expect(nodes.count > 20 && edges.count > 20)
        #expect(xml.contains("<data key=\"name\">Siasun Robot &amp; Automation</data>"))
        #expect(EntityGraph.escaped("a\u{0}<b>") == "a&lt;b&gt;")
    }

    @Test(arguments: ExportKind.allCases)
    func exportStreamsRowsWithProvenance(kind: ExportKind) throws {
        var columns: [String] = []
        var rows = 0
        try QueryTestSupport.store().export(kind, columns: { columns = $0 }, row: { values in
            #expect(values.count == columns.count)
            rows += 1
        })
        #expect(rows > 10)
        switch kind {
        case .entities: #expect(columns.starts(with: ["key", "name", "type"]) && columns.contains("country_source"))
        case .facts, .events: #expect(columns.contains("document") && columns.contains("sentence") && columns.contains("rule")
                                      && columns.contains("match_start"))
        }
    }
}
