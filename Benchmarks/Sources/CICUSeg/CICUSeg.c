#include "CICUSeg.h"
#include <unicode/ubrk.h>
#include <unicode/utext.h>

int64_t cicu_sentence_breaks_utf8(const char *text, int64_t len, const char *locale, int64_t *out, int64_t cap) {
    UErrorCode st = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, text, len, &st);
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &st);
    if (U_FAILURE(st)) { if (ut) utext_close(ut); return -1; }
    ubrk_setUText(bi, ut, &st);
    int64_t n = 0;
    for (int32_t b = ubrk_first(bi); (b = ubrk_next(bi)) != UBRK_DONE; ) {
        if (n < cap) out[n] = b;
        n++;
    }
    ubrk_close(bi);
    utext_close(ut);
    return U_FAILURE(st) ? -1 : n;
}
