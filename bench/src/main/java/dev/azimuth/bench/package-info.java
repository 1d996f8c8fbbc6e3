/**
 * Benchmarks: JMH benchmarks of Azimuth's own code and of the libraries it builds on, and the
 * ANN benchmark harness in {@code ann}.
 */
package dev.azimuth.bench;
