-- The canonical spelling of each topic key, recorded when the topic is first named (as the
-- target of an alias or by the first expert). Without it a topic named only in
-- `/cop topic alias` lost its spelling, and the first expert's spelling (even an alias) won.
-- Topics from before this table keep the first expert's spelling until they are named again.

CREATE TABLE qa_topic_labels (
  topic TEXT PRIMARY KEY,
  label TEXT NOT NULL
);
