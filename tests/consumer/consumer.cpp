/* SPDX-License-Identifier: MIT */
/*
 * consumer.cpp: the C++17 twin of consumer.c, built by
 * tests/consumer/run.sh against an installed ixjob with nothing but
 * `pkg-config ixjob`; it prints exactly the same lines, written the way a
 * C++ user would: RAII owners, std::string, a capture-less lambda as the
 * element callback.
 */
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <ixjob/ixjob.h>

namespace
{

struct decoder_free {
    void
    operator()(ixj_decoder *d) const
    {
        ixj_decoder_free(d);
    }
};
struct encoder_free {
    void
    operator()(ixj_encoder *e) const
    {
        ixj_encoder_free(e);
    }
};
using decoder_ptr = std::unique_ptr<ixj_decoder, decoder_free>;
using encoder_ptr = std::unique_ptr<ixj_encoder, encoder_free>;

const ixj_element_fn print_source = [](void *,
                                       const ixj_element_info *info) -> int {
    const auto *s = static_cast<const ixj_data_source_job *>(info->value);
    const char *status = IXJ_HAS(s, IXJ_DATA_SOURCE_JOB_STATUS)
                             ? ixj_enum_text(IXJ_ENUM_DATA_SOURCE_STATUS,
                                             s->status, &s->status_raw)
                             : nullptr;
    std::printf("  %s %s %s %llu\n", info->path,
                s->data_source_uuid.ptr ? s->data_source_uuid.ptr : "-",
                status ? status : "-",
                static_cast<unsigned long long>(s->total_bytes));
    return 0;
};

int
append(void *ctx, const char *bytes, std::size_t len)
{
    static_cast<std::string *>(ctx)->append(bytes, len);
    return 0;
}

// The canonical JSON of a document, decoded whole (nothing streamed),
// decodes and encodes to the same bytes.
bool
round_trip(ixj_decoder *d, ixj_encoder *e, const std::vector<char> &doc)
{
    std::string canon, again;
    ixj_result r{};
    const bool ok =
        ixj_decoder_on_element(d, IXJ_ELEMENT_DATA_SOURCE_JOBS, nullptr,
                               nullptr) == IXJ_OK &&
        ixj_decode(d, IXJ_TYPE_AUTO, doc.data(), doc.size(), &r) == IXJ_OK &&
        ixj_encode_to(e, r.type, r.as.value, 0, append, &canon) == IXJ_OK &&
        ixj_decode(d, r.type, canon.data(), canon.size(), &r) == IXJ_OK &&
        ixj_encode_to(e, r.type, r.as.value, 0, append, &again) == IXJ_OK &&
        again == canon;
    return ixj_decoder_on_element(d, IXJ_ELEMENT_DATA_SOURCE_JOBS, print_source,
                                  nullptr) == IXJ_OK &&
           ok;
}

bool
decode_file(ixj_decoder *d, ixj_encoder *e, const char *name)
{
    std::ifstream in(name, std::ios::binary);
    if (!in) {
        std::perror(name);
        return false;
    }
    const std::vector<char> doc{std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>()};
    // Streamed, 5 bytes at a time: data sources are printed as they
    // complete.
    ixj_status st = ixj_decoder_begin(d, IXJ_TYPE_AUTO);
    for (std::size_t at = 0; st == IXJ_OK && at < doc.size(); at += 5)
        st = ixj_decoder_feed(d, doc.data() + at,
                              std::min<std::size_t>(5, doc.size() - at));
    ixj_result r{};
    if (st == IXJ_OK)
        st = ixj_decoder_finish(d, &r);
    if (st != IXJ_OK) {
        const ixj_error *err = ixj_decoder_error(d);
        std::printf("error %s at %s %llu:%llu\n", ixj_status_name(err->code),
                    err->path, static_cast<unsigned long long>(err->line),
                    static_cast<unsigned long long>(err->column));
        return true;
    }
    std::printf("%s", ixj_type_name(r.type));
    if (r.type == IXJ_TYPE_JOB && IXJ_HAS(r.as.job, IXJ_JOB_ENVELOPE_JOB)) {
        const ixj_job &job = *r.as.job->job;
        std::printf(" %s %s, %zu data sources", job.uuid.ptr,
                    ixj_batch_job_phase_name(job.phase),
                    job.n_data_source_jobs);
    }
    std::printf("\n");
    const bool ok = round_trip(d, e, doc);
    std::printf("canonical %s\n", ok ? "round trip ok" : "round trip FAILED");
    return ok;
}

} // namespace

int
main(int argc, char **argv)
{
    decoder_ptr d{ixj_decoder_new(nullptr)};
    encoder_ptr e{ixj_encoder_new(nullptr)};
    if (!d || !e ||
        ixj_decoder_on_element(d.get(), IXJ_ELEMENT_DATA_SOURCE_JOBS,
                               print_source, nullptr) != IXJ_OK)
        return 2;
    std::printf("ixjob %s (header %s)\n", ixj_version(), IXJ_VERSION_STRING);
    bool failed = false;
    for (int i = 1; i < argc; i++)
        if (!decode_file(d.get(), e.get(), argv[i]))
            failed = true;
    return failed ? 1 : 0;
}
