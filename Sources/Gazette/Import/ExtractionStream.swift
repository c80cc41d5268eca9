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
///
/// The writer takes the lock once a file, in ``next()``, which also hands back what it retired,
/// and is woken only for the file it waits for. With one condition for everything and a lock
/// for each hand-back, the writer spent 23 µs a file outside its writes and its waits (10 MB,
/// two jobs: 0.10–0.32 s of a 2.4–3.3 s import, the wake-ups it gave and got costing it the
/// core); in four alternating pairs the writer was busy 90.2–90.8 % of the wall against
/// 84.9–89.9 %. A waiting worker is then woken only when the window has room for ``refill``
/// files, not at every file the writer takes: with the window full (the writer the slower side,
/// as it should be), each file taken woke a worker, which took the writer's core from it. 100 MB,
/// two jobs, two alternating pairs: writer busy 91.8–92.5 % against 84.6–84.7 %, cores used
/// 1.78–1.80 against 1.71–1.74, wall 14.57 / 17.50 s against 15.52 / 22.33 s.
final class ExtractionStream: @unchecked Sendable {
    /// What one file gave: its documents, or why each could not be read or extracted.
    typealias Item = [Result<ExtractedDocument, GazetteError>]

    private let files: [String]
    private let extract: @Sendable (String) -> Item
    private let readAhead: @Sendable (String) -> Void
    private let jobs: Int
    private let window: Int
    /// One mutex, two conditions: the writer waits on `itemReady` only for the file it needs,
    /// the workers on `spaceFree` only for room in the window, so neither wakes the other for
    /// nothing (one condition for both woke the writer for every file a worker finished).
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let itemReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let spaceFree = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `mutex`:
    private var ready: [Int: (item: Item, worker: Int)] = [:]
    /// Written results waiting for the worker that made them to free them.
    private var retired: [[Item]]
    private var claimed = 0
    private var consumed = 0
    private var cancelled = false
    private var running = 0
    private var writerWaits = false
    private var workersWaiting = 0
    // The writer's own (``next()`` and ``retire(_:)`` are called from one thread):
    /// Written results not yet handed back: they go with the next call to ``next()``, under the
    /// lock it takes anyway, instead of taking it once more per file.
    private var retiring: [Delivery] = []
    /// A waiting worker is woken when the window has this much room, not at every file taken.
    static let refill = 32

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
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(itemReady, nil)
        pthread_cond_init(spaceFree, nil)
        for file in files.prefix(window) { readAhead(file) }
        for worker in 0..<jobs {
            Thread.detachNewThread { [self] in work(worker) }
        }
    }

    /// The next file's result in input order, or nil at the end; give it back with
    /// ``retire(_:)`` once written. Called by the writer's thread only.
    func next() -> Delivery? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        for delivery in retiring { retired[delivery.worker].append(delivery.item) }
        retiring.removeAll(keepingCapacity: true)
        guard consumed < files.count else { return nil }
        while ready[consumed] == nil {
            // Whatever room the window has, the workers may use it while the writer waits.
            if workersWaiting > 0 { pthread_cond_signal(spaceFree) }
            writerWaits = true
            pthread_cond_wait(itemReady, mutex)
            writerWaits = false
        }
        guard let (item, worker) = ready.removeValue(forKey: consumed) else { return nil }
        consumed += 1
        if workersWaiting > 0 && consumed + window - claimed >= ExtractionStream.refill { pthread_cond_signal(spaceFree) }
        return Delivery(item: item, worker: worker)
    }

    /// A result and the worker that made it.
    struct Delivery {
        let item: Item
        fileprivate let worker: Int
    }

    /// Takes a written result back, for its worker to free (the caller keeps no copy). Called by
    /// the writer's thread only.
    func retire(_ delivery: consuming Delivery) {
        retiring.append(delivery)
    }

    /// Stops the workers and waits for them: called when the writer stops early (an error).
    func cancel() {
        pthread_mutex_lock(mutex)
        cancelled = true
        pthread_cond_broadcast(spaceFree)
        while running > 0 { pthread_cond_wait(itemReady, mutex) }
        pthread_mutex_unlock(mutex)
    }

    private func work(_ worker: Int) {
        pthread_mutex_lock(mutex)
        while true {
            while !cancelled && claimed < files.count && claimed >= consumed + window {
                workersWaiting += 1
                pthread_cond_wait(spaceFree, mutex)
                workersWaiting -= 1
            }
            guard !cancelled && claimed < files.count else { break }
            let index = claimed
            claimed += 1
            var written: [Item] = []
            swap(&written, &retired[worker])
            pthread_mutex_unlock(mutex)
            written = []  // freed here, outside the lock
            if index + window < files.count { readAhead(files[index + window]) }
            let item = extract(files[index])
            pthread_mutex_lock(mutex)
            ready[index] = (item, worker)
            if writerWaits && index == consumed { pthread_cond_signal(itemReady) }
        }
        running -= 1
        // The writer may wait for a file no worker will make (cancelled), or in cancel().
        pthread_cond_broadcast(itemReady)
        pthread_cond_broadcast(spaceFree)
        pthread_mutex_unlock(mutex)
    }

    deinit {
        cancel()
        pthread_cond_destroy(itemReady)
        pthread_cond_destroy(spaceFree)
        pthread_mutex_destroy(mutex)
        itemReady.deallocate()
        spaceFree.deallocate()
        mutex.deallocate()
    }
}
