import ArgumentParser
import Foundation
import Gazette

/// `--limit N` on the commands that answer a question with rows (`jv`, `query`): the first N rows
/// in the command's order, 0 for all.
///
/// A large file answers "which firms have joint ventures" with tens of thousands of rows; the
/// first ones come at once, and a note on standard error (never in the rows a pipe reads) says
/// that more matched.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The most rows to print; 0 for all.", valueName: "n"))
    var limit = 50

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 (all) or more.") }
    }

    /// The limit for the library call: nil for all.
    var rows: Int? { limit == 0 ? nil : limit }

    /// Prints `table`, then the note when rows were cut.
    func write(_ table: ResultTable, with writer: RowWriter) {
        writer.write(table)
        guard table.truncated else { return }
        fflush(nil)  // the rows first (print buffers them), then the note
        FileHandle.standardError.write(Data("first \(table.rows.count) rows shown; --limit 0 prints all\n".utf8))
    }
}
