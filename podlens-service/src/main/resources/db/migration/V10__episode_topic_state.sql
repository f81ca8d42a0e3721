-- Where the topics of each episode stand, so that an answer can say "pending" instead of
-- an empty list that also means "none". No row: stored but never analysed (pending);
-- 'stale': analysed with an older taxonomy and queued again (pending, the older mentions
-- kept until then); 'ready'; 'failed' (retried in the background). Deleting an episode
-- deletes its row. Works on H2 and PostgreSQL.
create table episode_topic_state (
    episode_id   bigint                   not null primary key references episode (id) on delete cascade,
    status       varchar(10)              not null,
    -- when the stored mentions were extracted; null before the first extraction
    analysed_at  timestamp with time zone,
    updated_at   timestamp with time zone not null
);

create index episode_topic_state_status on episode_topic_state (status);

-- Episodes of an earlier release were analysed with its taxonomy, or are still queued:
-- they are analysed once more at the next start (TopicEvents), and show as pending until then.
insert into episode_topic_state (episode_id, status, analysed_at, updated_at)
    select id, 'stale', null, current_timestamp from episode;
