#ifndef GAZETTE_CSHA256_H
#define GAZETTE_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SHA extensions (and the SSSE3 and SSE4.1 they are used with), else 0.
int gazette_sha256_hardware_available(void);

/// Runs SHA-256's compression over `blocks` 64-byte blocks at `data`, updating `state` (the eight
/// working words H0…H7, host order), with FIPS 180-4's 64 round constants `k` (the Swift side
/// owns the one table). Only call it when `gazette_sha256_hardware_available()`.
void gazette_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t k[64]);

#endif
