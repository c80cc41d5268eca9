import Foundation
import Testing
@testable import Gazette

/// A UTF-8 file read straight into its text (``DocumentReader/readUTF8Text(_:)``) gives what the
/// byte path gives, the same text or the same failure: on texts of the genre and on files that
/// are empty, binary, not UTF-8, over the size limit, open with a byte-order mark, or are no file.
@Suite struct UTF8ReadTests {
    /// The byte path: the file's bytes, then the checks and the decoding ``DocumentReader/read(file:)``
    /// makes of them.
    static func bytePath(_ reader: DocumentReader, _ path: String) -> Result<String, GazetteError> {
        do {
            let bytes = try reader.readBytes(path, oneDocument: true)
            if bytes.isEmpty { return .failure(.emptyDocument(path)) }
            if TextEncoding.looksBinary(bytes) { return .failure(.binaryFile(path)) }
            return .success(try reader.encoding.decode(bytes, path: path))
        } catch {
            return .failure(error)
        }
    }

    @Test func readsAsTheBytePathReads() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        var files: [URL] = []
        let corpus = TestSupport.corpusTexts().prefix(300)
        for (k, text) in corpus.enumerated() {
            files.append(try TestSupport.write(Array(text.utf8), to: "t\(k).txt", in: directory))
        }
        let odd: [[UInt8]] = [
            [], [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF] + Array("Über Shenyang „heute“.".utf8), [0xEF, 0xBB], [0xBB, 0xBF, 0x41],
            Array("ok".utf8) + [0xFF] + Array("x".utf8), [0x00, 0x41], Array("a\u{1}\u{2}\u{3}".utf8), Array("é".utf8) + [0xC3],
            [UInt8](repeating: 0x41, count: 4096), [UInt8](repeating: 0x41, count: 4097), Array("x".utf8),
        ]
        for (k, bytes) in odd.enumerated() { files.append(try TestSupport.write(bytes, to: "odd\(k).txt", in: directory)) }
        var texts = 0, tooLong = 0
        // The default limits, and a document limit at the odd files' sizes (most texts are over it).
        for reader in [DocumentReader(), DocumentReader(maximumDocumentSize: 4096)] {
            for url in files + [directory, directory.appendingPathComponent("missing.txt")] {
                let fast = try #require(reader.readUTF8Text(url.path))
                #expect(fast == Self.bytePath(reader, url.path), "\(url.lastPathComponent)")
                switch fast {
                case .success: texts += 1
                case .failure(.unreadable): tooLong += 1
                case .failure: break
                }
            }
        }
        // Every text of the genre is read with the default limits; some are over the small one.
        #expect(texts > corpus.count && tooLong > 0, "\(texts) texts, \(tooLong) over the limit")
    }
}
