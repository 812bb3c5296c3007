#include "CTMXBaseline.h"
#include <stdio.h>
#include <libxml/xmlwriter.h>

int ctmx_write(const char *path, int64_t n, const char *fr0, const char *fr1, const char *vi0, const char *vi1) {
    xmlTextWriterPtr w = xmlNewTextWriterFilename(path, 0);
    if (!w) return -1;
    char id[32], fr[512], vi[512];
    xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
    xmlTextWriterStartElement(w, BAD_CAST "tmx");
    xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "1.4");
    xmlTextWriterStartElement(w, BAD_CAST "header");
    xmlTextWriterEndElement(w);
    xmlTextWriterStartElement(w, BAD_CAST "body");
    for (int64_t i = 0; i < n; i++) {
        snprintf(id, sizeof id, "u%lld", (long long)i);
        snprintf(fr, sizeof fr, "%s %lld", (i & 1) ? fr1 : fr0, (long long)i);
        snprintf(vi, sizeof vi, "%s %lld", (i & 1) ? vi1 : vi0, (long long)i);
        xmlTextWriterStartElement(w, BAD_CAST "tu");
        xmlTextWriterWriteAttribute(w, BAD_CAST "tuid", BAD_CAST id);
        xmlTextWriterStartElement(w, BAD_CAST "tuv");
        xmlTextWriterWriteAttribute(w, BAD_CAST "xml:lang", BAD_CAST "fr");
        xmlTextWriterWriteElement(w, BAD_CAST "seg", BAD_CAST fr);
        xmlTextWriterEndElement(w);
        xmlTextWriterStartElement(w, BAD_CAST "tuv");
        xmlTextWriterWriteAttribute(w, BAD_CAST "xml:lang", BAD_CAST "vi");
        xmlTextWriterWriteElement(w, BAD_CAST "seg", BAD_CAST vi);
        xmlTextWriterEndElement(w);
        xmlTextWriterEndElement(w);
    }
    xmlTextWriterEndDocument(w);
    xmlFreeTextWriter(w);
    return 0;
}
