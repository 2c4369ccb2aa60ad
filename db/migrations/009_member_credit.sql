-- How a member wants to be credited where their answers leave the chat (the knowledge
-- export): by name, by organisation, or not at all. Nobody's name leaves the chat unasked.
ALTER TABLE members ADD COLUMN credit TEXT NOT NULL DEFAULT 'anonymous' CHECK (credit IN ('name', 'org', 'anonymous'));
