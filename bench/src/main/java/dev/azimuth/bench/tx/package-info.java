/** JMH benchmarks of writes: what a transaction's commit costs against auto-commit. */
package dev.azimuth.bench.tx;
