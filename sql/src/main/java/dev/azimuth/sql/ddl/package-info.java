/** Parse trees of Azimuth's own statements: CREATE/DROP TABLE and INDEX, COPY, and their parts. */
package dev.azimuth.sql.ddl;
