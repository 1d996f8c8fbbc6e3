/**
 * Hybrid search table functions ({@code RRF}, {@code WEIGHTED_FUSION}): their arguments, what
 * each ranked input is ordered by, and their result's row type.
 */
package dev.azimuth.sql.fusion;
