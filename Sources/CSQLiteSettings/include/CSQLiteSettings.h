#ifndef GAZETTE_CSQLITESETTINGS_H
#define GAZETTE_CSQLITESETTINGS_H

/// Turns off SQLite's memory statistics (SQLITE_CONFIG_MEMSTATUS) for this process. With them on,
/// every allocation and free inside SQLite takes a process-wide mutex to keep the counters; an
/// import allocates about half a million times per megabyte of text. Only
/// `sqlite3_memory_used()` and `sqlite3_soft_heap_limit64()` read the counters; Gazette uses
/// neither. `sqlite3_config` is variadic, which Swift cannot call, hence this C function.
///
/// Returns SQLITE_OK, or SQLITE_MISUSE when SQLite is already initialized in this process (the
/// setting must come first; the statistics then stay on, which is slower, not wrong).
int gazette_sqlite_disable_memory_statistics(void);

#endif
