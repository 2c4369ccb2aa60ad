import { OutgoingMessageSchema } from "../../src/core/message-schema";

describe("a message read back from the outbox", () => {
  const ics = { name: "treffen.ics", mime: "text/calendar", content: "BEGIN:VCALENDAR" };

  it("keeps the file of a message queued before messages carried several (`attachment`)", () => {
    const stored = JSON.stringify({ blocks: [], attachment: ics });
    expect(OutgoingMessageSchema.parse(JSON.parse(stored))).toEqual({ blocks: [], attachments: [ics] });
  });

  it("keeps several files in order, binary ones with their encoding", () => {
    const png = { name: "bericht.png", mime: "image/png", content: "iVBORw0KGgo=", encoding: "base64" };
    const message = { blocks: [], attachments: [png, ics] };
    expect(OutgoingMessageSchema.parse(JSON.parse(JSON.stringify(message)))).toEqual(message);
  });
});
