import Foundation
import Testing
@testable import Gazette

/// The POSIX file reader behind ``DocumentReader``: whole files, sizes at and over the limit,
/// and paths that are not readable files.
@Suite struct FileBytesTests {
    @Test func readsEveryByteOfFilesOfManySizes() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        for size in [0, 1, 4095, 4096, 4097, 70_000] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let url = try TestSupport.write(bytes, to: "f\(size).bin", in: directory)
            #expect(try FileBytes.read(url.path, limit: 1 << 20) { "\($0)" } == bytes)
            FileBytes.readAhead(url.path)
        }
    }

    @Test func refusesAFileOverTheLimitWithTheCallersWords() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        let url = try TestSupport.write([UInt8](repeating: 0x41, count: 101), to: "big.txt", in: directory)
        #expect(try FileBytes.read(url.path, limit: 101) { "\($0)" }.count == 101)
        #expect(throws: FileBytes.Failure.self) { try FileBytes.read(url.path, limit: 100) { "\($0) bytes" } }
        do {
            _ = try FileBytes.read(url.path, limit: 100) { "\($0) bytes" }
        } catch {
            #expect(error.reason == "101 bytes")
        }
    }

    @Test func namesWhyAPathIsNotReadable() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        do {
            _ = try FileBytes.read(directory.path, limit: 100) { "\($0)" }
            Issue.record("a directory was read as a file")
        } catch {
            #expect(error.reason == "is a directory")
        }
        do {
            _ = try FileBytes.read(directory.appendingPathComponent("missing.txt").path, limit: 100) { "\($0)" }
            Issue.record("a missing file was read")
        } catch {
            #expect(error.reason.hasPrefix("cannot open ("))
        }
        // Asking for a missing file to be read ahead is harmless: the real read reports it.
        FileBytes.readAhead(directory.appendingPathComponent("missing.txt").path)
    }
}
