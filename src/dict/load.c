/*
 * load.c — opening a compiled dictionary: mmap (or a heap copy), then a
 * full validation pass so that every later lookup can trust every offset.
 *
 * Validation checks the header (magic, version, endianness, size), that each
 * section lies inside the file with the element size this build expects, and
 * then every cross-reference: strings inside STR, word ids below the word
 * count, trie edges sorted and pointing at nodes, pattern elements of known
 * kinds whose ids exist, anchors, codes. It is linear in the file size and
 * takes a few milliseconds for production dictionaries.
 */
#include "dict.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define BAD(...) return rp_error_set(err, RP_EFORMAT, name, 0, 0, __VA_ARGS__)

static const uint32_t expected_esize[RPD_NSEC] = {
    1, sizeof(rpd_word), 4, 4, sizeof(rpd_tnode), sizeof(rpd_tedge), 4,
    sizeof(rpd_actor), sizeof(rpd_acode), 1, sizeof(rpd_agent), sizeof(rpd_pattern),
    sizeof(rpd_pelem), sizeof(rpd_synset), sizeof(rpd_smember), 4, 4, sizeof(rpd_anchor),
    sizeof(rpd_code), sizeof(rpd_file)};

static bool str_ok(const rp_dict *d, uint32_t off, uint32_t len) {
    uint64_t n = d->h->sec[RPD_STR].count;
    return (uint64_t)off + len <= n;
}

static rp_status check_header(rp_dict *d, const char *name, rp_error *err) {
    if (d->size < sizeof(rpd_header)) BAD("not a riposte dictionary (too short)");
    const rpd_header *h = (const rpd_header *)d->base;
    if (memcmp(h->magic, RPD_MAGIC, 6) != 0) BAD("not a riposte compiled dictionary");
    if (memcmp(h->magic, RPD_MAGIC, 8) != 0 || h->version != RPD_VERSION)
        return rp_error_set(err, RP_EVERSION, name, 0, 0,
                            "compiled dictionary format %.2s/%u, this riposte reads %.2s/%u; "
                            "recompile it with 'riposte dict compile'",
                            h->magic + 6, h->version, RPD_MAGIC + 6, RPD_VERSION);
    if (h->endian != RPD_ENDIAN) BAD("compiled on a machine of other byte order; recompile it");
    if (h->file_size != d->size) BAD("truncated or padded (size %zu, header says %llu)", d->size,
                                     (unsigned long long)h->file_size);
    if (h->nsections != RPD_NSEC) BAD("unexpected section count %u", h->nsections);
    for (uint32_t i = 0; i < RPD_NSEC; i++) {
        const rpd_section *s = &h->sec[i];
        if (s->id != i || s->esize != expected_esize[i]) BAD("section %u has a bad descriptor", i);
        if (s->offset % 8 || s->offset < sizeof(rpd_header) || s->offset > d->size ||
            s->count > (d->size - s->offset) / s->esize)
            BAD("section %u lies outside the file", i);
    }
    d->h = h;
    return RP_OK;
}

#define SEC(id, type) ((const type *)(d->base + d->h->sec[id].offset))
#define CNT(id) ((uint32_t)d->h->sec[id].count)

static void bind_sections(rp_dict *d) {
    d->str = SEC(RPD_STR, char);
    d->words = SEC(RPD_WORD, rpd_word);
    d->nwords = CNT(RPD_WORD);
    d->whash = SEC(RPD_WHASH, uint32_t);
    d->nwhash = CNT(RPD_WHASH);
    d->lemmas = SEC(RPD_LEMMA, uint32_t);
    d->tnodes = SEC(RPD_TNODE, rpd_tnode);
    d->tedges = SEC(RPD_TEDGE, rpd_tedge);
    d->tentries = SEC(RPD_TENTRY, uint32_t);
    d->actors = SEC(RPD_ACTOR, rpd_actor);
    d->nactors = CNT(RPD_ACTOR);
    d->acodes = SEC(RPD_ACODE, rpd_acode);
    d->caseb = SEC(RPD_CASEB, uint8_t);
    d->agents = SEC(RPD_AGENT, rpd_agent);
    d->nagents = CNT(RPD_AGENT);
    d->patterns = SEC(RPD_PATTERN, rpd_pattern);
    d->npatterns = CNT(RPD_PATTERN);
    d->pelems = SEC(RPD_PELEM, rpd_pelem);
    d->synsets = SEC(RPD_SYNSET, rpd_synset);
    d->nsynsets = CNT(RPD_SYNSET);
    d->smembers = SEC(RPD_SMEMBER, rpd_smember);
    d->swords = SEC(RPD_SWORD, uint32_t);
    d->aoff = SEC(RPD_AOFF, uint32_t);
    d->apat = SEC(RPD_APAT, rpd_anchor);
    d->codes = SEC(RPD_CODE, rpd_code);
    d->ncodes = CNT(RPD_CODE);
    d->files = SEC(RPD_FILE, rpd_file);
    d->nfiles = CNT(RPD_FILE);
}

