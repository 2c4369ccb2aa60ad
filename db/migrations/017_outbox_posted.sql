-- Fewer index pages per message (issue #12): only a keyed post is ever looked up by where it
-- landed (`keyOf`, for a reaction or a button on a message of copbot's). The index on the
-- posted reference held every item, unposted ones under NULL, so queueing an item wrote a page
-- of it and marking it sent moved its entry; now it holds the posted keyed items only.
DROP INDEX outbox_posted;
CREATE INDEX outbox_posted ON outbox (posted_channel, posted_message)
  WHERE key IS NOT NULL AND posted_message IS NOT NULL;
