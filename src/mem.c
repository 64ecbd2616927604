/* MAP_ANONYMOUS and MADV_HUGEPAGE are not in POSIX */
#define _DEFAULT_SOURCE
#include "mem.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* Out of memory is the one failure finsam cannot report at a location: it says so
 * and stops with the status for input it could not process. */
static void out_of_memory(size_t size)
{
    fprintf(stderr, _("finsam: error: out of memory (asked for %zu bytes)\n"), size);
    exit(2);
}

void *mem_alloc(size_t size)
{
    void *p = calloc(1, size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

char *mem_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(mem_alloc(n), s, n);
}

FILE *mem_text_open(MemText *t)
{
    t->text = NULL;
    t->len = 0;
    t->stream = open_memstream(&t->text, &t->len);
    if (!t->stream)
        out_of_memory(BUFSIZ);
    return t->stream;
}

char *mem_text_close(MemText *t)
{
    if (fclose(t->stream) != 0 || !t->text)
        out_of_memory(t->len);
    return t->text;
}

void *mem_realloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q)
        out_of_memory(size);
    return q;
}

void mem_free(void *p) { free(p); }

/* Arena blocks come straight from the kernel (mmap), which hands out memory that is
 * already zero: nothing in an arena is ever handed out twice, so arena_alloc need not
 * clear it, and no page is touched before it is used. Blocks grow as the arena does
 * (64 KB, 128 KB, ... 32 MB), so that a small file costs little and a large one few
 * system calls; from 2 MB up they are aligned and marked for transparent huge pages,
 * which spare a large file most of its page faults. A request larger than half a
 * block (a file's text) gets a block of its own behind the current one.
 *
 * Under AddressSanitizer blocks are calloc'd instead, so that its leak checker sees
 * them; under valgrind each block is announced as a heap block for the same reason. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_CALLOC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_CALLOC 1
#endif
#endif

#ifndef ARENA_CALLOC
#include <sys/mman.h>
#include <unistd.h>
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#endif
#ifndef VALGRIND_MALLOCLIKE_BLOCK
#define VALGRIND_MALLOCLIKE_BLOCK(addr, size, rz, zeroed) ((void)0)
#define VALGRIND_FREELIKE_BLOCK(addr, rz) ((void)0)
#endif

struct ArenaBlock {
    ArenaBlock *next;
    size_t size, used; /* bytes of data[] */
    size_t mapped;     /* bytes mapped, this header included */
    _Alignas(max_align_t) unsigned char data[];
};

struct ArenaMap {
    ArenaMap *next;
    void *addr;
    size_t len;
};

enum { ARENA_FIRST = 64 * 1024 };
#define ARENA_LARGEST ((size_t)32 * 1024 * 1024)
#define HUGE_PAGE ((size_t)2 * 1024 * 1024)

void arena_init(Arena *a)
{
    a->head = NULL;
    a->maps = NULL;
    a->used_bytes = 0;
    a->next_block = ARENA_FIRST;
    a->within = NULL;
}

void arena_init_huge(Arena *a)
{
    arena_init(a);
    a->next_block = HUGE_PAGE;
}

void arena_init_within(Arena *a, Arena *within)
{
    arena_init(a);
    a->within = within;
}

/* Nothing finsam keeps in an arena needs more than the alignment of a pointer or
 * an int64_t; text needs none. */
enum { ARENA_ALIGN = _Alignof(int64_t) > _Alignof(void *) ? _Alignof(int64_t) : _Alignof(void *) };

