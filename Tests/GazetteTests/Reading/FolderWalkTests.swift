import Foundation
import Testing
@testable import Gazette

/// ``FolderWalk`` lists the files `FileManager`'s enumerator and the reader's name test listed.
@Suite struct FolderWalkTests {
    /// The listing ``DocumentReader/inputFiles(for:)`` made before ``FolderWalk``: the enumerator,
    /// hidden entries skipped with what they hold, names tested by their extension.
    static func enumerated(_ folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let last = (relative as NSString).lastPathComponent
            if last.hasPrefix(".") { walker.skipDescendants(); continue }
            if DocumentReader.extensions.contains((last as NSString).pathExtension.lowercased()) {
                found.append((folder as NSString).appendingPathComponent(relative))
            }
        }
        return found.sorted()
    }

    /// A tree with what a user's folder holds: nested folders, hidden files and folders,
    /// upper-case and unknown extensions, names with spaces and umlauts, links to a file and to a
    /// folder (not followed), and the same tree named with and without a trailing slash.
    @Test func sameFilesAsTheEnumerator() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        let root = directory.path
        let fm = FileManager.default
        let outside = root + "/outside"
        let tree = root + "/corpus"
        for folder in [outside, tree + "/2024/03", tree + "/2024/04", tree + "/.cache/deep", tree + "/Ä Presse", tree + "/empty"] {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let files = ["a.txt", "b.TXT", "c.html", "d.HTM", "e.jsonl", "f.ndjson", "g.text", "h.pdf", "noextension",
                     ".hidden.txt", "2024/03/Shenyang Bericht.txt", "2024/04/x.html", "2024/04/y.md",
                     ".cache/deep/skipped.txt", "Ä Presse/München.txt", "trailing.", "double.tar.txt"]
        for file in files { try Data("Text.".utf8).write(to: URL(fileURLWithPath: tree + "/" + file)) }
        try Data("Elsewhere.".utf8).write(to: URL(fileURLWithPath: outside + "/linked.txt"))
        try fm.createSymbolicLink(atPath: tree + "/folder-link", withDestinationPath: outside)
        try fm.createSymbolicLink(atPath: tree + "/file-link.txt", withDestinationPath: outside + "/linked.txt")

        for folder in [tree, tree + "/", tree + "/2024"] {
            let walked = try #require(FolderWalk.files(under: folder, extensions: DocumentReader.extensions)).sorted()
            #expect(walked == Self.enumerated(folder), "\(folder)")
        }
        let all = try #require(FolderWalk.files(under: tree, extensions: DocumentReader.extensions))
        #expect(all.count == 12)
        #expect(all.contains(tree + "/Ä Presse/München.txt"))
        #expect(!all.contains { $0.contains("/.") || $0.contains("linked.txt") || $0.hasSuffix(".pdf") })
        #expect(FolderWalk.files(under: root + "/missing", extensions: DocumentReader.extensions) == nil)
    }

    /// A folder with more subfolders than the common limit of open files (1,024): each is opened
    /// only when its turn comes (the first version opened a folder's subfolders all at once),
    /// and every file is found.
    @Test func manySubfolders() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        let count = 1_200
        for n in 0..<count {
            let folder = directory.path + "/day-\(n)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            try Data("Text.".utf8).write(to: URL(fileURLWithPath: folder + "/report.txt"))
        }
        let walked = try #require(FolderWalk.files(under: directory.path, extensions: DocumentReader.extensions))
        #expect(walked.count == count)
    }

    /// The genre and seed folders the tests import, listed alike.
    @Test func fixtureFoldersListedAlike() throws {
        for folder in [try TestSupport.fixtureDirectory("genre").path, TestSupport.seedDirectory.path] {
            let walked = try #require(FolderWalk.files(under: folder, extensions: DocumentReader.extensions)).sorted()
            #expect(!walked.isEmpty)
            #expect(walked == Self.enumerated(folder))
        }
    }
}