static bool range_ok(uint32_t first, uint32_t n, uint32_t count) {
    return first <= count && n <= count - first;
}

static bool code_str_ok(const char c[8]) {
    if (c[7] != 0) return false;
    for (int i = 0; i < 8 && c[i]; i++)
        if (!rp_is_digit((unsigned char)c[i])) return false;
    return true;
}

static rp_status check_words(const rp_dict *d, const char *name, rp_error *err) {
    if (d->nwords == 0) BAD("no words");
    uint32_t nl = CNT(RPD_LEMMA);
    for (uint32_t i = 0; i < d->nwords; i++) {
        const rpd_word *w = &d->words[i];
        if (!str_ok(d, w->str, w->len) || !range_ok(w->lemma_first, w->lemma_n, nl))
            BAD("word %u is corrupt", i);
    }
    for (uint32_t i = 0; i < nl; i++)
        if ((d->lemmas[i] & RPD_L_ID) >= d->nwords) BAD("lemma link %u is corrupt", i);
    if (d->nwhash == 0 || (d->nwhash & (d->nwhash - 1)) || d->nwhash < d->nwords)
        BAD("word hash has a bad size");
    for (uint32_t i = 0; i < d->nwhash; i++)
        if (d->whash[i] >= d->nwords) BAD("word hash slot %u is corrupt", i);
    /* at least one empty slot, so lookups of unknown words terminate */
    if (d->nwhash <= d->nwords - 1) BAD("word hash is full");
    return RP_OK;
}

static rp_status check_tries(const rp_dict *d, const char *name, rp_error *err) {
    uint32_t nn = CNT(RPD_TNODE), ne = CNT(RPD_TEDGE), nt = CNT(RPD_TENTRY);
    if (d->h->actor_root >= nn || d->h->agent_root >= nn) BAD("trie roots out of range");
    for (uint32_t i = 0; i < nn; i++) {
        const rpd_tnode *n = &d->tnodes[i];
        if (!range_ok(n->edge_first, n->edge_n, ne) || !range_ok(n->entry_first, n->entry_n, nt))
            BAD("trie node %u is corrupt", i);
        for (uint32_t k = 0; k < n->edge_n; k++) {
            const rpd_tedge *e = &d->tedges[n->edge_first + k];
            /* children have higher indexes than their parent: no cycles */
            if (e->node >= nn || e->node <= i || e->word >= d->nwords) BAD("trie edge is corrupt");
            if (k && e[-1].word >= e->word) BAD("trie edges are not sorted");
        }
    }
    /* which trie each node belongs to: children have higher indexes, so one
     * pass in index order propagates the roots' kinds */
    uint8_t *kind = rp_calloc(d->alloc, nn ? nn : 1, 1);
    if (!kind) return rp_error_set(err, RP_ENOMEM, name, 0, 0, "out of memory");
    kind[d->h->actor_root] |= 1;
    kind[d->h->agent_root] |= 2;
    rp_status st = RP_OK;
    for (uint32_t i = 0; i < nn && st == RP_OK; i++) {
        const rpd_tnode *n = &d->tnodes[i];
        for (uint32_t k = 0; k < n->edge_n; k++) kind[d->tedges[n->edge_first + k].node] |= kind[i];
        for (uint32_t k = 0; k < n->entry_n; k++) {
            uint32_t e = d->tentries[n->entry_first + k];
            if (((kind[i] & 1) && e >= d->nactors) || ((kind[i] & 2) && e >= d->nagents))
                st = rp_error_set(err, RP_EFORMAT, name, 0, 0, "trie entry is corrupt");
        }
    }
    rp_free(d->alloc, kind, nn ? nn : 1);
    if (st != RP_OK) return st;
    return RP_OK;
}

