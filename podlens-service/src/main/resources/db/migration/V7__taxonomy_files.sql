-- The default taxonomy ships as data files (topics/taxonomy/*.json) and a new release of it
-- reaches an existing database without overwriting a user's edits (TaxonomyUpgrade).
-- Works on H2 and PostgreSQL.

-- What the files give every topic: its finer kind, the topic it rolls up to, and its Chinese
-- names in each script (JSON arrays, matched like aliases); whether a single-word name of it
-- is also an ordinary word.
alter table topic add column kind varchar(20);
update topic set kind = category;
alter table topic alter column kind set not null;
alter table topic add column parent_id varchar(100);
alter table topic add column zh_hant varchar(40000) default '[]' not null;
alter table topic add column zh_hans varchar(40000) default '[]' not null;
alter table topic add column ambiguous boolean default false not null;

-- Where a default topic (source 'default') was last written from: the version of the shipped
-- taxonomy; 'legacy' for topics seeded from topics/default-taxonomy.json before this
-- migration. Null for topics a client created. A topic a client edited has source 'user'
-- and is never overwritten by an upgrade.
alter table topic add column default_version varchar(40);
update topic set default_version = 'legacy' where source = 'default';

-- The version of the shipped taxonomy last applied to this database: one row, locked while
-- an upgrade runs so that two instances starting together apply it once. A null version
-- means none was recorded (a new database, or one seeded before this migration).
create table taxonomy_state (
    id           varchar(20)              not null primary key,
    version      varchar(40),
    topic_count  integer,
    applied_at   timestamp with time zone
);
insert into taxonomy_state (id) values ('default');

-- Default topics a user deleted: an upgrade does not bring them back.
create table deleted_default_topic (
    topic_id    varchar(100)             not null primary key,
    deleted_at  timestamp with time zone not null
);

-- Before this migration an empty topic table was seeded with all 146 topics of the
-- taxonomy of that time and nothing else added defaults, so in a seeded database a missing
-- one was deleted by a user.
insert into deleted_default_topic (topic_id, deleted_at)
select v.id, current_timestamp
from (values
    ('gpt'), ('gpt-2'), ('gpt-3'), ('gpt-3.5'), ('gpt-4'), ('gpt-4v'), ('gpt-4o'), ('openai-o1'),
    ('openai-o3'), ('claude'), ('gemini'), ('palm'), ('lamda'), ('llama'), ('llama-2'),
    ('llama-3'), ('chameleon'), ('mistral-7b'), ('mixtral'), ('mixtral-8x7b'), ('dall-e'),
    ('dall-e-3'), ('imagen'), ('stable-diffusion'), ('controlnet'), ('alphafold'), ('alphago'),
    ('bert'), ('clip'), ('sora'), ('whisper'), ('grok'), ('deepseek-model'), ('qwen'), ('mamba'),
    ('v-jepa'), ('vicuna'), ('llava'), ('flamingo'), ('openai'), ('google'), ('deepmind'),
    ('meta'), ('anthropic'), ('microsoft'), ('aws'), ('nvidia'), ('apple'), ('tesla'), ('xai'),
    ('twitter'), ('mistral-ai'), ('figure-ai'), ('stability-ai'), ('getty-images'),
    ('new-york-times'), ('vox-media'), ('reddit'), ('netflix'), ('neurips'), ('deepseek'),
    ('alibaba'), ('baidu'), ('bytedance'), ('huawei'), ('hugging-face'), ('nyu'), ('tsmc'),
    ('ibm'), ('intel'), ('amd'), ('samsung'), ('lmsys'), ('sam-altman'), ('mira-murati'),
    ('elon-musk'), ('yann-lecun'), ('geoffrey-hinton'), ('yoshua-bengio'), ('demis-hassabis'),
    ('jensen-huang'), ('mark-zuckerberg'), ('ilya-sutskever'), ('andrej-karpathy'),
    ('lex-fridman'), ('satya-nadella'), ('sundar-pichai'), ('dario-amodei'), ('greg-brockman'),
    ('fei-fei-li'), ('andrew-ng'), ('alan-turing'), ('hans-moravec'), ('chatgpt'), ('bard'),
    ('project-astra'), ('copilot'), ('midjourney'), ('chatbot-arena'), ('amazon-bedrock'),
    ('youtube'), ('spotify'), ('apple-podcasts'), ('instagram'), ('tesla-fsd'), ('optimus'),
    ('github'), ('pytorch'), ('tensorflow'), ('cuda'), ('keji-lang'), ('transformer'),
    ('tokenizer'), ('token'), ('embedding'), ('positional-encoding'), ('vision-encoder'),
    ('vision-transformer'), ('linear-projection'), ('early-fusion'), ('interleaved-data'),
    ('state-space-model'), ('large-language-model'), ('multimodal'), ('closed-source'),
    ('open-source'), ('self-attention'), ('feed-forward-network'), ('backpropagation'),
    ('image-captioning'), ('pretraining'), ('fine-tuning'), ('context-length'),
    ('diffusion-model'), ('reinforcement-learning'), ('agi'), ('world-model'),
    ('self-supervised-learning'), ('inference'), ('neural-network'), ('scaling-laws'),
    ('humanoid-robot'), ('multimodal-stage-1'), ('multimodal-stage-2'), ('multimodal-stage-3'),
    ('multimodal-future')
) as v (id)
where exists (select 1 from topic)
  and not exists (select 1 from topic t where t.id = v.id);
