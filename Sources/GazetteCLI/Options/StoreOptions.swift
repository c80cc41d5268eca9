import ArgumentParser
import Gazette

/// `--db PATH`, the same on every command.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The knowledge base file.", valueName: "path"))
    var db: String = "gazette.db"

    /// Opens the store for reading: a missing, foreign or newer file is an error, and nothing is written.
    func openForReading() throws -> Store {
        try Store(path: db, readOnly: true)
    }

    /// Opens (creating and migrating) the store for writing.
    func openForWriting() throws -> Store {
        try Store(path: db)
    }
}
