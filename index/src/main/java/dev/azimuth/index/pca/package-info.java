/**
 * Principal components of a segment's vectors, so that graph walks can score short codes of
 * the leading components instead of the whole vectors. The only package that sees EJML.
 */
package dev.azimuth.index.pca;
