-- Several instances on one database share background work per episode (topic extraction,
-- embeddings): an instance claims an episode here before it works on it, and the claim
-- ends in the transaction that stores the result. Works on H2 and PostgreSQL.
--
-- A claim is held while owner is set and lease_until lies ahead; a claim whose lease ran
-- out (its instance crashed) is taken over. done_revision is the taxonomy revision the
-- episode's stored result was made with (-1: none yet); work of kind 'topic' is to do
-- while it is below taxonomy_state.revision. Claims are compare-and-set updates
-- (WorkClaims), the same on both databases.
create table work_claim (
    kind          varchar(20)              not null,
    episode_id    bigint                   not null references episode (id) on delete cascade,
    done_revision bigint                   default -1 not null,
    owner         varchar(100),
    lease_until   timestamp with time zone,
    primary key (kind, episode_id)
);

-- What still needs a revision, and the leases to take over.
create index work_claim_todo on work_claim (kind, done_revision);

-- The taxonomy's revision: bumped in the transaction of every change of the topic table,
-- so that every instance notices a change made through another and reloads.
alter table taxonomy_state add column revision bigint default 0 not null;

-- Episodes stored before this migration: those with mentions were analysed with the
-- taxonomy of revision 0; the others (nothing found, or not analysed yet) are analysed
-- again once.
insert into work_claim (kind, episode_id, done_revision)
select 'topic', e.id, case when exists (select 1 from mention m where m.episode_id = e.id) then 0 else -1 end
from episode e;
