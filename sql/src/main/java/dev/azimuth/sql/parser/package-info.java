/** Parsing of Azimuth SQL; the generated parser itself lives in the {@code impl} subpackage. */
package dev.azimuth.sql.parser;
