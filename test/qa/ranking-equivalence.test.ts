import { readFileSync } from "node:fs";
import { join } from "node:path";
import { collectPicks, seedCommunity, type Picks } from "../support/qa-community";
import { qaServices } from "./qa-services";

/**
 * The picks in the fixture were recorded with the ranking as it was before expert statistics
 * were aggregated at write time (commit "Ranking fixtures: …"); the aggregated ranking must
 * tag the same experts, in the same order, with the same reasons. One pick changed on purpose
 * since (#19): "Formularserver" now also finds the topic "Formulare" inside the compound.
 */
const FIXTURE = join(__dirname, "fixtures", "ranking-picks.json");

describe("expert ranking on a community with 3,000 solved questions", () => {
  it("tags the same experts, in the same order and with the same reasons, as the per-answer ranking did", () => {
    const { services } = qaServices("2026-11-30T16:30:00Z");
    const community = seedCommunity(services, 3000);
    const expected = JSON.parse(readFileSync(FIXTURE, "utf8")) as Picks[];
    expect(collectPicks(services, community, 60)).toEqual(expected);
  });
});