static rp_status check_entries(const rp_dict *d, const char *name, rp_error *err) {
    uint32_t nc = CNT(RPD_ACODE), nb = CNT(RPD_CASEB);
    for (uint32_t i = 0; i < d->nactors; i++) {
        const rpd_actor *a = &d->actors[i];
        if (!range_ok(a->code_first, a->code_n, nc) || !range_ok(a->case_first, a->nwords, nb) ||
            a->nwords == 0 || a->file >= d->nfiles)
            BAD("actor entry %u is corrupt", i);
    }
    for (uint32_t i = 0; i < nc; i++) {
        const rpd_acode *c = &d->acodes[i];
        if (!str_ok(d, c->str, c->len) || c->len < 3 || c->len > 18) BAD("actor code %u is corrupt", i);
    }
    for (uint32_t i = 0; i < d->nagents; i++) {
        const rpd_agent *a = &d->agents[i];
        if (!str_ok(d, a->str, a->len) || a->len > 9 || a->nwords == 0 || a->file >= d->nfiles)
            BAD("agent entry %u is corrupt", i);
    }
    for (uint32_t i = 0; i < d->nfiles; i++)
        if (!str_ok(d, d->files[i].str, d->files[i].len)) BAD("file entry %u is corrupt", i);
    for (uint32_t i = 0; i < d->ncodes; i++) {
        const rpd_code *c = &d->codes[i];
        if (!code_str_ok(c->code) || strlen(c->code) < 2 || !str_ok(d, c->label, c->label_len) ||
            c->quad < 1 || c->quad > 4 || !(c->goldstein >= -10 && c->goldstein <= 10))
            BAD("code entry %u is corrupt", i);
        if (i && strcmp(d->codes[i - 1].code, c->code) >= 0) BAD("code table is not sorted");
    }
    return RP_OK;
}

static rp_status check_patterns(const rp_dict *d, const char *name, rp_error *err) {
    uint32_t ne = CNT(RPD_PELEM), nm = CNT(RPD_SMEMBER), nw = CNT(RPD_SWORD);
    for (uint32_t i = 0; i < d->npatterns; i++) {
        const rpd_pattern *p = &d->patterns[i];
        if (!range_ok(p->elem_first, p->elem_n, ne) || p->anchor >= p->elem_n ||
            !code_str_ok(p->code) || !code_str_ok(p->code2) || p->file >= d->nfiles)
            BAD("pattern %u is corrupt", i);
    }
    for (uint32_t i = 0; i < ne; i++) {
        const rpd_pelem *e = &d->pelems[i];
        bool ok = e->kind >= RPD_E_WORD && e->kind <= RPD_E_BOTH;
        if (e->kind == RPD_E_WORD || e->kind == RPD_E_EXACT) ok = ok && e->a < d->nwords;
        if (e->kind == RPD_E_SET) ok = ok && e->a < d->nsynsets;
        if (!ok) BAD("pattern element %u is corrupt", i);
    }
    for (uint32_t i = 0; i < d->nsynsets; i++) {
        const rpd_synset *s = &d->synsets[i];
        if (!range_ok(s->member_first, s->member_n, nm) || !str_ok(d, s->name, s->name_len))
            BAD("synset %u is corrupt", i);
    }
    for (uint32_t i = 0; i < nm; i++) {
        const rpd_smember *m = &d->smembers[i];
        if (!range_ok(m->word_first, m->word_n, nw) || m->word_n == 0)
            BAD("synset member %u is corrupt", i);
    }
    for (uint32_t i = 0; i < nw; i++)
        if (d->swords[i] >= d->nwords) BAD("synset word %u is corrupt", i);
    uint32_t na = CNT(RPD_APAT);
    if (CNT(RPD_AOFF) != d->nwords + 1) BAD("anchor index has a bad size");
    for (uint32_t i = 0; i < d->nwords; i++)
        if (d->aoff[i] > d->aoff[i + 1] || d->aoff[i + 1] > na) BAD("anchor index is corrupt");
    for (uint32_t i = 0; i < na; i++)
        if (d->apat[i].pattern >= d->npatterns) BAD("anchor entry %u is corrupt", i);
    return RP_OK;
}

static rp_status validate(rp_dict *d, const char *name, rp_error *err) {
    rp_status st = check_header(d, name, err);
    if (st != RP_OK) return st;
    bind_sections(d);
    if ((st = check_words(d, name, err)) != RP_OK) return st;
    if ((st = check_tries(d, name, err)) != RP_OK) return st;
    if ((st = check_entries(d, name, err)) != RP_OK) return st;
    return check_patterns(d, name, err);
}

/* ---------------------------------------------------------------- open/close */

static rp_status open_bytes(const void *bytes, size_t len, bool copy, const rp_dict_options *opt,
                            const char *name, rp_dict **out, rp_error *err) {
    const rp_allocator *alloc = opt ? opt->allocator : NULL;
    rp_dict *d = rp_calloc(alloc, 1, sizeof *d);
    if (!d) return rp_error_set(err, RP_ENOMEM, name, 0, 0, "out of memory");
    d->alloc = alloc;
    if (copy) {
        /* the copy is 8-aligned (malloc), which the section views need */
        d->owned = rp_alloc(alloc, len ? len : 1);
        if (!d->owned) {
            rp_free(alloc, d, sizeof *d);
            return rp_error_set(err, RP_ENOMEM, name, 0, 0, "out of memory");
        }
        if (len) memcpy(d->owned, bytes, len);
        d->base = d->owned;
    } else {
        d->base = bytes;
        d->mapped = true;
    }
    d->size = len;
    rp_status st = validate(d, name, err);
    if (st != RP_OK) {
        if (!copy) d->base = NULL; /* the caller unmaps */
        rp_dict_close(d);
        return st;
    }
    *out = d;
    return RP_OK;
}

