/** Parse trees of Azimuth's DDL statements: CREATE TABLE, DROP TABLE and their parts. */
package dev.azimuth.sql.ddl;
