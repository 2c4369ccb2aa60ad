-- A ping's write made cheaper (issue #12): copbot pings three experts per question.

-- The newest ping times of a profile were read back from qa_pings on every ping, through a
-- sorter that SQLite sets up per statement (about 40 µs of a ping's 55). A new ping is almost
-- always the member's newest: then it goes in front of the kept times, and the oldest goes
-- once there are 16 (the kept times are newest first, separated by commas). Only a ping older
-- than the member's last, or a member's first profile row, still reads qa_pings.
DROP TRIGGER qa_profile_ping_ai;
CREATE TRIGGER qa_profile_ping_ai AFTER INSERT ON qa_pings BEGIN
  INSERT INTO qa_expert_profiles (member_id, pings, answered_pings, last_pinged_at, recent_pings)
    VALUES (new.member_id, new.question_id IS NOT NULL,
      EXISTS (SELECT 1 FROM qa_answers a WHERE a.question_id = new.question_id AND +a.author_id = new.member_id),
      new.at,
      CASE WHEN NOT EXISTS (SELECT 1 FROM qa_expert_profiles p WHERE p.member_id = new.member_id) THEN
        (SELECT group_concat(at, ',' ORDER BY at DESC) FROM (
          SELECT at FROM qa_pings r WHERE r.member_id = new.member_id ORDER BY at DESC LIMIT 16)) END)
    ON CONFLICT (member_id) DO UPDATE SET pings = pings + excluded.pings,
      answered_pings = answered_pings + excluded.answered_pings,
      recent_pings = CASE
        WHEN recent_pings IS NOT NULL AND last_pinged_at IS NOT NULL
          AND excluded.last_pinged_at >= last_pinged_at THEN
          excluded.last_pinged_at || ',' || CASE
            WHEN length(recent_pings) - length(replace(recent_pings, ',', '')) < 15 THEN recent_pings
            ELSE rtrim(rtrim(recent_pings, '-0123456789'), ',') END
        ELSE (SELECT group_concat(at, ',' ORDER BY at DESC) FROM (
          SELECT at FROM qa_pings r WHERE r.member_id = new.member_id ORDER BY at DESC LIMIT 16)) END,
      last_pinged_at = max(coalesce(last_pinged_at, excluded.last_pinged_at), excluded.last_pinged_at);
END;
