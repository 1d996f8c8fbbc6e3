/**
 * The remote JDBC implementation ({@code jdbc:azimuth:remote:}): Avatica's remote client, over
 * protobuf and HTTP(S), with Azimuth's vectors, errors, cancel and query timeouts. Nothing here
 * needs the engine, so the thin client jar carries this package alone.
 */
package dev.azimuth.jdbc.remote;
