import Foundation

/// Reads and extracts files on `jobs` worker threads while the caller writes: the results come
/// out of ``next()`` in the files' order, whatever order the workers finish in, so the knowledge
/// base is the same for any number of jobs.
///
/// At most `window` files (256 a job) are extracted ahead of the writer, which bounds memory
/// however long the import. It must outlast the writer's pauses, or the workers fill it and
/// wait through them while the writer then waits for the next document: with 16 files a job,
/// pauses to write full-text rows (gone since) made 100 MB with one job 43.0 → 40.1 s with 64,
/// with two 32.4 → 29.6 s. Sixty-four files are about 20 ms of a worker's extraction, shorter
/// than the writer's flushes of alias counts (every 50,000 changes) and cache sweeps: with 256,
/// the writer was busy 2–8 points more of the wall time with two jobs (100 MB: 86.3–87.4 %
/// against 83.5–85.3 %; 10 MB: 85–92 % against 83–84 %), for 15–17 MB more peak memory at 10
/// and at 100 MB alike.
///
/// Even one job runs on its own thread: the writer is busy a third of an import's time, and
/// with extraction inline the two took turns on one core (10 MB: 12.5 s for the sum of both
/// instead of the larger of the two).
///
/// A worker that claims file `i` first asks for file `i + window` to be read ahead: a corpus not in
/// the page cache cost the workers 190 µs a file waiting on the disk, against 37 µs for reading
/// and decoding a file already there.
///
/// The writer hands each written result back (``retire(_:)``) and the worker that made it frees
/// it: glibc frees a block on the thread that allocated it from a per-thread cache, while a
/// block freed on another thread goes back to its arena under that arena's lock, which the
/// worker is taking to allocate. Freeing the documents was a tenth of the writer's instructions.
final class ExtractionStream: @unchecked Sendable {
    /// What one file gave: its documents, or why each could not be read or extracted.
    typealias Item = [Result<ExtractedDocument, GazetteError>]

    private let files: [String]
    private let extract: @Sendable (String) -> Item
    private let readAhead: @Sendable (String) -> Void
    private let jobs: Int
    private let window: Int
    // Guarded by `condition`:
    private let condition = NSCondition()
    private var ready: [Int: (item: Item, worker: Int)] = [:]
    /// Written results waiting for the worker that made them to free them.
    private var retired: [[Item]]
    private var claimed = 0
    private var consumed = 0
    private var cancelled = false
    private var running = 0

    /// - Parameters:
    ///   - readAhead: starts reading a file into the page cache without waiting for it.
    ///   - extract: reads and extracts one file; called on worker threads, so it must be pure.
    init(files: [String], jobs: Int, readAhead: @escaping @Sendable (String) -> Void = { _ in },
         extract: @escaping @Sendable (String) -> Item) {
        self.files = files
        self.extract = extract
        self.readAhead = readAhead
        self.jobs = jobs
        window = 256 * jobs
        running = jobs
        retired = Array(repeating: [], count: jobs)
        for file in files.prefix(window) { readAhead(file) }
        for worker in 0..<jobs {
            Thread.detachNewThread { [self] in work(worker) }
        }
    }

    /// The next file's result in input order, or nil at the end; give it back with
    /// ``retire(_:)`` once written.
    func next() -> Delivery? {
        condition.lock()
        defer { condition.unlock() }
        guard consumed < files.count else { return nil }
        while ready[consumed] == nil { condition.wait() }
        guard let (item, worker) = ready.removeValue(forKey: consumed) else { return nil }
        consumed += 1
        condition.broadcast()
        return Delivery(item: item, worker: worker)
    }

    /// A result and the worker that made it.
    struct Delivery {
        let item: Item
        fileprivate let worker: Int
    }

    /// Takes a written result back, for its worker to free (the caller keeps no copy).
    func retire(_ delivery: consuming Delivery) {
        condition.lock()
        retired[delivery.worker].append(delivery.item)
        condition.unlock()
    }

    /// Stops the workers and waits for them: called when the writer stops early (an error).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    private func work(_ worker: Int) {
        condition.lock()
        while true {
            while !cancelled && claimed < files.count && claimed >= consumed + window { condition.wait() }
            guard !cancelled && claimed < files.count else { break }
            let index = claimed
            claimed += 1
            var written: [Item] = []
            swap(&written, &retired[worker])
            condition.unlock()
            written = []  // freed here, outside the lock
            if index + window < files.count { readAhead(files[index + window]) }
            let item = extract(files[index])
            condition.lock()
            ready[index] = (item, worker)
            condition.broadcast()
        }
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    deinit {
        cancel()
    }
}
