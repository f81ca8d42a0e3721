-- The topic taxonomy (seeded from topics/default-taxonomy.json when empty, then managed
-- over the API) and the mentions found in stored episodes. Works on H2 and PostgreSQL.
create table topic (
    id            varchar(100)   not null primary key,
    name          varchar(200)   not null,
    category      varchar(20)    not null,
    -- JSON arrays of strings
    aliases       varchar(40000) not null,
    context_cues  varchar(40000) not null,
    -- 'default' (seeded) or 'user' (created or changed over the API)
    source        varchar(10)    not null,
    updated_at    timestamp with time zone not null
);

create sequence mention_seq start with 1 increment by 50;

-- Derived data: an episode's mentions are replaced whenever it is analysed again. Deleting
-- an episode, a segment or a topic deletes its mentions.
create table mention (
    id             bigint           not null primary key,
    topic_id       varchar(100)     not null references topic (id) on delete cascade,
    episode_id     bigint           not null references episode (id) on delete cascade,
    segment_id     bigint           not null references segment (id) on delete cascade,
    segment_index  integer          not null,
    start_ms       bigint           not null,
    end_ms         bigint           not null,
    char_start     integer          not null,
    char_end       integer          not null,
    surface        varchar(1000)    not null,
    matched_by     varchar(10)      not null,
    confidence     double precision not null
);

create index ix_mention_topic on mention (topic_id);
create index ix_mention_episode on mention (episode_id);
create index ix_mention_segment on mention (segment_id);
