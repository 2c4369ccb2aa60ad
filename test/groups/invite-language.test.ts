import { startConsole } from "../support/console-harness";
import { propose } from "../support/groups-fixtures";

describe("group invitations", () => {
  it("explain why someone was invited in the invitee's own language", async () => {
    const h = await startConsole();
    await h.send(":as anna", "/cop lang en", "/cop expert add PDF", "/cop group invitations on");
    const out = await h.send(":as carla", propose('topics="PDF"'));
    const dm = out.filter((l) => l.startsWith("[dm anna]") || l.startsWith("    ")).join("\n");
    expect(dm).toContain("Why you: *PDF* · no solved questions yet");
    expect(dm).not.toContain("noch keine gelösten Fragen");
    h.close();
  });
});
