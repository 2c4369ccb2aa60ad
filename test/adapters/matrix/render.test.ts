import { emojiName } from "../../../adapters/matrix/buttons";
import { parseMatrixTo, stripReplyFallback, textWithPills } from "../../../adapters/matrix/html";
import { renderMessage, type RenderNames } from "../../../adapters/matrix/render";
import { channelRef, code, link, mention, msg } from "../../../src/core/message";

const names: RenderNames = {
  users: new Map([["@anna:example.org", "Anna <Admin>"]]),
  rooms: new Map([["!r:example.org", "fragen"]]),
};

const render = (m: ReturnType<typeof msg>, lang: "de" | "en" = "de") =>
  renderMessage(m.build(), { lang, names });

describe("Matrix rendering", () => {
  it("escapes hostile user text in HTML and keeps it readable in plain text", () => {
    const { content } = render(
      msg().text(
        '<script>alert(1)</script><img src=x onerror="y"> @room @ROOM',
        link("javascript:alert(1)", "klick"),
      ),
    );
    expect(content.formatted_body).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror="y"&gt; @\u2060room @\u2060ROOM' +
        "klick (javascript:alert(1))</p>",
    );
    expect(content.body).toBe(
      '<script>alert(1)</script><img src=x onerror="y"> @\u2060room @\u2060ROOMklick (javascript:alert(1))',
    );
    expect(content["m.mentions"]).toEqual({});
  });

  // Commands arrive already written for Matrix (`!cop`, see the `{prefix}` placeholder); the
  // renderer passes them on unchanged.
  it("renders pills, rooms, headers, lists, code and dividers, and speaks Matrix command syntax", () => {
    const { content } = render(
      msg()
        .header("Agenda")
        .list([
          [mention("matrix:@anna:example.org"), " in ", channelRef("matrix:!r:example.org")],
          [mention("slack:U1")],
        ])
        .divider()
        .context("Tipp: ", code("!cop help"), " oder !cop search"),
    );
    expect(content.formatted_body).toBe(
      "<h4>Agenda</h4>" +
        '<ul><li><a href="https://matrix.to/#/@anna:example.org">Anna &lt;Admin&gt;</a> in <a href="https://matrix.to/#/!r:example.org">#fragen</a></li>' +
        "<li>@U1</li></ul><hr />" +
        '<p><font data-mx-color="#6b6f76">Tipp: <code>!cop help</code> oder !cop search</font></p>',
    );
    expect(content.body).toBe(
      "Agenda\n\n• Anna <Admin> in #fragen\n• @U1\n\n―――\n\nTipp: !cop help oder !cop search",
    );
    expect(content["m.mentions"]).toEqual({ user_ids: ["@anna:example.org"] });
  });

  it("shows backtick spans of plain text as code in HTML, escaped, and keeps the plain body as is", () => {
    const { content } = render(
      msg().text("Tipp: `!cop help` oder `<b>@room</b>`; ein einzelnes ` bleibt\n`zwei\nZeilen` auch"),
    );
    expect(content.formatted_body).toBe(
      "<p>Tipp: <code>!cop help</code> oder <code>&lt;b&gt;@\u2060room&lt;/b&gt;</code>; " +
        "ein einzelnes ` bleibt<br />`zwei<br />Zeilen` auch</p>",
    );
    expect(content.body).toBe(
      "Tipp: `!cop help` oder `<b>@\u2060room</b>`; ein einzelnes ` bleibt\n`zwei\nZeilen` auch",
    );
  });

  it("lists buttons as keycap reactions in the community language, at most ten", () => {
    const m = msg().text("Wähle");
    for (let i = 1; i <= 12; i += 1) m.button("pick", `Option ${i}`, String(i));
    const { content, buttons } = render(m, "en");
    expect(buttons).toHaveLength(10);
    expect(buttons[9]).toEqual({ key: "🔟", action: "pick", value: "10" });
    expect(content.body).toContain("React with 1️⃣ Option 1 · 2️⃣ Option 2");
    expect(content["org.copbot.buttons"]).toEqual(buttons);
  });
});

describe("reading Matrix messages", () => {
  it("replaces pill labels by the ids they point at", () => {
    expect(
      textWithPills(
        "!cop mod add Ben Berg und Ben Berg",
        '!cop mod add <a href="https://matrix.to/#/%40ben%3Aexample.org">Ben Berg</a> und Ben Berg',
      ),
    ).toBe("!cop mod add @ben:example.org und Ben Berg");
    expect(textWithPills("hallo", undefined)).toBe("hallo");
  });

  it("ignores the quoted part of rich replies", () => {
    expect(stripReplyFallback("> <@anna:example.org> Frage?\n> zweite Zeile\n\nAntwort")).toBe("Antwort");
    expect(stripReplyFallback("Antwort ohne Zitat")).toBe("Antwort ohne Zitat");
  });

  it("reads matrix.to links and normalizes check marks", () => {
    expect(parseMatrixTo("https://matrix.to/#/!r:example.org/$ev?via=example.org")).toBe("!r:example.org");
    expect(parseMatrixTo("https://example.org/#/@a:b")).toBeUndefined();
    expect(["✅", "✔️", "✔", "👍🏽", "🦄"].map(emojiName)).toEqual([
      "white_check_mark",
      "white_check_mark",
      "white_check_mark",
      "+1",
      "🦄",
    ]);
  });
});
