#ifndef GAZETTE_CALLOCATORSETTINGS_H
#define GAZETTE_CALLOCATORSETTINGS_H

/// Sets glibc's allocator up for a bulk import (see `AllocatorTuning` in the CLI for why):
/// memory is handed back to the kernel only when 256 MB lie free at a heap's top, heaps grow by
/// 64 MB at a time, and only blocks of 32 MB and more get their own `mmap`. `mallopt` is declared
/// in <malloc.h>, which Swift's Glibc module does not import, hence this C function.
///
/// Returns 1 when every setting took, 0 when one was refused or the C library is not glibc (the
/// import is then slower, not wrong).
int gazette_tune_allocator_for_bulk_work(void);

#endif
