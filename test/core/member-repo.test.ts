import { openDatabase } from "../../db/open";
import { VirtualClock } from "../../src/core/clock";
import { defaultName, MemberRepo } from "../../src/core/member-repo";

describe("MemberRepo", () => {
  const clock = new VirtualClock(new Date("2026-12-01T09:00:00Z"));
  const make = () => new MemberRepo(openDatabase(":memory:"), clock);

  it("creates a member on first contact and returns the same one later", () => {
    const repo = make();
    const anna = repo.ensure("console:anna", "Anna");
    expect(anna).toMatchObject({ id: "console:anna", displayName: "Anna", role: "member", lang: undefined });
    expect(repo.ensure("console:anna", "Other").displayName).toBe("Anna");
  });

  it("updates profile fields one at a time and clears with null", () => {
    const repo = make();
    repo.ensure("console:anna");
    repo.update("console:anna", { organisation: "BMI", bio: "E-Akte" });
    repo.update("console:anna", { lang: "en" });
    expect(repo.get("console:anna")).toMatchObject({ organisation: "BMI", bio: "E-Akte", lang: "en" });
    repo.update("console:anna", { bio: null });
    expect(repo.get("console:anna")?.bio).toBeUndefined();
    expect(repo.update("console:nobody", { bio: "x" })).toBeUndefined();
  });

  it("lists members by role and finds them by name per platform", () => {
    const repo = make();
    repo.ensure("console:ben", "Ben");
    repo.ensure("slack:U1", "Ben");
    repo.setRole("console:ben", "moderator");
    expect(repo.withRole("moderator").map((m) => m.id)).toEqual(["console:ben"]);
    expect(repo.findByName("slack", "ben")?.id).toBe("slack:U1");
  });

  it("derives readable default names", () => {
    expect(defaultName("matrix:@anna:example.org")).toBe("anna");
    expect(defaultName("slack:U123")).toBe("U123");
  });
});
