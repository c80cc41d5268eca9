import Foundation
import Testing
@testable import Gazette

/// Bad files: each gives a ``GazetteError`` whose message names the file.
@Suite struct BadInputTests {
    let reader = DocumentReader()

    func failure(_ url: URL) throws -> GazetteError {
        let results = reader.read(file: url.path)
        #expect(results.count == 1)
        guard case .failure(let error)? = results.first else {
            Issue.record("\(url.lastPathComponent) was read without an error")
            throw GazetteError.invalidArgument("no error")
        }
        #expect(error.description.hasPrefix(url.path + ":"), "\(error.description)")
        return error
    }

    @Test func missingPath() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        let missing = directory.appendingPathComponent("no-such-article.txt").path
        #expect(throws: GazetteError.missingPath(missing)) {
            try reader.inputFiles(for: [TestSupport.seedDirectory.path, missing])
        }
        #expect(GazetteError.missingPath(missing).description == "\(missing): no such file or directory")
    }

    @Test func binaryFile() throws {
        let url = try TestSupport.fixture("image_named.txt", in: "bad")
        let error = try failure(url)
        #expect(error == .binaryFile(url.path))
    }

    @Test func binaryWithoutNULBytes() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        var bytes: [UInt8] = []
        for i in 0..<400 { bytes.append(i % 31 == 0 ? 0x41 : UInt8(i % 7 + 1)) }
        let url = try TestSupport.write(bytes, to: "dump.txt", in: directory)
        #expect(try failure(url) == .binaryFile(url.path))
        // Near miss: text with a form feed and tabs is text.
        let text = try TestSupport.write("Panjin\tPort\u{0C}\nopened.\r\n", to: "ok.txt", in: directory)
        #expect(try reader.read(file: text.path).first?.get().text == "Panjin\tPort\u{0C}\nopened.\r\n")
    }

    @Test func invalidUTF8NamesTheByte() throws {
        let url = try TestSupport.fixture("windows1252_seite.txt", in: "bad")
        let error = try failure(url)
        #expect(error == .invalidEncoding(path: url.path, encoding: "utf-8", byteOffset: 11))
        #expect(error.description.contains("--encoding windows-1252"))
    }

    @Test func windows1252Decodes() throws {
        let url = try TestSupport.fixture("windows1252_seite.txt", in: "bad")
        let doc = try #require(DocumentReader(encoding: .windows1252).read(file: url.path).first).get()
        #expect(doc.text == "Die Stadt Köln und die Provinz Liaoning unterzeichneten ein Abkommen „für die Zukunft“ im Wert von 5 Mio. €.\n")
        let latin1 = try #require(DocumentReader(encoding: .latin1).read(file: url.path).first).get()
        #expect(latin1.text.hasPrefix("Die Stadt Köln"))
        #expect(latin1.text.unicodeScalars.contains("\u{80}"))
    }

    @Test func utf8EdgeCases() throws {
        // Overlong encodings, surrogates and truncated sequences are invalid; a BOM is dropped.
        let cases: [([UInt8], Int?)] = [
            (Array("Köln".utf8), nil),
            ([0x4B, 0xC0, 0xAF], 1),              // overlong "/"
            ([0x41, 0xED, 0xA0, 0x80], 1),        // UTF-16 surrogate
            ([0x41, 0x42, 0xE4, 0xB8], 2),        // truncated 3-byte sequence
            ([0xF4, 0x90, 0x80, 0x80], 0),        // above U+10FFFF
            (Array("北京 🇨🇳".utf8), nil),
        ]
        for (bytes, offset) in cases {
            #expect(TextEncoding.firstInvalidUTF8Offset(bytes) == offset, "\(bytes)")
        }
        #expect(try TextEncoding.utf8.decode([0xEF, 0xBB, 0xBF] + Array("Panjin".utf8), path: "x") == "Panjin")
    }

    @Test func emptyFile() throws {
        let url = try TestSupport.fixture("empty.txt", in: "bad")
        #expect(try failure(url) == .emptyDocument(url.path))
    }

    @Test func onlyBoilerplateIsEmpty() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        let url = try TestSupport.write("Skip links\n\nShare\nBack to top\n", to: "chrome.txt", in: directory)
        let source = try #require(reader.read(file: url.path).first).get()
        #expect(throws: GazetteError.emptyDocument(url.path)) { try TestSupport.makePipeline().extract(source) }
    }

    @Test func emptyJSONLines() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        let url = try TestSupport.write("\n  \n\n", to: "nothing.jsonl", in: directory)
        #expect(try failure(url) == .emptyDocument(url.path))
    }

    @Test func fileOverTheSizeLimit() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        var small = DocumentReader()
        small.maximumFileSize = 1 << 20
        let url = try TestSupport.write([UInt8](repeating: 0x41, count: (1 << 20) + 1), to: "huge.txt", in: directory)
        let results = small.read(file: url.path)
        guard case .failure(let error)? = results.first, case .unreadable(let path, _) = error else {
            Issue.record("a file over the size limit was read: \(results)")
            return
        }
        #expect(path == url.path)
        #expect(error.description.hasPrefix(url.path + ": cannot read: "))
    }
}