/* A zeroed block of at least `bytes` bytes, header included. */
static ArenaBlock *block_new(size_t bytes)
{
#ifdef ARENA_CALLOC
    ArenaBlock *b = calloc(1, bytes);
    if (!b)
        out_of_memory(bytes);
    b->mapped = bytes;
#else
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    bytes = (bytes + page - 1) / page * page;
    bool huge = bytes >= HUGE_PAGE;
    /* a huge page must start at a multiple of its size: map more, keep the aligned part */
    size_t slack = huge ? HUGE_PAGE : 0;
    if (bytes + slack < bytes)
        out_of_memory(bytes);
    unsigned char *p = mmap(NULL, bytes + slack, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        out_of_memory(bytes);
    if (huge) {
        size_t head = (HUGE_PAGE - (uintptr_t)p % HUGE_PAGE) % HUGE_PAGE;
        if (head)
            munmap(p, head);
        if (slack - head)
            munmap(p + head + bytes, slack - head);
        p += head;
#ifdef MADV_HUGEPAGE
        madvise(p, bytes, MADV_HUGEPAGE); /* only advice: without it, small pages */
#endif
    }
    ArenaBlock *b = (ArenaBlock *)p;
    b->mapped = bytes;
    VALGRIND_MALLOCLIKE_BLOCK(b, bytes, 0, 1);
#endif
    b->size = b->mapped - sizeof *b;
    b->used = 0;
    return b;
}

static void *arena_take(Arena *a, size_t size, size_t align);

/* A block for arena a: from the kernel, or out of the arena it is within (memory that
 * is fresh, so zero), marked as not mapped: it is freed with that arena. */
static ArenaBlock *block_for(Arena *a, size_t bytes)
{
    if (!a->within)
        return block_new(bytes);
    ArenaBlock *b = arena_take(a->within, bytes, _Alignof(ArenaBlock));
    b->mapped = 0;
    b->size = bytes - sizeof *b;
    b->used = 0;
    return b;
}

static void block_free(ArenaBlock *b)
{
    if (!b->mapped)
        return; /* taken from the arena this one is within */
#ifdef ARENA_CALLOC
    free(b);
#else
    size_t mapped = b->mapped; /* read before valgrind takes the block for freed */
    VALGRIND_FREELIKE_BLOCK(b, 0);
    munmap(b, mapped);
#endif
}

static void *arena_take(Arena *a, size_t size, size_t align)
{
    ArenaBlock *b = a->head;
    size_t pad = b ? -b->used & (align - 1) : 0; /* align is a power of two */
    if (!b || b->size - b->used < size + pad) {
        if (size > SIZE_MAX / 2 - sizeof *b)
            out_of_memory(size);
        if (a->next_block < ARENA_FIRST)
            a->next_block = ARENA_FIRST; /* an arena that was zeroed, not initialised */
        if (size + sizeof *b > a->next_block / 2) {
            /* large: a block of its own, behind the current one, which goes on */
            ArenaBlock *own = block_for(a, sizeof *own + size);
            own->used = size;
            if (b) {
                own->next = b->next;
                b->next = own;
            } else {
                own->next = NULL;
                a->head = own;
            }
            a->used_bytes += size;
            return own->data;
        }
        b = block_for(a, a->next_block);
        if (a->next_block < ARENA_LARGEST)
            a->next_block *= 2;
        b->next = a->head;
        a->head = b;
        pad = 0;
    }
    void *p = b->data + b->used + pad;
    b->used += size + pad;
    a->used_bytes += size + pad;
    return p;
}

/* Makes the arena's latest allocation p, of old bytes, new_size bytes long in place if
 * its block has room; false if not. */
static bool arena_extend(Arena *a, void *p, size_t old, size_t new_size)
{
    ArenaBlock *b = a->head;
    if (!b || (unsigned char *)p + old != b->data + b->used || new_size < old ||
        new_size - old > b->size - b->used)
        return false;
    b->used += new_size - old;
    a->used_bytes += new_size - old;
    return true;
}

void *arena_alloc(Arena *a, size_t size) { return arena_take(a, size, ARENA_ALIGN); }

void *arena_alloc_raw(Arena *a, size_t size) { return arena_take(a, size, ARENA_ALIGN); }

char *arena_text(Arena *a, size_t size) { return arena_take(a, size, 1); }

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_take(a, n + 1, 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* Formatted once into a buffer on the stack, which most text fits, and copied: not
 * formatted twice, once to measure it; only longer text is. */
char *arena_printf(Arena *a, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return arena_strndup(a, "", 0); /* an encoding error: finsam's formats have none */
    char *p = arena_take(a, (size_t)n + 1, 1);
    if ((size_t)n < sizeof buf) {
        memcpy(p, buf, (size_t)n + 1);
        return p;
    }
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void arena_free(Arena *a)
{
#ifndef ARENA_CALLOC
    for (ArenaMap *m = a->maps; m; m = m->next) /* the records are in the blocks */
        munmap(m->addr, m->len);
#endif
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *next = b->next;
        block_free(b);
        b = next;
    }
    Arena *within = a->within;
    arena_init(a);
    a->within = within;
}

#ifndef ARENA_CALLOC
#include <signal.h>

/* What the SIGBUS handler says: a signal handler can be given nothing but what is
 * set before, so this is the one thing mem.c keeps outside an arena. Set once, to
 * the translated message, before the first file is mapped. */
static const char *shrunk_message;

/* A mapped file made shorter by another program while finsam reads it: its lost
 * pages cannot be read (SIGBUS). Said and stopped, as for input finsam could not
 * process, instead of a crash. write(2) and _exit(2): all a handler may call. */
static void file_shrunk(int sig)
{
    (void)sig;
    const char *m = shrunk_message;
    size_t n = strlen(m);
    while (n > 0) {
        ssize_t w = write(2, m, n);
        if (w <= 0)
            break;
        m += w;
        n -= (size_t)w;
    }
    _exit(2);
}
#endif

char *arena_map_file(Arena *a, int fd, size_t len)
{
#ifdef ARENA_CALLOC
    (void)a;
    (void)fd;
    (void)len;
    return NULL; /* under the sanitizers every file is read, into memory they watch */
#else
    if (!shrunk_message)
        shrunk_message = _("finsam: error: a file was made shorter by another program "
                           "while finsam read it; check it again\n");
    struct sigaction sa; /* each time: whoever set another handler meanwhile */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = file_shrunk;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGBUS, &sa, NULL);
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    if (len == 0 || len > SIZE_MAX - 2 * page)
        return NULL;
    /* Zeroed room for the text and the two NUL bytes, then the file over its start:
     * the bytes after the file's end in its last page are zero too. */
    size_t total = (len + 2 + page - 1) / page * page;
    unsigned char *p = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                            -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    if (mmap(p, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
        munmap(p, total);
        return NULL;
    }
    ArenaMap *m = arena_alloc(a, sizeof *m);
    m->addr = p;
    m->len = total;
    m->next = a->maps;
    a->maps = m;
    return (char *)p;
#endif
}

void arena_map_forget(const char *from, const char *to)
{
#ifdef ARENA_CALLOC
    (void)from;
    (void)to;
#else
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = (uintptr_t)from / page * page, end = (uintptr_t)to / page * page;
    if (end > start)
        madvise((void *)start, end - start, MADV_DONTNEED);
#endif
}

/* The whole pages of an arena's memory that nothing will read again (a list's array
 * that it has outgrown) handed back to the kernel: the arena hands out nothing twice,
 * and a large report's list of declarations would otherwise keep all its smaller
 * copies (as many bytes as the list itself). Small ones are not worth a system call. */
static void arena_drop(void *p, size_t size)
{
#ifdef ARENA_CALLOC
    (void)p;
    (void)size;
#else
    if (size < 64 * 1024)
        return;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = ((uintptr_t)p + page - 1) / page * page;
    uintptr_t end = ((uintptr_t)p + size) / page * page;
    if (end > start)
        madvise((void *)start, end - start, MADV_DONTNEED);
#endif
}

void ptrvec_push(Arena *a, PtrVec *v, void *item)
{
    if (v->len == v->cap) {
        int cap = v->cap ? v->cap * 2 : 2;
        size_t old = (size_t)v->cap * sizeof *v->items, size = (size_t)cap * sizeof *v->items;
        /* a list built while nothing else is allocated grows where it is */
        if (!v->cap || !arena_extend(a, v->items, old, size)) {
            void **items = arena_alloc_raw(a, size);
            if (v->len)
                memcpy(items, v->items, (size_t)v->len * sizeof *items);
            arena_drop(v->items, old);
            v->items = items;
        }
        v->cap = cap;
    }
    v->items[v->len++] = item;
}

void ptrvec_reserve(Arena *a, PtrVec *v, int cap)
{
    if (cap <= v->cap)
        return;
    void **items = arena_alloc_raw(a, (size_t)cap * sizeof *items);
    if (v->len)
        memcpy(items, v->items, (size_t)v->len * sizeof *items);
    v->items = items;
    v->cap = cap;
}
