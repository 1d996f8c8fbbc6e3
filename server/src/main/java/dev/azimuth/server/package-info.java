/**
 * The Azimuth server: the embedded engine behind Avatica's HTTP server (protobuf), with HTTP
 * Basic authentication, read-only users, TLS, statement cancel and graceful shutdown. Clients
 * use {@code jdbc:azimuth:remote:} URLs.
 */
package dev.azimuth.server;
