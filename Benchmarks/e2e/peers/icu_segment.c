/* Peer for `mekong segment`: ICU's sentence BreakIterator over each file (read at once), one
   sentence a line on standard output, in C. Usage: icu_segment LOCALE FILE... */
#include <stdio.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

static long segment(const char *locale, const char *path);

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: icu_segment LOCALE FILE...\n"); return 2; }
    static char out[1 << 16];
    setvbuf(stdout, out, _IOFBF, sizeof out);
    long n = 0;
    for (int i = 2; i < argc; i++) {
        long k = segment(argv[1], argv[i]);
        if (k < 0) return 2;
        n += k;
    }
    fprintf(stderr, "%ld sentences\n", n);
    return 0;
}

static long segment(const char *locale, const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); return -1; }
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc(len + 1);
    if (fread(text, 1, len, f) != (size_t)len) { perror("read"); return -1; }
    fclose(f);
    UErrorCode st = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, text, len, &st);
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &st);
    if (U_FAILURE(st)) { fprintf(stderr, "icu: %s\n", u_errorName(st)); return -1; }
    ubrk_setUText(bi, ut, &st);
    long n = 0;
    int32_t prev = ubrk_first(bi);
    for (int32_t b; (b = ubrk_next(bi)) != UBRK_DONE; prev = b) {
        int32_t lo = prev, hi = b;
        while (lo < hi && (text[lo] == ' ' || text[lo] == '\n')) lo++;
        while (hi > lo && (text[hi - 1] == ' ' || text[hi - 1] == '\n')) hi--;
        if (hi > lo) {
            for (int32_t i = lo; i < hi; i++) putchar_unlocked(text[i] == '\n' ? ' ' : text[i]);
            putchar_unlocked('\n');
            n++;
        }
    }
    ubrk_close(bi);
    utext_close(ut);
    free(text);
    return n;
}
