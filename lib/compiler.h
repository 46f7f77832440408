/* SPDX-License-Identifier: MIT */
/* Compiler hints for the hot paths, harmless where unsupported. */
#ifndef IXJOB_COMPILER_H
#define IXJOB_COMPILER_H

#if defined(__GNUC__)
#define IXJ__INLINE      inline __attribute__((always_inline))
#define IXJ__NOINLINE    __attribute__((noinline))
#define IXJ__LIKELY(x)   __builtin_expect(!!(x), 1)
#define IXJ__UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define IXJ__INLINE inline
#define IXJ__NOINLINE
#define IXJ__LIKELY(x)   (x)
#define IXJ__UNLIKELY(x) (x)
#endif

/* IXJ_NO_ALWAYS_INLINE leaves inlining to the compiler. The coverage
 * build (ci/coverage.sh) defines it: gcov counts the lines and branches
 * of a forced-inline function once per caller, in code the caller makes
 * unreachable (a caller that knows the JSON type reaches one case of a
 * switch on it), where a function that is called once is counted once. */
#ifdef IXJ_NO_ALWAYS_INLINE
#undef IXJ__INLINE
#define IXJ__INLINE inline
#endif

/* Internal invariants, checked in debug builds (configure --enable-debug
 * defines IXJ_DEBUG; the sanitizer and fuzzing builds of CI use it). A
 * failure names the condition and aborts: it is a library bug. */
#ifdef IXJ_DEBUG
#include <stdio.h>
#include <stdlib.h>
#define IXJ__ASSERT(cond)                                             \
    ((cond) ? (void)0                                                 \
            : (fprintf(stderr, "%s:%d: ixjob invariant broken: %s\n", \
                       __FILE__, __LINE__, #cond),                    \
               abort()))
#else
#define IXJ__ASSERT(cond) ((void)sizeof((cond) ? 1 : 0))
#endif

#endif /* IXJOB_COMPILER_H */
