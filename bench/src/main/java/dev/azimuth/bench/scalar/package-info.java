/** JMH benchmarks of queries over scalar columns, with and without BTREE indexes. */
package dev.azimuth.bench.scalar;
