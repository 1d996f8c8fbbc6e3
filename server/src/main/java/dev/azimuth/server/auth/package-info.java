/**
 * Users and passwords: the users file (PBKDF2 hashes, never clear text), and the Jetty login
 * service that checks HTTP Basic credentials against it.
 */
package dev.azimuth.server.auth;
