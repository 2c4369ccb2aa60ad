import { z } from "zod";
import { column, rowReader } from "../../db/rows";
import { openDatabase } from "../../db/open";

describe("the shared row mapper", () => {
  const read = rowReader({
    id: z.number(),
    channel_id: z.string(),
    closed_at: column.optionalDate,
    created_at: column.date,
    opted_out: column.flag,
    bio: z.string().nullable(),
  });

  it("validates columns, writes keys in camelCase and NULL as undefined", () => {
    expect(
      read({ id: 1, channel_id: "console:x", closed_at: null, created_at: 0, opted_out: 1, bio: null }),
    ).toEqual({
      id: 1,
      channelId: "console:x",
      closedAt: undefined,
      createdAt: new Date(0),
      optedOut: true,
      bio: undefined,
    });
  });

  it("refuses a row that does not match, instead of passing on a broken value", () => {
    expect(() =>
      read({ id: "1", channel_id: "x", closed_at: null, created_at: 0, opted_out: 0, bio: null }),
    ).toThrow();
  });

  it("reads real SQLite rows", () => {
    const db = openDatabase(":memory:");
    const row = db
      .prepare(
        "SELECT 7 AS id, 'c' AS channel_id, NULL AS closed_at, 5 AS created_at, 0 AS opted_out, 'x' AS bio",
      )
      .get();
    expect(read(row)).toMatchObject({
      id: 7,
      channelId: "c",
      closedAt: undefined,
      optedOut: false,
      bio: "x",
    });
    db.close();
  });
});
