package io.podlens.alert;

/**
 * Published in the transaction that created an alert with {@code backfill}, so that the
 * stored episodes are matched after the commit, through the event publication registry
 * (resumed after a restart).
 *
 * @param alertId id of the new alert
 */
public record AlertCreated(long alertId) {
}
