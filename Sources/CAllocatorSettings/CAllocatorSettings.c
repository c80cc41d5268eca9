#include "CAllocatorSettings.h"

#if defined(__GLIBC__)
#include <malloc.h>

int gazette_tune_allocator_for_bulk_work(void) {
    int ok = 1;
    ok &= mallopt(M_TRIM_THRESHOLD, 256 << 20);
    ok &= mallopt(M_TOP_PAD, 64 << 20);
    ok &= mallopt(M_MMAP_THRESHOLD, 32 << 20);
    return ok;
}
#else
int gazette_tune_allocator_for_bulk_work(void) { return 0; }
#endif
