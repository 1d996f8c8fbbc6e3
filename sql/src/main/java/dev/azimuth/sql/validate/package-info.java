/** Validation of Azimuth SQL: conformance, vector-aware coercion, and the validator itself. */
package dev.azimuth.sql.validate;
