/** The VECTOR(n) SQL type, its written form, and the type factory that knows it. */
package dev.azimuth.sql.type;
