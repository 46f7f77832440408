/* SPDX-License-Identifier: MIT */
/*
 * gen-keyindex: writes keyindex.c, the index of every object's keys
 * (schema.h, ixj__key_index), from the field tables of payloads.c. The
 * build runs it (with the compiler for the build machine); nothing it
 * writes is kept in the source tree, so a field added to a table is in
 * the index at the next build.
 *
 * For each object: the fields in key order (by name, bytewise, as the
 * spec and DigitalOcean send them), each field's position in it, and a
 * perfect hash of the names and lowerCamelCase aliases: multipliers are
 * searched, smallest table first, until no two keys share a slot.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

typedef struct key {
    const char *text;
    size_t len;
    unsigned entry; /* field index, + 0x80 for an alias */
} key;

static int
by_name(const void *a, const void *b)
{
    const ixj__field *x = *(const ixj__field *const *)a;
    const ixj__field *y = *(const ixj__field *const *)b;
    return strcmp(x->name, y->name);
}

/* Tries multipliers for a table of mask + 1 slots; fills slots on
 * success. */
static int
try_hash(const key *keys, size_t n, ixj__key_index *ix, uint8_t *slots)
{
    memset(slots, 0xFF, (size_t)ix->mask + 1);
    for (size_t i = 0; i < n; i++) {
        unsigned s = ixj__key_slot(ix, keys[i].text, keys[i].len);
        if (slots[s] != 0xFF)
            return 0;
        slots[s] = (uint8_t)keys[i].entry;
    }
    return 1;
}

/* A xorshift generator: the multipliers it tries are the same on every
 * build, so keyindex.c is too. */
static uint64_t
next_random(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *state = x;
}

static int
find_hash(const key *keys, size_t n, ixj__key_index *ix, uint8_t *slots)
{
    uint64_t state = 0x9E3779B97F4A7C15u;
    for (unsigned size = 8; size <= 256; size *= 2) {
        if (size < 2 * n)
            continue;
        ix->mask = (uint8_t)(size - 1);
        for (int tries = 0; tries < 100000; tries++) {
            ix->mul[0] = next_random(&state) | 1;
            ix->mul[1] = next_random(&state) | 1;
            if (try_hash(keys, n, ix, slots))
                return 1;
        }
    }
    return 0;
}

static void
put_bytes(const char *label, const char *name, const uint8_t *v, size_t n)
{
    printf("static const uint8_t %s_%s[%zu] = {", name, label, n);
    for (size_t i = 0; i < n; i++)
        printf("%s%u",
               i == 0        ? "\n    "
               : i % 16 == 0 ? ",\n    "
                             : ", ",
               v[i]);
    printf("};\n");
}

/* [A-Za-z_][A-Za-z0-9_]*: the decoder renders a path segment of a table's
 * key as .key without looking at its bytes (paths.c). */
static int
is_identifier(const char *name)
{
    for (const char *p = name; *p != '\0'; p++) {
        char c = *p;
        if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '_' &&
            (p == name || c < '0' || c > '9'))
            return 0;
    }
    return *name != '\0';
}

static int
write_index(const ixj__object_desc *obj)
{
    const char *name = obj->name + 4; /* after "ixj_" */
    const ixj__field *sorted[64];
    key keys[128];
    uint8_t wire[64], next[64], slots[256];
    ixj__key_index ix;
    size_t n = obj->n_fields, n_keys = 0;

    for (size_t i = 0; i < n; i++)
        sorted[i] = &obj->fields[i];
    /* cppcheck-suppress uninitvar ; qsort reads the n pointers set above */
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
    qsort(sorted, n, sizeof sorted[0], by_name);
    for (size_t i = 0; i < n; i++) {
        size_t f = (size_t)(sorted[i] - obj->fields);
        wire[i] = (uint8_t)f;
        next[f] = (uint8_t)(i + 1);
    }
    for (size_t i = 0; i < n; i++) {
        const ixj__field *f = &obj->fields[i];
        if (!is_identifier(f->name) || !is_identifier(f->alias)) {
            fprintf(stderr,
                    "gen-keyindex: %s.%s: a key that is not an "
                    "identifier (paths write keys as .key; decoder.c)\n",
                    obj->name, f->name);
            return 0;
        }
        keys[n_keys++] = (key){f->name, f->name_len, (unsigned)i};
        if (strcmp(f->alias, f->name) != 0)
            keys[n_keys++] = (key){f->alias, f->alias_len, (unsigned)i | 0x80};
    }
    memset(&ix, 0, sizeof ix);
    if (!find_hash(keys, n_keys, &ix, slots)) {
        fprintf(stderr, "gen-keyindex: no perfect hash for %s\n", obj->name);
        return 0;
    }
    printf("\n/* %s: %zu fields, %zu keys */\n", obj->name, n, n_keys);
    put_bytes("slots", name, slots, (size_t)ix.mask + 1);
    put_bytes("wire", name, wire, n);
    put_bytes("next", name, next, n);
    printf("const ixj__key_index ixj__keyindex_%s = {\n"
           "    {UINT64_C(%llu), UINT64_C(%llu)}, %u, %s_slots, %s_wire, "
           "%s_next};\n",
           name, (unsigned long long)ix.mul[0], (unsigned long long)ix.mul[1],
           ix.mask, name, name, name);
    return 1;
}

int
main(void)
{
    printf("/* Written by gen-keyindex from the field tables of payloads.c "
           "at build\n * time: do not edit (schema.h, ixj__key_index). */\n"
           "#include \"schema.h\"\n");
    for (size_t i = 0; i < ixj__n_objects; i++)
        if (!write_index(ixj__objects[i]))
            return 1;
    return fflush(stdout) == 0 ? 0 : 1;
}
