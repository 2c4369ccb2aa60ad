import { buttonAction, renderMessage } from "../../../adapters/slack/blocks";
import { escapeMrkdwn, inlinesToMrkdwn } from "../../../adapters/slack/mrkdwn";
import { channelName } from "../../../adapters/slack/names";
import { bold, channelRef, code, link, mention, msg } from "../../../src/core/message";

describe("Slack mrkdwn rendering", () => {
  it("escapes the three control characters, so no broadcast or fake mention gets through", () => {
    expect(escapeMrkdwn("<!channel> & <!here> <@U123> <https://evil|x>")).toBe(
      "&lt;!channel&gt; &amp; &lt;!here&gt; &lt;@U123&gt; &lt;https://evil|x&gt;",
    );
  });

  it("renders mentions, channels and links as Slack entities and keeps their labels escaped", () => {
    expect(
      inlinesToMrkdwn([
        mention("slack:U0ANNA"),
        " in ",
        channelRef("slack:C0FRAGEN"),
        ": ",
        link("https://example.org/a?b=1&c=2", "Doku <neu>"),
      ]),
    ).toBe("<@U0ANNA> in <#C0FRAGEN>: <https://example.org/a?b=1&amp;c=2|Doku &lt;neu&gt;>");
  });

  it("refuses links that are not http(s) or mailto and shows them as text", () => {
    expect(inlinesToMrkdwn([link("javascript:alert(1)", "klick")])).toBe("klick");
    expect(inlinesToMrkdwn([link("https://x.org/|<!channel>")])).toBe("https://x.org/|&lt;!channel&gt;");
  });

  it("keeps formatting markers from breaking out of bold, italic and code", () => {
    expect(inlinesToMrkdwn([bold("a*b <!here>"), " ", code("x`y")])).toBe("*ab &lt;!here&gt;* `xy`");
  });
});

describe("Block Kit rendering", () => {
  it("maps each block kind and the buttons, with an escaped fallback text", () => {
    const rendered = renderMessage(
      msg()
        .header("Wöchentliches Treffen")
        .text("Frage von ", mention("slack:U0BEN"), ": <!channel> bitte")
        .context("Grund: Experte für ", bold("Vergabe"))
        .list([["eins"], ["zwei"]])
        .divider()
        .button("meeting.rsvp", "Ich komme", "yes", "primary")
        .button("meeting.rsvp", "Ich komme nicht", "no")
        .build(),
    );
    expect(rendered.blocks).toEqual([
      { type: "header", text: { type: "plain_text", text: "Wöchentliches Treffen", emoji: true } },
      {
        type: "section",
        text: { type: "mrkdwn", text: "Frage von <@U0BEN>: &lt;!channel&gt; bitte", verbatim: true },
      },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: "Grund: Experte für *Vergabe*", verbatim: true }],
      },
      { type: "section", text: { type: "mrkdwn", text: "• eins\n• zwei", verbatim: true } },
      { type: "divider" },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: "meeting.rsvp",
            text: { type: "plain_text", text: "Ich komme", emoji: true },
            value: "yes",
            style: "primary",
          },
          {
            type: "button",
            action_id: "meeting.rsvp#1",
            text: { type: "plain_text", text: "Ich komme nicht", emoji: true },
            value: "no",
          },
        ],
      },
    ]);
    expect(rendered.text).toBe(
      "*Wöchentliches Treffen*\nFrage von <@U0BEN>: &lt;!channel&gt; bitte\nGrund: Experte für *Vergabe*\n• eins\n• zwei",
    );
    expect(buttonAction("meeting.rsvp#1")).toBe("meeting.rsvp");
    expect(buttonAction("qa.solved")).toBe("qa.solved");
  });

  it("splits long text into sections under Slack's 3000-character limit", () => {
    const line = "x".repeat(1000);
    const rendered = renderMessage(msg().text([line, line, line, line].join("\n")).build());
    expect(rendered.blocks).toHaveLength(2);
    for (const b of rendered.blocks)
      expect((b.text as { text: string }).text.length).toBeLessThanOrEqual(3000);
  });
});

describe("channel names", () => {
  it("makes a valid Slack channel name from a German title", () => {
    expect(channelName("AG Förderrichtlinien & Straßen-Bau 2026!")).toBe(
      "ag-foerderrichtlinien-strassen-bau-2026",
    );
    expect(channelName("   ")).toBe("copbot-group");
    expect(channelName("a".repeat(100))).toHaveLength(80);
  });
});

describe("Slack message size limits", () => {
  const sectionTexts = (blocks: { type: string }[]) =>
    blocks.flatMap((b) => {
      const text = (b as { text?: { text?: string } }).text?.text;
      return text === undefined ? [] : [text];
    });

  it("keeps a huge message under Slack's total text budget, marks the cut and keeps the buttons", () => {
    const big = msg();
    for (let i = 0; i < 40; i++) big.text(`Antwort ${i}: ${"lang ".repeat(200)}`);
    big.button("checkin.ask", "Als Frage stellen", "1");
    const { blocks } = renderMessage(big.build());
    expect(JSON.stringify(blocks).length).toBeLessThan(13_000);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blocks.at(-2)).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "…", verbatim: true }],
    });
    expect(blocks.at(-1)).toMatchObject({ type: "actions" });
  });

  it("splits long escaped text at spaces, never inside an entity or an emoji", () => {
    const hostile = "<tag>&".repeat(1000);
    const { blocks, text } = renderMessage(msg().text(hostile).build());
    for (const part of sectionTexts(blocks)) {
      expect(part.length).toBeLessThanOrEqual(3000);
      expect(part).not.toMatch(/&[a-z]{0,4}$/);
      expect(part).not.toMatch(/^[a-z]{1,4};/);
    }
    expect(text).not.toMatch(/&[a-z]{0,4}…$/);
    const emoji = renderMessage(msg().header("😀".repeat(200)).build());
    const header = String((emoji.blocks[0]?.["text"] as { text?: string } | undefined)?.text ?? "");
    expect(header.endsWith("…")).toBe(true);
    expect(/[\ud800-\udbff]…$/.test(header)).toBe(false);
  });
});
