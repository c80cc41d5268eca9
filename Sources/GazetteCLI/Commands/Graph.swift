import ArgumentParser
import Gazette

extension GazetteCommand {
    struct Graph: ParsableCommand {
        /// What `graph` draws.
        enum Format: String, ExpressibleByArgument, CaseIterable { case dot, svg }

        static let configuration = CommandConfiguration(
            commandName: "graph",
            abstract: "Draw an entity's neighbourhood as Graphviz DOT or SVG.",
            discussion: """
                Every entity within --depth relationships of NAME, either direction. SVG needs \
                Graphviz's `dot` (Debian: apt-get install graphviz).

                Example:
                  gazette graph Panjin --depth 1
                  gazette graph --db news.db Shenyang --depth 2 --format svg > shenyang.svg
                """)

        @OptionGroup(title: "Database") var store: StoreOptions

        @Option(help: "Relationships to follow from NAME (1-5).") var depth = 2
        @Option(help: "Output format: dot or svg.") var format: Format = .dot
        @Argument(help: "The entity's name, alias or key.") var name: String

        func validate() throws {
            if !(1...5).contains(depth) { throw ValidationError("--depth must be between 1 and 5.") }
        }

        func run() throws {
            let dot = try store.openForReading().graph(around: name, depth: depth).dot()
            print(format == .svg ? try Graphviz.svg(fromDOT: dot) : dot, terminator: "")
        }
    }
}
