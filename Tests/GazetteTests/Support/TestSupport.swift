import Foundation
import Testing
@testable import Gazette

/// Shared helpers of the foundation tests: where the repository, its rules and seeds are, fixture
/// files, and fresh temporary stores. Namespaced so that helpers of other test files cannot clash.
enum TestSupport {
    /// The folder holding `Package.swift`, found by walking up from this file.
    static let repositoryRoot: URL = {
        let fm = FileManager.default
        for start in [URL(fileURLWithPath: #filePath).resolvingSymlinksInPath(), URL(fileURLWithPath: #filePath)] {
            var url = start.deletingLastPathComponent()
            while url.path != "/" && !url.path.isEmpty {
                if fm.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
                url = url.deletingLastPathComponent()
            }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    static var rulesDirectory: URL { repositoryRoot.appendingPathComponent("seeds/rules", isDirectory: true) }
    static var referenceDirectory: URL { repositoryRoot.appendingPathComponent("seeds/reference", isDirectory: true) }
    static var seedDirectory: URL { repositoryRoot.appendingPathComponent("seeds/documents", isDirectory: true) }
    static var migrationsDirectory: URL { repositoryRoot.appendingPathComponent("Migrations", isDirectory: true) }

    /// The five seed article file names, sorted.
    static let seedNames = [
        "000_edaaab7c5554935a.txt", "001_f7df938e76acd8fa.txt", "002_15f7d2b57b140e94.txt",
        "003_72008c147d53139e.txt", "004_363898289640733e.txt",
    ]

    /// The seed documents as files, sorted by name.
    static func seedDocuments() -> [URL] {
        seedNames.map { seedDirectory.appendingPathComponent($0) }
    }

    static let ruleSet: RuleSet = {
        do { return try RuleSet(rulesDirectory: rulesDirectory, referenceDirectory: referenceDirectory) } catch {
            fatalError("the repository rules do not load: \(error)")
        }
    }()

    static var normalizationRules: NormalizationRules { ruleSet.normalization }

    static func makePipeline() -> Pipeline {
        Pipeline.standard(rules: ruleSet)
    }

    /// A file of `Fixtures/<folder>/`, copied into the test bundle.
    static func fixture(_ name: String, in folder: String = "articles") throws -> URL {
        let url = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        return try #require(Bundle.module.url(forResource: url, withExtension: ext, subdirectory: "Fixtures/\(folder)"),
                            "fixture Fixtures/\(folder)/\(name) is missing from the test bundle")
    }

    static func fixtureDirectory(_ folder: String = "articles") throws -> URL {
        try #require(Bundle.module.url(forResource: folder, withExtension: nil, subdirectory: "Fixtures"))
    }

    /// The files of the genre fixtures, the held-out articles and the seeds that `include`
    /// takes (by default the `.txt` ones), in path order within each folder: the news text the
    /// fast-path tests compare their two paths on.
    static func corpusFiles(where include: (URL) -> Bool = { $0.pathExtension == "txt" }) -> [URL] {
        let folders = ["genre", "articles"].compactMap { try? fixtureDirectory($0) } + [seedDirectory]
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
                .filter(include).sorted { $0.path < $1.path }
        }
    }

    /// The texts of ``corpusFiles(where:)`` (UTF-8; a file that is not is left out).
    static func corpusTexts(where include: (URL) -> Bool = { $0.pathExtension == "txt" }) -> [String] {
        corpusFiles(where: include).compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    /// Reads a text file (UTF-8).
    static func text(of url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// `text` as a plain-text document named `test.txt`, for a pipeline's `extract`.
    static func source(_ text: String) -> SourceDocument {
        SourceDocument(sourceKey: "test", name: "test.txt", path: "test.txt", format: .text, text: text)
    }

    /// Reads one document through the reader and the standard pipeline.
    static func extract(_ url: URL) throws -> ExtractedDocument {
        let results = DocumentReader().read(file: url.path)
        let source = try #require(results.first).get()
        return try makePipeline().extract(source)
    }

    /// The first seed document extracted, and the same source with a sentence added (its
    /// SHA-256 updated): what a changed file gives on a re-import.
    static func seedAndEditedVersion() throws -> (original: ExtractedDocument, edited: ExtractedDocument) {
        let original = try extract(seedDocuments()[0])
        var edited = original
        edited.text += "\n\nPanjin also opened a ferry terminal."
        edited.metadata.sha256 = SHA256.hex(edited.text.utf8)
        return (original, edited)
    }

    /// A fresh, unique temporary folder; remove it with ``removeTemporary(_:)``.
    static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazette-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func removeTemporary(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// A path for a database file in a fresh temporary folder (the file is not created).
    static func makeDatabasePath() throws -> (directory: URL, path: String) {
        let directory = try makeTemporaryDirectory()
        return (directory, directory.appendingPathComponent("gazette.db").path)
    }

    /// A freshly migrated store in a temporary file; remove `directory` afterwards.
    static func makeStore() throws -> (store: Store, directory: URL) {
        let (directory, path) = try makeDatabasePath()
        return (try Store(path: path), directory)
    }

    /// Writes `bytes` to `name` inside `directory`.
    @discardableResult
    static func write(_ bytes: [UInt8], to name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url
    }

    @discardableResult
    static func write(_ text: String, to name: String, in directory: URL) throws -> URL {
        try write(Array(text.utf8), to: name, in: directory)
    }

    /// Copies the seed documents into `directory` (so that a test may edit them).
    static func copySeeds(to directory: URL) throws -> [URL] {
        try seedDocuments().map { seed in
            let target = directory.appendingPathComponent(seed.lastPathComponent)
            try FileManager.default.copyItem(at: seed, to: target)
            return target
        }
    }

    /// A fresh store and an editable copy of the seed documents, for tests that import, change a
    /// document and import again. `cleanUp` removes both folders.
    struct SeedCopies {
        let store: Store
        let files: [URL]
        let folder: URL
        let importer: Importer
        private let storeFolder: URL

        init() throws {
            (store, storeFolder) = try TestSupport.makeStore()
            folder = try TestSupport.makeTemporaryDirectory()
            files = try TestSupport.copySeeds(to: folder)
            importer = Importer(pipeline: TestSupport.makePipeline())
        }

        func cleanUp() {
            TestSupport.removeTemporary(folder)
            TestSupport.removeTemporary(storeFolder)
        }
    }

    /// The text of `sentence` cut from `text` by its scalar offsets.
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        guard start >= 0, start <= end, end <= scalars.count else { return "<offsets \(start)..<\(end) out of 0..<\(scalars.count)>" }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// Integer value of a one-cell query.
    static func integer(_ store: Store, _ sql: String, _ arguments: [String] = []) throws -> Int {
        let table = try store.rows(sql: sql, arguments: arguments)
        guard case .integer(let n)? = table.rows.first?.first else {
            Issue.record("not an integer result for \(sql): \(table.rows)")
            return -1
        }
        return Int(n)
    }

    /// The texts of a one-column query.
    static func strings(_ store: Store, _ sql: String, _ arguments: [String] = []) throws -> [String] {
        try store.rows(sql: sql, arguments: arguments).rows.map { $0.first?.description ?? "" }
    }
}
