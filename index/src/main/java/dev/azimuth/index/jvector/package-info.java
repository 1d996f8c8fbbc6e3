/** The only package that sees JVector types; it keeps JVector's API churn in one place. */
package dev.azimuth.index.jvector;
