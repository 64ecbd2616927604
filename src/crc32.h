/* crc32: CRC-32 as zlib's crc32 and the SIE format's #KSUMMA have it (the reflected
 * polynomial 0xEDB88320), eight bytes at a time by eight tables (slicing by 8): the sum
 * of an SIE file is of nearly all its bytes. finsam needs no library for it;
 * tests/unit/test_sie.c compares it with zlib's. */
#ifndef FINSAM_CRC32_H
#define FINSAM_CRC32_H

#include <stddef.h>
#include <stdint.h>

/* The CRC-32 crc (begun as 0xFFFFFFFF, inverted at the end, as zlib does both) with the
 * n bytes at s added. */
uint32_t crc32_add(uint32_t crc, const void *s, size_t n);

#endif
