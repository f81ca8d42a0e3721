-- Trends (GET /api/topics/{id}/trend, GET /api/trends) count a topic's mentions per episode
-- and place each episode by its publication date, or its import time when it has none.
-- Works on H2 and PostgreSQL.

-- The mentions of a set of topics, per episode, straight from the index: (topic_id) alone
-- made every count visit the table. It also serves every lookup the old index on topic_id
-- served (its leading column), so that one goes.
create index ix_mention_topic_episode on mention (topic_id, episode_id);
drop index ix_mention_topic;

-- The episodes of a time window for GET /api/trends (undated ones use ix_episode_created).
create index ix_episode_published on episode (published_at);
