#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Converts fuzz inputs from the two-byte header layout to the current one.

The old layout (until the header could grow):

    byte 0  bits 0-2 type (0 auto .. 7 any), bit 3 strict, bits 4-5 limits,
            bit 6 validation only, bit 7 element callbacks
    byte 1  bits 0-5 chunk size, bit 6 concatenated, bit 7 stop
    rest    the document; the mix was the hash of the whole input

The new layout (fuzz/common.h, fuzz/README.md) has the type selector in
byte 0, the mode bits in byte 1 and the feeding bits in byte 2. The
selector lists AUTO, ANY, then IXJ_TYPE_MAP's rows in order, so the old
type t becomes 0 for auto (0), 1 for any (7), t + 1 for the others. Each converted input pins the old mix (byte 1 bit 7,
then 8 bytes), so that the split position, the derived limits, the
element kind and every other hashed choice stay what they were: a
converted input means what it meant. Gathering stays on and the result
limit at its default, as they were.

    python3 fuzz/upgrade-header.py FILE...     # converts in place

Run it once per file: the layouts cannot be told apart.
"""
import struct
import sys


def fnv_mix(data):
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h ^ (h >> 29)


def convert(old):
    b0 = old[0] if len(old) > 0 else 0
    b1 = old[1] if len(old) > 1 else 0
    doc = old[2:]
    strict = (b0 >> 3) & 1
    limits = (b0 >> 4) & 3
    validate_only = (b0 >> 6) & 1
    elements = (b0 >> 7) & 1
    old_type = b0 & 7
    new_b0 = {0: 0, 7: 1}.get(old_type, old_type + 1)
    new_b1 = strict | limits << 1 | validate_only << 3 | elements << 4 | 1 << 7
    return bytes([new_b0, new_b1, b1]) + struct.pack("<Q", fnv_mix(old)) + doc


def main(paths):
    for path in paths:
        with open(path, "rb") as f:
            old = f.read()
        with open(path, "wb") as f:
            f.write(convert(old))


if __name__ == "__main__":
    main(sys.argv[1:])
