import Foundation
import Testing
@testable import Gazette

/// The reader's own path parsing gives what Foundation gives, for plain paths and the odd ones
/// it hands to Foundation.
@Suite struct PathTextTests {
    static let paths = [
        "/corpus/000/article-00017.txt", "corpus/a.HTML", "a.txt", "/a/b/archive.tar.gz", "/a/.hidden",
        "/a/b/name.", "/a/b/no-extension", "relative/dir/file.jsonl", "/a/./b.txt", "/a/../b.txt",
        "a//b.txt", "/a/b/", "./x.txt", "../x.txt", "/x/.../y.txt", "/x/..y/z.htm", "/ünï/cödé.txt",
        "/", "/a/b/..", "/a/b/.", "..", ".", "/a.b/c",
    ]

    @Test func fileNameAndExtensionAgreeWithFoundation() {
        for path in Self.paths {
            #expect(PathText.lastComponent(path) == (path as NSString).lastPathComponent, "\(path)")
            #expect(PathText.fileExtension(path) == (path as NSString).pathExtension, "\(path)")
        }
    }

    @Test func standardizedPathAgreesWithFoundation() {
        let directory = FileManager.default.currentDirectoryPath
        for path in Self.paths {
            #expect(PathText.standardized(path, directory: directory) == URL(fileURLWithPath: path).standardizedFileURL.path,
                    "\(path)")
        }
    }

    @Test func onlyPathsWithoutDotComponentsOrEmptyOnesArePlain() {
        #expect(PathText.isPlain("/corpus/a.txt"))
        #expect(PathText.isPlain("corpus/.../a.txt"))
        #expect(!PathText.isPlain("/corpus/./a.txt"))
        #expect(!PathText.isPlain("corpus/../a.txt"))
        #expect(!PathText.isPlain("corpus//a.txt"))
        #expect(!PathText.isPlain("corpus/"))
        #expect(!PathText.isPlain(""))
    }
}
