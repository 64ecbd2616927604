/* gen: writes a valid finsam year file of about MB megabytes (10^6 bytes) to stdout,
 * for benchmarks.
 *
 *     gen MB > year.fin
 *
 * The file has one report block and then, until the size is reached, tables like
 *
 *     accounts t000001 "Tabell 1: Övriga poster" (2025, 2024) {
 *         r01 "Post 1" |  1 234 567 |   -987 654,50
 *         ...                                          (18 rows of figures)
 *         opening "Ingående balans"  | ... |  ...      (the previous table's closing)
 *         change  "Årets förändring" = r01 + r02 - r03
 *                                    | ... |  ...
 *         closing "Utgående balans" = opening + change
 *                                    | ... |  ...
 *         summa   "Summa" = sum      | ... |  ...      (r01..r18 and opening)
 *     }
 *     check c000001 "Tabell 1: ingående balans = tabell 0:s utgående" error:
 *         t000001.opening == t000000.closing
 *
 * Every stated figure is the right one, so that `finsam check` passes every check and
 * every formula: the benchmark measures the whole of scanning, parsing, resolving and
 * evaluating, with nothing reported. The figures come from a fixed linear congruential
 * generator, so the same MB always gives the same file. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ROWS = 18, COLS = 2, LABEL_WIDTH = 36 };

static uint64_t rng_state = 0x2025031620260316ULL;

static uint32_t rng(void)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(rng_state >> 33);
}

static unsigned long long written;

static void put(const char *s)
{
    size_t n = strlen(s);
    if (fwrite(s, 1, n, stdout) != n) {
        perror("gen: write");
        exit(1);
    }
    written += n;
}

/* An amount in öre, Swedish style: "-1 234 567" or "1 234,50", right-aligned. */
static void put_amount(int64_t ore, int width)
{
    char digits[32], out[48], padded[64];
    uint64_t kr = (uint64_t)(ore < 0 ? -ore : ore) / 100;
    unsigned cents = (unsigned)((uint64_t)(ore < 0 ? -ore : ore) % 100);
    snprintf(digits, sizeof digits, "%" PRIu64, kr);
    size_t n = strlen(digits), k = 0;
    if (ore < 0)
        out[k++] = '-';
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            out[k++] = ' ';
        out[k++] = digits[i];
    }
    if (cents)
        k += (size_t)snprintf(out + k, sizeof out - k, ",%02u", cents);
    out[k] = '\0';
    snprintf(padded, sizeof padded, "%*s", width, out);
    put(padded);
}

/* A figure for a row: mostly whole kronor of varying size, now and then with öre or
 * negative, as in a real ledger. */
static int64_t random_amount(void)
{
    static const int64_t scale[] = {1000, 100000, 1000000, 10000000};
    int64_t kr = (int64_t)(rng() % (uint32_t)scale[rng() % 4]);
    int64_t ore = kr * 100;
    if (rng() % 8 == 0)
        ore += rng() % 100;
    if (rng() % 4 == 0)
        ore = -ore;
    return ore;
}

/* s padded with spaces to width characters (UTF-8 continuation bytes do not count). */
static void put_padded(const char *s, int width)
{
    put(s);
    int chars = 0;
    for (const char *p = s; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    for (; chars < width; chars++)
        put(" ");
}

static void put_cells(const int64_t v[COLS])
{
    for (int c = 0; c < COLS; c++) {
        put(" | ");
        put_amount(v[c], 13);
    }
    put("\n");
}

int main(int argc, char **argv)
{
    char *end = NULL;
    double mb = argc == 2 ? strtod(argv[1], &end) : 0;
    if (argc != 2 || end == argv[1] || *end != '\0' || mb <= 0 || mb > 100000) {
        fprintf(stderr, "usage: gen MB > FILE   (writes a finsam year file of about MB megabytes)\n");
        return 2;
    }
    unsigned long long target = (unsigned long long)(mb * 1e6);
    static char buf[1 << 16];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);

    put("# A generated year file for finsam's benchmark (bench/gen.c). Every figure is right.\n\n"
        "report \"Årsredovisning 2025 (genererad)\" {\n"
        "    federation \"Benchmarkförbundet\"\n"
        "    year 2025\n"
        "    decided 2026-03-16\n"
        "}\n");

    int64_t closing[COLS] = {250000000, 240000000}; /* öre: 2 500 000 kr, 2 400 000 kr */
    char line[256];
    for (unsigned long t = 0; written < target; t++) {
        int64_t rows[ROWS][COLS], opening[COLS], change[COLS], next[COLS], summa[COLS];
        for (int r = 0; r < ROWS; r++)
            for (int c = 0; c < COLS; c++)
                rows[r][c] = random_amount();
        for (int c = 0; c < COLS; c++) {
            opening[c] = closing[c];
            change[c] = rows[0][c] + rows[1][c] - rows[2][c];
            /* Keep the running balance within a billion kronor: turn the signs of the
             * first three rows round when it would drift further. */
            if (llabs(opening[c] + change[c]) > 100000000000LL) {
                for (int r = 0; r < 3; r++)
                    rows[r][c] = -rows[r][c];
                change[c] = -change[c];
            }
            next[c] = opening[c] + change[c];
            summa[c] = opening[c];
            for (int r = 0; r < ROWS; r++)
                summa[c] += rows[r][c];
        }

        snprintf(line, sizeof line,
                 "\naccounts t%06lu \"Tabell %lu: Övriga poster\" (2025, 2024) {\n", t, t);
        put(line);
        for (int r = 0; r < ROWS; r++) {
            snprintf(line, sizeof line, "    r%02d     \"Post %d, årets del\"", r + 1, r + 1);
            put_padded(line, LABEL_WIDTH);
            put_cells(rows[r]);
        }
        put_padded("    opening \"Ingående balans\"", LABEL_WIDTH);
        put_cells(opening);
        put("    change  \"Årets förändring\" = r01 + r02 - r03\n");
        put_padded("", LABEL_WIDTH);
        put_cells(change);
        put("    closing \"Utgående balans\" = opening + change\n");
        put_padded("", LABEL_WIDTH);
        put_cells(next);
        put_padded("    summa   \"Summa\" = sum", LABEL_WIDTH);
        put_cells(summa);
        put("}\n");
        if (t > 0) {
            snprintf(line, sizeof line,
                     "check c%06lu \"Tabell %lu: ingående balans = tabell %lu:s utgående\" error:\n"
                     "    t%06lu.opening == t%06lu.closing\n",
                     t, t, t - 1, t, t - 1);
            put(line);
        }
        memcpy(closing, next, sizeof closing);
    }
    if (fflush(stdout) != 0) {
        perror("gen: write");
        return 1;
    }
    return 0;
}
