#ifndef CTMXBASELINE_H
#define CTMXBASELINE_H
#include <stdint.h>
/* Writes n TMX units (the same texts as the Swift benchmark) with libxml2's xmlTextWriter, in C:
   the baseline the issue measured (~150 MB/s). Returns 0 on success. */
int ctmx_write(const char *path, int64_t n, const char *fr0, const char *fr1, const char *vi0, const char *vi1);
#endif