rp_status rp_dict_open_memory(const void *bytes, size_t len, const rp_dict_options *opt,
                              rp_dict **out, rp_error *err) {
    if (!out || (!bytes && len)) return rp_error_set(err, RP_EINVAL, "", 0, 0, "invalid argument");
    return open_bytes(bytes, len, true, opt, "(memory)", out, err);
}

static bool has_magic(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    char m[6];
    bool yes = fread(m, 1, 6, f) == 6 && memcmp(m, RPD_MAGIC, 6) == 0;
    fclose(f);
    return yes;
}

rp_status rp_dict_open(const char *path, const rp_dict_options *opt, rp_dict **out,
                       rp_error *err) {
    if (!path || !out) return rp_error_set(err, RP_EINVAL, "", 0, 0, "invalid argument");
    struct stat st;
    if (stat(path, &st) != 0)
        return rp_error_set(err, errno == ENOENT ? RP_ENOTFOUND : RP_EIO, path, 0, 0, "%s",
                            strerror(errno));
    if (S_ISDIR(st.st_mode) || !has_magic(path)) return rp_dict_open_sources(&path, 1, opt, out, err);
    int fd = open(path, O_RDONLY);
    if (fd < 0) return rp_error_set(err, RP_EIO, path, 0, 0, "%s", strerror(errno));
    size_t len = (size_t)st.st_size;
    void *map = len ? mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    close(fd);
    if (map == MAP_FAILED) return rp_error_set(err, RP_EIO, path, 0, 0, "cannot map the file");
    rp_status s = open_bytes(map, len, false, opt, path, out, err);
    if (s != RP_OK) munmap(map, len);
    return s;
}

rp_status rp_dict_open_sources(const char *const *paths, size_t npaths,
                               const rp_dict_options *opt, rp_dict **out, rp_error *err) {
    if (!paths || !out) return rp_error_set(err, RP_EINVAL, "", 0, 0, "invalid argument");
    rp_buf buf;
    rp_buf_init(&buf, opt ? opt->allocator : NULL);
    rp_status st = rpd_compile_to_buffer(paths, npaths, opt, &buf, err);
    if (st == RP_OK) st = open_bytes(buf.data, buf.len, true, opt, paths[0], out, err);
    rp_buf_fini(&buf);
    return st;
}

void rp_dict_close(rp_dict *d) {
    if (!d) return;
    if (d->mapped && d->base) munmap((void *)d->base, d->size);
    if (d->owned) rp_free(d->alloc, d->owned, d->size ? d->size : 1);
    rp_free(d->alloc, d, sizeof *d);
}

/* ---------------------------------------------------------------- queries */

rp_dict_stats rp_dict_get_stats(const rp_dict *d) {
    rp_dict_stats s;
    memset(&s, 0, sizeof s);
    if (!d) return s;
    s.words = d->nwords;
    s.actors = d->nactors;
    s.agents = d->nagents;
    s.patterns = d->npatterns;
    s.synsets = d->nsynsets;
    s.codes = d->ncodes;
    s.bytes = d->size;
    s.source_hash = d->h->source_hash;
    return s;
}

const rpd_code *rpd_find_code(const rp_dict *d, const char *code) {
    uint32_t lo = 0, hi = d->ncodes;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        int c = strcmp(d->codes[mid].code, code);
        if (c == 0) return &d->codes[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

const char *rpd_file_name(const rp_dict *d, uint32_t file, size_t *len) {
    if (file >= d->nfiles) {
        *len = 0;
        return "";
    }
    *len = d->files[file].len;
    return d->str + d->files[file].str;
}

int rp_dict_code_info(const rp_dict *d, const char *code, double *goldstein, int *quad,
                      const char **label, size_t *label_len) {
    if (!d || !code || strlen(code) > 7) return -1;
    const rpd_code *c = rpd_find_code(d, code);
    if (!c) return -1;
    if (goldstein) *goldstein = c->goldstein;
    if (quad) *quad = (int)c->quad;
    if (label) *label = d->str + c->label;
    if (label_len) *label_len = c->label_len;
    return 0;
}
