-- Discovery of names that are in no taxonomy: candidates (one per sound key, so that the
-- variants of a name are counted together and a decision about it sticks when the name is
-- seen again) and where they occur. Works on H2 and PostgreSQL.
create sequence topic_candidate_seq start with 1 increment by 50;

create table topic_candidate (
    id          bigint                   not null primary key,
    sound_key   varchar(400)             not null,
    name        varchar(200)             not null,
    -- 'open', 'accepted' (it became a topic or an alias of one) or 'rejected' (hidden)
    status      varchar(10)              not null,
    -- the topic it became or joined; no key: the topic may be deleted later
    topic_id    varchar(100),
    created_at  timestamp with time zone not null,
    decided_at  timestamp with time zone,
    constraint uq_topic_candidate_sound_key unique (sound_key)
);

create sequence candidate_occurrence_seq start with 1 increment by 50;

-- Derived data like mentions: an episode's occurrences are replaced whenever it is analysed
-- again, in the same transaction as its mentions; deleting the episode deletes them.
create table candidate_occurrence (
    id             bigint        not null primary key,
    candidate_id   bigint        not null references topic_candidate (id) on delete cascade,
    episode_id     bigint        not null references episode (id) on delete cascade,
    segment_id     bigint        not null references segment (id) on delete cascade,
    segment_index  integer       not null,
    start_ms       bigint        not null,
    end_ms         bigint        not null,
    char_start     integer       not null,
    char_end       integer       not null,
    surface        varchar(200)  not null,
    kind           varchar(20)   not null,
    -- the words around it, for review without reading the segment
    context        varchar(400)  not null
);

create index ix_candidate_occurrence_candidate on candidate_occurrence (candidate_id);
create index ix_candidate_occurrence_episode on candidate_occurrence (episode_id);
create index ix_candidate_occurrence_segment on candidate_occurrence (segment_id);
