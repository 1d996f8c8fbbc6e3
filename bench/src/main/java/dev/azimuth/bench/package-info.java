/** JMH benchmarks of Azimuth's own code and of the libraries it builds on. */
package dev.azimuth.bench;
