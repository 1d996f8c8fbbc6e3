/**
 * The dialect's functions and operators and their type rules: vector functions (distances,
 * norms, TO_VECTOR) and full-text functions (TEXT_MATCH, BM25).
 */
package dev.azimuth.sql.fun;
