/**
 * Azimuth's relational operators and the rules that choose them: key-ordered scans that decode
 * only the columns used, atomic table modification, vector top-k search and BM25 top-k search.
 */
package dev.azimuth.planner.rel;
