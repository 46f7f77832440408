/* SPDX-License-Identifier: MIT */
/* JSON Schema export of the field tables (see ixjob.h). */
#include <ixjob/ixjob.h>

#include "schema.h"

ixj_status
ixj_schema_write(ixj_type type, unsigned flags, ixj_write_fn write, void *ctx)
{
    (void)ctx;
    if (ixj__root_object(type) == NULL || write == NULL ||
        (flags & ~(IXJ_SCHEMA_STRICT | IXJ_SCHEMA_PRETTY)) != 0)
        return IXJ_ERR_MISUSE;
    return IXJ_ERR_MISUSE; /* not written yet */
}
