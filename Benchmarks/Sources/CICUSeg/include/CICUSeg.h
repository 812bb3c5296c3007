#ifndef CICUSEG_H
#define CICUSEG_H
#include <stdint.h>
/* Sentence break offsets (UTF-8 byte offsets, excluding 0) of `text` for `locale`
   (e.g. "fr@ss=standard"). Writes at most `cap` offsets to `out`; returns how many there
   are in all, or -1 on an ICU error. */
int64_t cicu_sentence_breaks_utf8(const char *text, int64_t len, const char *locale, int64_t *out, int64_t cap);
#endif
