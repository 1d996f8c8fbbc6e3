/**
 * Output formats for result sets ({@code table}, {@code csv}, {@code json}), one class each,
 * registered by name in {@link dev.azimuth.shell.format.OutputFormats}.
 */
package dev.azimuth.shell.format;
