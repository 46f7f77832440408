/* SPDX-License-Identifier: MIT */
/*
 * The guard's life outside the scan (guard.h): its state from init to
 * release, the start of each document and batch, the recording of an
 * error, and the positions of the tokens it handed to the decoder. The
 * scan itself, the hot path, is guard.c.
 */
#include "guard.h"

#include <string.h>

#include "alloc.h"
#include "lex.h"

void
ixj__guard_init(ixj__guard *g, const ixj_allocator *alloc)
{
    memset(g, 0, sizeof *g);
    g->alloc = *alloc;
    g->line = 1;
}

void
ixj__guard_release(ixj__guard *g)
{
    ixj__free(&g->alloc, g->is_array);
    ixj__free(&g->alloc, g->count);
    ixj__free(&g->alloc, g->hold);
    g->is_array = NULL;
    g->count = NULL;
    g->hold = NULL;
    g->capacity = 0;
    g->hold_cap = 0;
}

void
ixj__guard_rewind_position(ixj__guard *g)
{
    g->offset = 0;
    g->line = 1;
    g->line_start = 0;
}

void
ixj__guard_begin(ixj__guard *g)
{
    g->doc_start = g->offset;
    g->value_start = g->value_end = g->offset;
    g->value_line = g->line;
    g->root_not_object = false;
    g->started = false;
    g->leading_zero_at = UINT64_MAX;
    g->state = IXJ__GS_VALUE_TOP;
    g->sub = 0;
    g->key = false;
    g->depth = 0;
    g->fifo_r = g->fifo_w = 0;
    g->skeleton_len = 0;
    g->hold_len = 0;
    g->err_code = IXJ_OK;
}

void
ixj__guard_skip(ixj__guard *g, size_t n, bool lf)
{
    g->offset += n;
    if (lf) {
        g->line++;
        g->line_start = g->offset;
    }
}

void
ixj__guard_batch_done(ixj__guard *g)
{
    /* yajl called back every token of the batch (the skeleton's numbers
     * end in a space, so none waits for the next batch): the table starts
     * over. */
    g->fifo_r = g->fifo_w = 0;
    g->skeleton_len = 0;
    if (!ixj__guard_in_token(g))
        g->hold_len = 0; /* its token was handed over */
}

void
ixj__guard_fail(ixj__guard *g, int code, uint8_t detail, uint64_t offset,
                int ctx)
{
    g->err_code = code;
    g->err_detail = detail;
    g->err_ctx = ctx;
    g->err_offset = offset;
    g->err_line = g->line;
    g->err_column = offset - g->line_start + 1;
}

void
ixj__token_position(const ixj__guard *g, const ixj__token *t, uint64_t *offset,
                    uint64_t *line, uint64_t *column)
{
    const char *text = g->batch_text;
    uint64_t l = g->batch_line, start = g->batch_line_start;
    unsigned kind = t->flags & IXJ__T_KIND;
    /* a string's position is its opening quote, before its text */
    uint32_t first = t->at - (kind == IXJ__T_KEY || kind == IXJ__T_STRING);
    /* Line feeds lie only between tokens: count them up to this one. */
    for (uint32_t i = 0; i < first; i++) {
        if (text[i] == '\n') {
            l++;
            start = g->batch_offset + i + 1;
        }
    }
    *offset = g->batch_offset + first;
    *line = l;
    *column = *offset - start + 1;
}
