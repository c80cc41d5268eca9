import Foundation
import Testing
@testable import Gazette

/// One database of the five seeds, imported once and shared (read only) by the query tests.
enum QueryTestSupport {
    static let seeds: Result<Store, GazetteError> = {
        do {
            let (store, _) = try TestSupport.makeStore()
            _ = try Importer(pipeline: TestSupport.makePipeline()).run(paths: [TestSupport.seedDirectory.path], into: store)
            return .success(store)
        } catch let error as GazetteError {
            return .failure(error)
        } catch {
            return .failure(.invalidArgument("seed import failed: \(error)"))
        }
    }()

    static func store() throws -> Store {
        try seeds.get()
    }

    /// The (subject, object) pairs of a result, as "subject → object".
    static func pairs(_ table: ResultTable) -> Set<String> {
        Set(zip(table.column("subject"), table.column("object")).map { "\($0.0) → \($0.1)" })
    }

    /// Every row has a document and a non-empty sentence.
    static func hasEvidence(_ table: ResultTable) -> Bool {
        !table.rows.isEmpty && zip(table.column("document"), table.column("sentence")).allSatisfy { document, sentence in
            !document.description.isEmpty && !sentence.description.isEmpty
        }
    }
}
