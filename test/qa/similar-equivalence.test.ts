import { readFileSync } from "node:fs";
import { join } from "node:path";
import { collectSimilar, seedCommunity, type SimilarShown } from "../support/qa-community";
import { qaServices } from "./qa-services";

/**
 * The lookups in the fixture were recorded with the similar-questions lookup as it was before
 * its candidates were taken from kept posting lists (FTS5 AND / OR statements per lookup,
 * commit "Similar-questions fixture: …"); every lookup must show the same entries in the same
 * order, with the same snippets, while the knowledge base changes between lookups.
 */
const FIXTURE = join(__dirname, "fixtures", "similar-shown.json");

describe("similar solved questions on a community with 3,000 solved questions", () => {
  it("shows the same entries, in the same order, as the lookup by FTS5 statements did", () => {
    const { services } = qaServices("2026-11-30T16:30:00Z");
    const community = seedCommunity(services, 3000);
    const expected = JSON.parse(readFileSync(FIXTURE, "utf8")) as SimilarShown[];
    expect(collectSimilar(services, community, 120)).toEqual(expected);
  });
});
