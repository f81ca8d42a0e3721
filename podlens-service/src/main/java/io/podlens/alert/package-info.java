/**
 * Alerts: stored searches (topics and/or a query) matched against every episode imported
 * or analysed again, and the signed webhook deliveries of their matches, kept in the
 * database and retried with backoff until delivered or given up.
 */
@org.jspecify.annotations.NullMarked
package io.podlens.alert;
