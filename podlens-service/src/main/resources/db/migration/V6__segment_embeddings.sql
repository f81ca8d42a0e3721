-- Sentence embeddings for semantic search. Works on H2 and PostgreSQL.
--
-- text_embedding holds one vector per distinct passage text and model: the key is the
-- SHA-256 (hex) of the passage as the model reads it, so identical passages (a re-import,
-- a duplicated episode) are embedded once. Its rows outlive the segments that used them,
-- which is what makes a re-import cost nothing. vector: the floats, little-endian.
create table text_embedding (
    model      varchar(100)  not null,
    text_hash  varchar(64)   not null,
    vector     bytea         not null,
    created_at timestamp with time zone not null,
    constraint pk_text_embedding primary key (model, text_hash)
);

-- Which segment has which vector: the worker's durable progress (a segment without a
-- row of the current model is still to embed) and what the index rebuild reads.
create table segment_embedding (
    segment_id bigint        not null primary key references segment (id) on delete cascade,
    model      varchar(100)  not null,
    text_hash  varchar(64)   not null,
    constraint fk_segment_embedding_text foreign key (model, text_hash) references text_embedding (model, text_hash)
);

create index ix_segment_embedding_model on segment_embedding (model);
