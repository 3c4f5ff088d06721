/*
 * doc.h — the document: one input carried through every stage.
 *
 * rp_doc owns the per-document arena (reset for each document) and a few
 * heap buffers that keep their capacity from one document to the next, so a
 * thread coding a stream allocates almost nothing after warm-up. The stages
 * run in order in rp_doc_code: normalise -> extract -> assemble the body ->
 * tokenize and split -> match -> code -> time expressions -> resolve.
 */
#ifndef RP_DOC_H
#define RP_DOC_H

#include "../extract/extract.h"
#include "../ingest/ingest.h"
#include "../resolve/resolve.h"

struct rp_coder {
    const rp_dict *dict;      /* shared, read-only */
    rp_coder_options opt;     /* as given, defaults filled in */
};

struct rp_doc {
    const rp_allocator *alloc;
    rp_arena arena;           /* everything per document */
    rp_stemmer *stemmer;      /* stem cache (lives across documents) */
    const rp_dict *dict;      /* dictionary of the last coding */
    rp_buf raw;               /* normalised input text */
    rp_buf body;              /* article body: headline + paragraphs */
    rp_buf explain;           /* explanation text, NUL-separated per sentence */
    rp_vec toks;              /* rp_tok over body */
    rp_vec sents;             /* rp_sentence */
    rp_vec sent_first;        /* uint32_t: first token of each sentence */
    rp_vec split_ends;        /* size_t scratch for the sentence splitter */
    rp_vec cevents;           /* rp_cevent */
    rp_vec timex;             /* rp_timex */
    rp_vec events;            /* rp_event (public) */
    rp_vec diags;             /* rp_error */
    rp_vec explain_off;       /* size_t: offset of each sentence's explanation */
    rp_vec pub_tokens;        /* rp_token, built on first request */
    bool pub_tokens_ready;
    rp_article article;
    char *id, *url;           /* copies from the input (arena) */
    uint8_t *present;         /* word bitmap for the code stage (heap, one bit a word id) */
    size_t present_bytes;     /* its size */
    rp_wcache *wcache;        /* word lookup cache (heap), kept across documents */
    rp_buf jf[5];             /* fields of an RP_TEXT_JSONL record: id, url, date, title, text */
};

#endif /* RP_DOC_H */
