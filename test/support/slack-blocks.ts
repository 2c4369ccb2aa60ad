/** Block Kit blocks as copbot renders them, for asserting on what it sent to Slack. */

/** A header block. */
export const header = (text: string) => ({ type: "header", text: { type: "plain_text", text, emoji: true } });

/** A section of mrkdwn, taken literally (`verbatim`: Slack links nothing on its own). */
export const section = (text: string) => ({
  type: "section",
  text: { type: "mrkdwn", text, verbatim: true },
});

/** A context block (small print) with one mrkdwn element. */
export const context = (text: string) => ({
  type: "context",
  elements: [{ type: "mrkdwn", text, verbatim: true }],
});

export const divider = { type: "divider" };
