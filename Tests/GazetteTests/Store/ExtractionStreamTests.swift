import Foundation
import Synchronization
import Testing
@testable import Gazette

/// The extraction stream hands results to the writer in the files' order, whatever order its
/// workers finish in, never runs more than its window ahead, and stops cleanly when the writer
/// stops early. Many more files than the window (256 a job), with uneven work, so that the
/// workers fill it and wait for the writer, and the writer waits for the file it needs.
@Suite struct ExtractionStreamTests {
    /// A file's stand-in result: an error naming it (an `ExtractedDocument` is not needed to
    /// check the order).
    static func item(_ file: String) -> ExtractionStream.Item {
        [.failure(.emptyDocument(file))]
    }

    static func name(_ item: ExtractionStream.Item) -> String? {
        if case .failure(.emptyDocument(let name)) = item.first { return name }
        return nil
    }

    /// Uneven work: every seventh file takes a while, so the workers finish out of order.
    static func work(_ file: String) {
        if let number = Int(file.dropFirst("file-".count)), number % 7 == 0 { usleep(50) }
    }

    @Test(arguments: [1, 2, 3])
    func resultsComeInTheFilesOrder(jobs: Int) {
        let files = (0..<3_000).map { "file-\($0)" }
        let started = Atomic<Int>(0)
        let stream = ExtractionStream(files: files, jobs: jobs) { file in
            started.add(1, ordering: .relaxed)
            Self.work(file)
            return Self.item(file)
        }
        var seen: [String] = []
        var mostAhead = 0
        while let delivery = stream.next() {
            if let name = Self.name(delivery.item) { seen.append(name) }
            // Files started beyond those the writer has taken: bounded by the window.
            mostAhead = max(mostAhead, started.load(ordering: .relaxed) - seen.count)
            if seen.count % 100 == 0 { usleep(200) }  // a slow writer, now and then
            stream.retire(delivery)
        }
        #expect(seen == files)
        #expect(mostAhead <= 256 * jobs)
        #expect(stream.next() == nil)
    }

    @Test func aWriterThatStopsEarlyStopsTheWorkers() {
        let files = (0..<5_000).map { "file-\($0)" }
        let started = Atomic<Int>(0)
        let stream = ExtractionStream(files: files, jobs: 2) { file in
            started.add(1, ordering: .relaxed)
            return Self.item(file)
        }
        for _ in 0..<10 {
            guard let delivery = stream.next() else { break }
            stream.retire(delivery)
        }
        stream.cancel()
        let afterCancel = started.load(ordering: .relaxed)
        usleep(20_000)
        // No file is started after cancel() returns, and the window held them back before it.
        #expect(started.load(ordering: .relaxed) == afterCancel)
        #expect(afterCancel <= 10 + 2 * 256)
    }
}
