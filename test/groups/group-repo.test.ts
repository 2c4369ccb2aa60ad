import { openDatabase, type Db } from "../../db/open";
import { VirtualClock } from "../../src/core/clock";
import { GroupRepo } from "../../src/groups/group-repo";
import { recordOffer } from "../../src/groups/offer-repo";
import { invitedMembers, setInvitations } from "../../src/groups/invitation-repo";
import { logTime, totalMinutes } from "../../src/groups/time-log-repo";

describe("GroupRepo", () => {
  let db: Db;
  let clock: VirtualClock;
  let repo: GroupRepo;
  const proposal = {
    title: "Checkliste PDF",
    problem: "Barrierefreie PDFs scheitern an denselben zehn Fehlern in jeder Behörde",
    deliverable: "checkliste" as const,
    due: "2027-01-25",
    minSize: 3,
    maxSize: 3,
    topics: ["Barrierefreiheit"],
    facilitatorId: "console:anna",
  };

  beforeEach(() => {
    db = openDatabase(":memory:");
    clock = new VirtualClock(new Date("2026-11-30T08:00:00Z"));
    repo = new GroupRepo(db, clock);
  });
  afterEach(() => db.close());

  it("seats the facilitator, fills seats, then keeps a waiting list that moves up in order", () => {
    const group = repo.create(proposal, {
      proposerId: "console:admin",
      channelId: "console:allgemein",
      signupDeadline: new Date("2026-12-07T08:00:00Z"),
    });
    expect(repo.members(group.id).map((m) => [m.memberId, m.role])).toEqual([
      ["console:anna", "facilitator"],
    ]);
    expect(repo.join(group.id, "console:ben", 3)).toBe("joined");
    expect(repo.join(group.id, "console:ben", 3)).toBe("already");
    expect(repo.join(group.id, "console:carla", 3)).toBe("joined");
    clock.advance(1000);
    expect(repo.join(group.id, "console:dora", 3)).toBe("waiting");
    clock.advance(1000);
    expect(repo.join(group.id, "console:emil", 3)).toBe("waiting");
    expect(repo.leave(group.id, "console:ben", 3)).toEqual({ left: true, promoted: "console:dora" });
    expect(repo.leave(group.id, "console:ben", 3)).toEqual({ left: false });
    expect(repo.members(group.id).map((m) => m.memberId)).toEqual([
      "console:anna",
      "console:carla",
      "console:dora",
    ]);
    expect(repo.members(group.id, ["waiting"]).map((m) => m.memberId)).toEqual(["console:emil"]);
    expect(repo.listFor("console:dora", ["proposed"]).map((g) => g.id)).toEqual([group.id]);
  });

  it("moves state only from the expected states", () => {
    const group = repo.create(proposal, {
      proposerId: "console:anna",
      channelId: "console:allgemein",
      signupDeadline: new Date("2026-12-07T08:00:00Z"),
    });
    expect(repo.transition(group.id, ["running"], "closed")).toBe(false);
    expect(repo.transition(group.id, ["proposed"], "forming")).toBe(true);
    expect(repo.transition(group.id, ["proposed"], "forming")).toBe(false);
    expect(repo.transition(group.id, ["forming"], "running")).toBe(true);
    expect(repo.get(group.id)?.startedAt).toEqual(clock.now());
  });

  it("refuses sizes outside 3–7 at the database too", () => {
    expect(() =>
      repo.create(
        { ...proposal, maxSize: 8 },
        { proposerId: "x", channelId: "console:c", signupDeadline: clock.now() },
      ),
    ).toThrow(/CHECK/);
  });

  it("records an offer once per thread, opt-ins and logged time", () => {
    const at = clock.now();
    expect(recordOffer(db, { channelId: "c", threadId: "m1", authorId: "a", text: "x", at })?.id).toBe(1);
    expect(recordOffer(db, { channelId: "c", threadId: "m1", authorId: "b", text: "y", at })).toBeUndefined();
    setInvitations(db, "console:ben", true, at);
    setInvitations(db, "console:carla", true, at);
    setInvitations(db, "console:carla", false, at);
    expect(invitedMembers(db)).toEqual(["console:ben"]);
    const group = repo.create(proposal, {
      proposerId: "console:anna",
      channelId: "console:allgemein",
      signupDeadline: at,
    });
    logTime(db, { groupId: group.id, memberId: "console:ben", minutes: 90, at });
    logTime(db, { groupId: group.id, memberId: "console:ben", minutes: 30, note: "Review", at });
    expect(totalMinutes(db, group.id, "console:ben")).toBe(120);
    expect(totalMinutes(db, group.id, "console:anna")).toBe(0);
  });
});
