-- Retention of the event feed (podlens.feed.keep): events older than it are deleted from
-- the start of the feed, and this row says how far, so that a cursor from before the
-- removed events is answered 410 instead of silently skipping them. One row, updated in
-- the transaction of each deletion; works on H2 and PostgreSQL.
create table event_feed_trim (
    id              integer not null primary key,
    -- every event numbered up to this one is removed (0: none)
    removed_through bigint  not null,
    -- when the last of them occurred
    removed_until   timestamp with time zone
);

insert into event_feed_trim (id, removed_through, removed_until) values (1, 0, null);

-- The cleanup looks for the newest event older than the retention.
create index event_feed_occurred_at on event_feed (occurred_at);
