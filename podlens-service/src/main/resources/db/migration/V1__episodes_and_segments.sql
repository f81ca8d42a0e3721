-- Episodes and their transcript segments. Works on H2 (embedded) and PostgreSQL.
-- Sequences allocate ids in blocks of 50 so that Hibernate can batch inserts.
create sequence episode_seq start with 1 increment by 50;
create sequence segment_seq start with 1 increment by 50;

create table episode (
    id            bigint        not null primary key,
    title         varchar(500)  not null,
    podcast       varchar(300),
    -- podcast folded to '' when absent, so that (podcast, external id) can be unique
    podcast_key   varchar(300)  not null,
    external_id   varchar(300),
    language      varchar(35)   not null,
    published_at  timestamp with time zone,
    duration_ms   bigint        not null,
    segment_count integer       not null,
    created_at    timestamp with time zone not null
);

create unique index ux_episode_podcast_external on episode (podcast_key, external_id);
create index ix_episode_created on episode (created_at);

create table segment (
    id          bigint          not null primary key,
    episode_id  bigint          not null references episode (id) on delete cascade,
    idx         integer         not null,
    start_ms    bigint          not null,
    end_ms      bigint          not null,
    speaker     varchar(200),
    text        varchar(1000000) not null,
    constraint ux_segment_episode_idx unique (episode_id, idx)
);
