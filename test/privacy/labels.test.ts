import { forgetEverywhere, collectPersonalData } from "../../src/privacy/personal-data";
import { LABELLED } from "../../src/privacy/labels";
import { startConsole } from "../support/console-harness";

/**
 * Every part and kind of record the features export or erase has a readable name in the
 * summary a member gets: a feature adding a kind must add its label (src/privacy/labels.ts).
 */
it("names every part and kind of personal data in the summaries", async () => {
  const h = await startConsole();
  const services = h.app.bot.services;
  const exported = collectPersonalData(services, "console:admin").parts;
  const forgotten = forgetEverywhere(services, "console:admin");
  for (const parts of [exported, forgotten]) {
    expect(LABELLED.parts).toEqual(expect.arrayContaining(Object.keys(parts)));
    for (const part of Object.values(parts))
      expect(LABELLED.kinds).toEqual(expect.arrayContaining(Object.keys(part)));
  }
  h.close();
});
