/** What every Azimuth module shares: the root exception, error codes, and the vector text form. */
package dev.azimuth.common;
