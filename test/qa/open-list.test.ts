import { startConsole } from "../support/console-harness";

describe("/cop qa open", () => {
  it("counts every open question and says when the list shows only the oldest", async () => {
    const h = await startConsole();
    await h.send(":as ben");
    for (let i = 1; i <= 22; i++)
      await h.send(`/cop ask Wie organisiert ihr Thema Nummer ${i} in eurer Behörde?`);
    const out = (await h.send(":as admin", "/cop qa open")).join("\n");
    expect(out).toContain("Offene Fragen (22) – worauf am meisten Leute warten zuerst, sonst die älteste:");
    expect(out).toContain("Hier stehen die ältesten 20 von 22.");
    expect(out).toContain("Thema Nummer 1 ");
    expect(out).not.toContain("Thema Nummer 21 ");
    h.close();
  });
});
