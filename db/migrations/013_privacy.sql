-- Privacy (docs/datenschutz.md).
--
-- A knowledge entry whose accepted answer was deleted on the platform keeps its question as a
-- tombstone: the answer text is gone, members no longer find it, moderators see that it was
-- removed and when.
ALTER TABLE qa_knowledge ADD COLUMN removed_at INTEGER;

-- A working group's check-in belongs to its members and the moderators: anyone else who joined
-- it before the check-in became private is taken out (their answers would reach the group's
-- space).
DELETE FROM checkin_participants
WHERE checkin_id IN (SELECT id FROM checkins WHERE owner_kind = 'group')
  AND NOT EXISTS (
    SELECT 1 FROM checkins c JOIN work_group_members m ON m.group_id = c.owner_id
    WHERE c.id = checkin_participants.checkin_id
      AND m.member_id = checkin_participants.member_id
      AND m.state = 'joined'
  )
  AND NOT EXISTS (
    SELECT 1 FROM members WHERE id = checkin_participants.member_id AND role IN ('moderator', 'admin')
  );
