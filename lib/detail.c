/* SPDX-License-Identifier: MIT */
#include "detail.h"

#define TEXT_(suffix, text) text,
static const char *const texts[] = {IXJ__DETAIL_MAP(TEXT_)};
#undef TEXT_

_Static_assert(sizeof texts / sizeof texts[0] == IXJ__DETAIL_COUNT,
               "one text per detail");
_Static_assert(IXJ__DETAIL_COUNT <= 256, "a detail id fits in a byte");

const char *
ixj__detail_text(unsigned id)
{
    return id < IXJ__DETAIL_COUNT ? texts[id] : "";
}
