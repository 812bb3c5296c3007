/* Peer for `mekong import`: reads an XLIFF 2 file with xmlTextReader and writes every
   source/target pair as a TMX 1.4 unit with xmlTextWriter, in C (no dedupe, no checks).
   Usage: xliff2tmx IN.xlf OUT.tmx */
#include <stdio.h>
#include <string.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

static xmlChar *text_of(xmlTextReaderPtr r) { return xmlTextReaderReadString(r); }

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: xliff2tmx IN.xlf OUT.tmx\n"); return 2; }
    xmlTextReaderPtr r = xmlReaderForFile(argv[1], NULL, XML_PARSE_NONET);
    xmlTextWriterPtr w = xmlNewTextWriterFilename(argv[2], 0);
    if (!r || !w) return 2;
    xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
    xmlTextWriterStartElement(w, BAD_CAST "tmx");
    xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "1.4");
    xmlTextWriterStartElement(w, BAD_CAST "header");
    xmlTextWriterWriteAttribute(w, BAD_CAST "srclang", BAD_CAST "fr");
    xmlTextWriterEndElement(w);
    xmlTextWriterStartElement(w, BAD_CAST "body");
    xmlChar *src = NULL, *id = NULL;
    long n = 0;
    while (xmlTextReaderRead(r) == 1) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT) continue;
        const xmlChar *name = xmlTextReaderConstLocalName(r);
        if (!strcmp((const char *)name, "segment")) {
            xmlFree(id);
            id = xmlTextReaderGetAttribute(r, BAD_CAST "id");
        } else if (!strcmp((const char *)name, "source")) {
            xmlFree(src);
            src = text_of(r);
        } else if (!strcmp((const char *)name, "target")) {
            xmlChar *tgt = text_of(r);
            xmlTextWriterStartElement(w, BAD_CAST "tu");
            if (id) xmlTextWriterWriteAttribute(w, BAD_CAST "tuid", id);
            xmlTextWriterStartElement(w, BAD_CAST "tuv");
            xmlTextWriterWriteAttribute(w, BAD_CAST "xml:lang", BAD_CAST "fr");
            xmlTextWriterWriteElement(w, BAD_CAST "seg", src ? src : BAD_CAST "");
            xmlTextWriterEndElement(w);
            xmlTextWriterStartElement(w, BAD_CAST "tuv");
            xmlTextWriterWriteAttribute(w, BAD_CAST "xml:lang", BAD_CAST "vi");
            xmlTextWriterWriteElement(w, BAD_CAST "seg", tgt ? tgt : BAD_CAST "");
            xmlTextWriterEndElement(w);
            xmlTextWriterEndElement(w);
            xmlFree(tgt);
            n++;
        }
    }
    xmlTextWriterEndDocument(w);
    xmlFreeTextWriter(w);
    xmlFreeTextReader(r);
    fprintf(stderr, "%ld units\n", n);
    return 0;
}
