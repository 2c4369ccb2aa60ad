import { bold, msg } from "../../../src/core/message";
import { SlackHarness } from "../../support/slack-harness";
import { header, section } from "../../support/slack-blocks";
import { appHomeOpenedEvent, eventCallback } from "../../support/slack-payloads";

const homeOpened = (user: string, tab: "home" | "messages") =>
  eventCallback(appHomeOpenedEvent({ user, tab, event_ts: "1764000400.000100" }));

describe("Slack App Home", () => {
  let slack: SlackHarness;
  const asked: string[] = [];

  beforeEach(async () => {
    asked.length = 0;
    slack = await SlackHarness.start("http", {
      homeView: async (userId) => {
        asked.push(userId);
        return msg()
          .header("Deine Übersicht")
          .text(bold("Offene Fragen"))
          .list([["Wie geht <!channel> Vergabe?"]])
          .build();
      },
    });
  });
  afterEach(async () => {
    await slack.stop();
  });

  it("publishes the core's overview for the member who opened the Home tab, escaped", async () => {
    expect((await slack.post(homeOpened("U0ANNA", "home"))).status).toBe(200);
    const [publish] = await slack.api.waitFor("views.publish");
    expect(asked).toEqual(["slack:U0ANNA"]);
    expect(publish?.args).toEqual({
      user_id: "U0ANNA",
      view: {
        type: "home",
        blocks: [
          header("Deine Übersicht"),
          section("*Offene Fragen*"),
          section("• Wie geht &lt;!channel&gt; Vergabe?"),
        ],
      },
    });
  });

  it("leaves the Messages tab alone and gives the core no event for either tab", async () => {
    await slack.post(homeOpened("U0ANNA", "messages"));
    await slack.settle();
    expect(slack.api.callsOf("views.publish")).toEqual([]);
    expect(asked).toEqual([]);
    expect(slack.events).toEqual([]);
  });
});
