/* SPDX-License-Identifier: MIT */
/*
 * The guard's token lexers (lex_string.c, lex_number.c): resumable state
 * machines for the tokens that may be cut by the end of a chunk or need a
 * closer look than the guard's inline fast paths give them (escapes,
 * UTF-8, fractions and exponents, a literal split in two). Each reads from
 * *pp up to end, where buf is the scan call's input and base its absolute
 * offset, keeps its progress in the guard (sub-state and the open token's
 * fields), and reports whether the token ended, needs more input, or is in
 * error (recorded with ixj__guard_fail).
 */
#ifndef IXJOB_LEX_H
#define IXJOB_LEX_H

#include <stdint.h>

#include "guard.h"

/* What a token lexer reports. */
enum { IXJ__LEX_MORE, IXJ__LEX_DONE, IXJ__LEX_ERROR };

/* String sub-states. */
enum {
    IXJ__SS_PLAIN,         /* ordinary content */
    IXJ__SS_ESCAPE,        /* after a backslash */
    IXJ__SS_HEX,           /* in the four digits of \uXXXX */
    IXJ__SS_UTF8,          /* continuation bytes of a UTF-8 sequence due */
    IXJ__SS_LOW_BACKSLASH, /* after a high surrogate escape: '\' must follow */
    IXJ__SS_LOW_U,         /* then 'u' */
    IXJ__SS_LOW_HEX        /* then the four digits of the low surrogate */
};

/* Number sub-states; the accepting ones are ZERO, INT, FRAC and EXP. */
enum {
    IXJ__NS_MINUS,    /* after '-' */
    IXJ__NS_ZERO,     /* integer part is 0 */
    IXJ__NS_INT,      /* in integer digits */
    IXJ__NS_DOT,      /* after '.' */
    IXJ__NS_FRAC,     /* in fraction digits */
    IXJ__NS_EXP_MARK, /* after 'e' or 'E' */
    IXJ__NS_EXP_SIGN, /* after the exponent's sign */
    IXJ__NS_EXP       /* in exponent digits */
};

/* Records the guard's first error: its code, ixj__detail, offset (on the
 * current line: tokens never span lines) and context (IXJ__CTX_*). */
void ixj__guard_fail(ixj__guard *g, int code, uint8_t detail, uint64_t offset,
                     int ctx);

/* String content from *pp (after the opening quote, or where an earlier
 * call stopped). On IXJ__LEX_DONE, *pp is after the closing quote. The
 * string holds at most max_string raw bytes. */
int ixj__lex_string(ixj__guard *g, const uint8_t **pp, const uint8_t *end,
                    const uint8_t *buf, uint64_t base);

/* A number from *pp. On IXJ__LEX_DONE, *pp is the byte that ended it, not
 * consumed. */
int ixj__lex_number(ixj__guard *g, const uint8_t **pp, const uint8_t *end,
                    const uint8_t *buf, uint64_t base);

/* True when a number can end in sub-state sub. */
bool ixj__number_accepts(int sub);

/* The rest of true, false or null (g->word, of which g->word_done letters
 * were read). */
int ixj__lex_literal(ixj__guard *g, const uint8_t **pp, const uint8_t *end,
                     const uint8_t *buf, uint64_t base);

#endif /* IXJOB_LEX_H */
