/** Syntax of the transaction-control statements. */
package dev.azimuth.sql.tx;
