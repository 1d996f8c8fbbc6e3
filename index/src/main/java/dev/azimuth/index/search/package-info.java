/** Exact (brute-force) top-k search and the bounded heap that collects its results. */
package dev.azimuth.index.search;
