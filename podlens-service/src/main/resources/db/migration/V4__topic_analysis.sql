-- Which episodes topic extraction has analysed, so that a restart resumes the episodes it
-- had not reached (the work queue lives in memory). Works on H2 and PostgreSQL.
create table topic_analysis (
    episode_id   bigint                   not null primary key references episode (id) on delete cascade,
    analysed_at  timestamp with time zone not null
);

-- Episodes analysed before this table existed have mentions; the others are analysed again.
insert into topic_analysis (episode_id, analysed_at)
select distinct episode_id, current_timestamp from mention;
