/**
 * {@code COPY}: bulk loading of server-side files into a table ({@code COPY ... FROM}) and
 * writing query results to them ({@code COPY ... TO}), confined to the import directory, with
 * live progress in {@code SYS.COPIES}.
 */
package dev.azimuth.planner.copy;
