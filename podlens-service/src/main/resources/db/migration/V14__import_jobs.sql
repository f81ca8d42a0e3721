-- Bulk-import jobs in the database, so that any instance answers for a job and a job cut
-- off by a crash resumes on whichever instance claims it next. Works on H2 and PostgreSQL.
--
-- status: receiving (the body is being spooled; nobody may claim it), running (claimable
-- when no owner holds an unexpired lease), done, failed. owner/lease_until: the instance
-- working on it and until when its claim holds (renewed while it works).
create table import_job (
    id          varchar(36)  not null primary key,
    status      varchar(16)  not null,
    total       bigint       not null,
    done        bigint       not null,
    failed      bigint       not null,
    segments    bigint       not null,
    message     varchar(1000),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    started_at  timestamp with time zone,
    finished_at timestamp with time zone,
    owner       varchar(64),
    lease_until timestamp with time zone
);

create index ix_import_job_status on import_job (status, created_at);

-- The spooled NDJSON body in chunks, deleted when the job has finished.
create table import_job_input (
    job_id varchar(36) not null references import_job (id) on delete cascade,
    seq    integer     not null,
    data   bytea       not null,
    constraint pk_import_job_input primary key (job_id, seq)
);

-- Every line handled: stored (written in the episodes' own transaction) or failed (with
-- why). A resumed job skips these lines, so none is stored twice.
create table import_job_line (
    job_id          varchar(36)   not null references import_job (id) on delete cascade,
    line            bigint        not null,
    stored          boolean       not null,
    reason          varchar(2000),
    field           varchar(200),
    transcript_line integer,
    constraint pk_import_job_line primary key (job_id, line)
);
