/**
 * Scalar indexes of one segment: the segment's ordinals in the order of their key (the values of
 * one or more columns, compared by a comparator the caller gives), with its file format, and
 * the binary searches that turn a range of keys into a run of ordinals. What a key is, and how
 * two compare, is the caller's: this package knows no column types.
 */
package dev.azimuth.index.sorted;
