import { ANNA, BEN, communityAndSpace } from "../support/matrix-harness";
import { startMatrixApp, type MatrixApp } from "../support/matrix-app";
import { startSlackStory } from "../support/slack-story";

type Export = { member_id: string; parts: Record<string, Record<string, unknown>> };

/**
 * `privacy export` on the chat platforms (issue 17): the JSON file reaches the member by DM
 * through each platform's file upload (Slack: files.uploadV2's three steps; Matrix: the media
 * repository and an `m.file` event), next to the readable summary.
 */
describe("privacy export on Slack and Matrix", () => {
  it("Slack: uploads the JSON file into the member's DM with the bot", async () => {
    const { copbot, story } = await startSlackStory("http");
    try {
      await story.command("U0ANNA", "C0FRAGEN", 'profile org "Stadt Musterhausen"');
      story.since();
      await story.command("U0ANNA", "C0FRAGEN", "privacy export");
      const calls = story.since();
      // The summary goes to the member's user id, which Slack delivers in their DM with the bot.
      const summary = calls.find(
        (c) => c.method === "chat.postMessage" && String(c.args.text).includes("Deine Daten bei copbot"),
      );
      expect(summary?.args.channel).toBe("U0ANNA");
      const uploadUrl = calls.find((c) => c.method === "files.getUploadURLExternal");
      expect(uploadUrl?.args.filename).toBe("copbot-meine-daten-2026-11-30.json");
      const upload = calls.find((c) => c.method === "upload");
      // The file travels as multipart form data: the JSON is the part between its braces.
      const raw = String(upload?.args.content);
      const data = JSON.parse(raw.slice(raw.indexOf("{"), raw.lastIndexOf("}") + 1)) as Export;
      expect(data.member_id).toBe("slack:U0ANNA");
      expect(data.parts["core"]?.["profile"]).toMatchObject({ organisation: "Stadt Musterhausen" });
      const complete = calls.find((c) => c.method === "files.completeUploadExternal");
      // The file joins the summary where it landed: the DM channel Slack answered (stand-in: D + user).
      expect(complete?.args.channel_id).toBe("DU0ANNA");
      // The command itself is answered privately: the file went by DM.
      expect(
        calls.some((c) => c.method === "response_url" && String(c.args.text).includes("Direktnachricht")),
      ).toBe(true);
    } finally {
      await copbot.stop();
    }
  });

  describe("Matrix", () => {
    let m: MatrixApp & { rooms: Record<string, string> };
    beforeEach(async () => {
      m = await startMatrixApp({
        start: "2026-11-30T09:00:00+01:00",
        prepare: (hs) =>
          communityAndSpace(hs, { community: "fragen", space: "CoP" }, Date.parse("2026-11-30T07:00:00Z")),
      });
    });
    afterEach(() => m.stop());

    it("uploads the JSON file to the media repository and sends it as m.file in the DM", async () => {
      m.hs.send(m.rooms.community ?? "", BEN, "m.room.message", {
        msgtype: "m.text",
        body: "!cop privacy export",
      });
      await m.settle();
      const upload = m.hs.requests.find((r) => r.path === "/_matrix/media/v3/upload");
      expect(upload?.query.get("filename")).toBe("copbot-meine-daten-2026-11-30.json");
      // The stand-in reads a JSON upload as JSON: the file's content, as copbot sent it.
      expect((upload?.body as Export | undefined)?.member_id).toBe(`matrix:${BEN}`);
      const direct = (m.hs.store.accountData.get("m.direct") as Record<string, string[]> | undefined)?.[
        BEN
      ]?.[0];
      const sent = m.hs.sent({ roomId: direct ?? "" });
      // Summary and file, then the answer to the command (Matrix answers commands in the DM too).
      expect(sent.map((s) => s.body["msgtype"])).toEqual(["m.notice", "m.file", "m.notice"]);
      expect(String(sent[0]?.body["body"])).toContain("Deine Daten bei copbot");
      expect(sent[1]?.body).toMatchObject({
        msgtype: "m.file",
        body: "copbot-meine-daten-2026-11-30.json",
        info: { mimetype: "application/json" },
      });
      expect(String(sent[1]?.body["url"])).toMatch(/^mxc:\/\//);
      expect(m.hs.sent().some((s) => JSON.stringify(s.body).includes(ANNA))).toBe(false);
    });
  });
});
