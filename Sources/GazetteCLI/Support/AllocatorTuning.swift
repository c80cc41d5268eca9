import CAllocatorSettings

/// The C allocator's settings for an import, which frees and allocates millions of small blocks
/// on three threads.
///
/// glibc's defaults suit a small process: it hands memory back to the kernel whenever the top of
/// a heap has 128 KB free (`M_TRIM_THRESHOLD`), grows a heap by as little as it can
/// (`M_TOP_PAD`), and serves blocks from 128 KB up with a fresh `mmap` each (`M_MMAP_THRESHOLD`,
/// which it raises on its own as such blocks are freed). An import's working set shrinks and
/// grows again with every document, so each of these turns into system calls and page faults.
/// Set once at the import's start, before the worker threads make their arenas; queries keep
/// the defaults.
enum AllocatorTuning {
    static func forBulkImport() {
        _ = gazette_tune_allocator_for_bulk_work()
    }
}
