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

#endif /* IXJOB_COMPILER_H */
