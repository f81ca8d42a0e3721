-- The event publication registry of Spring Modulith 2.0.3 (spring-modulith-events-jpa):
-- one row per transactional listener of an event, written in the publishing transaction
-- and completed when the listener has handled it. Columns as its JPA entities map them
-- (JpaEventPublication, tables EVENT_PUBLICATION and EVENT_PUBLICATION_ARCHIVE; Hibernate
-- validates the schema). serialized_event has no length limit: a bulk-import batch lists
-- up to a few hundred episode ids. Works on H2 and PostgreSQL.
create table event_publication (
    id                     uuid                     not null primary key,
    publication_date       timestamp with time zone not null,
    listener_id            varchar(512)             not null,
    serialized_event       varchar                  not null,
    event_type             varchar(512)             not null,
    completion_date        timestamp with time zone,
    last_resubmission_date timestamp with time zone,
    completion_attempts    integer                  not null,
    status                 varchar(20)
);

-- Incomplete publications are looked up by completion date and publication date.
create index event_publication_incomplete on event_publication (completion_date, publication_date);

-- Used only with spring.modulith.events.completion-mode=archive; mapped either way.
create table event_publication_archive (
    id                     uuid                     not null primary key,
    publication_date       timestamp with time zone not null,
    listener_id            varchar(512)             not null,
    serialized_event       varchar                  not null,
    event_type             varchar(512)             not null,
    completion_date        timestamp with time zone,
    last_resubmission_date timestamp with time zone,
    completion_attempts    integer                  not null,
    status                 varchar(20)
);

-- Topic extraction is resumed from incomplete publications now (see TopicEvents).
drop table topic_analysis;
