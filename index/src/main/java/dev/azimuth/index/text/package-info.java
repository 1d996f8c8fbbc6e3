/**
 * Full-text search over one table's VARCHAR column: named analyzers (Lucene's, behind our own
 * {@link dev.azimuth.index.text.TextAnalyzer}), an immutable BM25 inverted index per sealed
 * segment with its file format, and BM25 scoring over indexed and raw segments alike. No Lucene
 * type appears in a public signature.
 */
package dev.azimuth.index.text;
