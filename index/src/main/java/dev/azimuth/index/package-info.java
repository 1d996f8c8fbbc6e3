/** Vector math and nearest-neighbour search over float arrays; knows nothing of SQL or storage. */
package dev.azimuth.index;
