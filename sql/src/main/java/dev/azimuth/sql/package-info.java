/**
 * Azimuth's SQL dialect: Calcite's grammar extended with the VECTOR(n) type, pgvector's
 * distance operators and our DDL, plus the validator hooks that make vector literals work.
 * This module knows Calcite's parser and validator, not storage or execution.
 */
package dev.azimuth.sql;
