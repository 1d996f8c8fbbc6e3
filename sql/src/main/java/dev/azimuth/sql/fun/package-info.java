/** Vector functions and operators (distances, norms, TO_VECTOR) and their type rules. */
package dev.azimuth.sql.fun;
