import Database from "better-sqlite3";
import { loadMigrations, migrate } from "../../db/open";

/**
 * Upgrading to the privacy schema (migration NNN_privacy.sql): whoever joined a working group's check-in
 * from outside the group before such check-ins became private is taken out of it, so their
 * answers no longer reach the group's space; members and moderators stay.
 */
describe("the privacy migration", () => {
  it("removes outsiders from group check-ins and keeps members and moderators", () => {
    const db = new Database(":memory:");
    const all = loadMigrations();
    const privacy = all.findIndex((m) => m.name.endsWith("_privacy.sql"));
    migrate(db, all.slice(0, privacy));
    db.exec(`
      INSERT INTO members (id, display_name, role, created_at, updated_at) VALUES
        ('console:mo', 'mo', 'moderator', 0, 0), ('console:out', 'out', 'member', 0, 0);
      INSERT INTO work_groups (id, title, problem, deliverable, due_date, min_size, max_size, facilitator_id,
        proposer_id, channel_id, state, signup_deadline, created_at)
        VALUES (1, 'G', 'P', 'Checkliste', '2027-01-25', 3, 5, 'console:fac', 'console:fac', 'console:allgemein',
          'running', 0, 0);
      INSERT INTO work_group_members (group_id, member_id, role, state, since, joined_at) VALUES
        (1, 'console:fac', 'facilitator', 'joined', 0, 0), (1, 'console:mem', 'member', 'joined', 0, 0),
        (1, 'console:gone', 'member', 'left', 0, 0);
      INSERT INTO checkins (id, title, channel_id, schedule, questions, deadline_min, created_by, created_at,
        owner_kind, owner_id) VALUES
        (1, 'Status', 'console:ag-1', '{}', '[]', 60, 'console:fac', 0, 'group', 1),
        (2, 'Community', 'console:team', '{}', '[]', 60, 'console:mo', 0, NULL, NULL);
      INSERT INTO checkin_participants (checkin_id, member_id, joined_at) VALUES
        (1, 'console:fac', 0), (1, 'console:mem', 0), (1, 'console:mo', 0), (1, 'console:out', 0),
        (1, 'console:gone', 0), (2, 'console:out', 0);
    `);
    migrate(db, all);
    expect(db.prepare("SELECT checkin_id, member_id FROM checkin_participants ORDER BY 1, 2").all()).toEqual([
      { checkin_id: 1, member_id: "console:fac" },
      { checkin_id: 1, member_id: "console:mem" },
      { checkin_id: 1, member_id: "console:mo" },
      { checkin_id: 2, member_id: "console:out" },
    ]);
    db.close();
  });
});
