import { RateLimitedError } from "../../src/core/errors";
import { createCheckin, stopCheckin, weeklySchedule } from "../../src/meetings/api";
import { CheckinRepo } from "../../src/meetings/checkin-repo";
import { startConsole } from "../support/console-harness";

describe("check-in API for other features", () => {
  it("builds weekly schedules and rejects malformed ones", () => {
    expect(weeklySchedule("fri", "14:00")).toEqual({
      recurrence: { kind: "weekly", weekday: "fri", interval: 1, time: "14:00" },
      zone: "Europe/Berlin",
      start: "2000-01-03",
    });
    expect(() => weeklySchedule("fri", "25:00")).toThrow();
    expect(() => weeklySchedule("fri", "10:00", "Nowhere/City")).toThrow();
  });

  it("creates a group's check-in with participants and stops it", async () => {
    const h = await startConsole({ start: "2027-03-05T12:00:00+01:00" });
    const services = h.app.bot.services;
    const created = createCheckin(services, {
      title: "AG Statusrunde",
      channelId: "console:ag-wiki",
      questions: ["Was hat sich bewegt?", " "],
      schedule: weeklySchedule("mon", "09:00"),
      participantIds: ["console:anna", "console:ben"],
      createdBy: "console:admin",
      owner: { kind: "group", id: 7 },
    });
    if (!created.ok) throw created.error;
    const repo = new CheckinRepo(services.db);
    expect(repo.get(created.value.id)).toMatchObject({
      questions: ["Was hat sich bewegt?"],
      owner: { kind: "group", id: 7 },
      deadlineMinutes: 240,
    });
    expect(repo.participants(created.value.id)).toEqual(["console:anna", "console:ben"]);
    const prompts = await h.send(":clock 2027-03-08T09:00");
    expect(prompts.filter((l) => l.includes("Zeit für „AG Statusrunde“"))).toHaveLength(2);
    stopCheckin(services, created.value.id);
    expect((await h.send(":clock 2027-03-15T18:00")).filter((l) => l.includes("AG Statusrunde"))).toEqual([]);
    expect(repo.get(created.value.id)).toBeUndefined();
    h.close();
  });

  it("refuses empty titles and question lists", async () => {
    const h = await startConsole();
    const base = {
      channelId: "console:team",
      schedule: weeklySchedule("fri", "14:00"),
      participantIds: [],
      createdBy: "console:admin",
    };
    const services = h.app.bot.services;
    expect(createCheckin(services, { ...base, title: " ", questions: ["A?"] })).toMatchObject({
      ok: false,
      error: { key: "meeting.error.title" },
    });
    expect(createCheckin(services, { ...base, title: "T", questions: [] })).toMatchObject({
      ok: false,
      error: { key: "meeting.error.questions" },
    });
    h.close();
  });

  it("fans prompts out through the outbox: a rate limit delays its conversation only, none is lost or doubled", async () => {
    const h = await startConsole({ start: "2027-03-05T12:00:00+01:00" });
    const services = h.app.bot.services;
    const people = Array.from({ length: 25 }, (_, i) => `console:p${i}`);
    const created = createCheckin(services, {
      title: "Große Runde",
      channelId: "console:team",
      questions: ["Wie geht's?"],
      schedule: weeklySchedule("fri", "14:00"),
      participantIds: people,
      createdBy: "console:admin",
    });
    expect(created.ok).toBe(true);
    const port = services.ports.forPlatform("console");
    const post = port.post.bind(port);
    let calls = 0;
    jest.spyOn(port, "post").mockImplementation(async (target, message) => {
      calls += 1;
      if (calls === 10) throw new RateLimitedError(30_000);
      return post(target, message);
    });
    const first = await h.send(":clock 2027-03-05T14:00");
    // The 429 holds the one DM it hit for 30 s; the other 24 go on.
    expect(first.filter((l) => l.includes("Zeit für"))).toHaveLength(24);
    const rest = await h.send(":clock 2027-03-05T14:01");
    const prompted = [...first, ...rest].filter((l) => l.includes("Zeit für"));
    expect(prompted).toHaveLength(25);
    expect(new Set(prompted.map((l) => /^\[dm (\w+)\]/.exec(l)?.[1])).size).toBe(25);
    h.close();
  });
});
