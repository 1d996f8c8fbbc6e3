/**
 * The only package that sees JVector types; it keeps JVector's API churn in one place.
 *
 * <p>It pins JVector's runtime choices ({@link dev.azimuth.index.jvector.JVectorRuntime}) and
 * implements the graphs of {@code dev.azimuth.index.graph}: {@link
 * dev.azimuth.index.jvector.JVectorGraphs} is the only way in, and calls {@code
 * JVectorRuntime.init()} before anything touches JVector.
 */
package dev.azimuth.index.jvector;
