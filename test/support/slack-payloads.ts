/**
 * Builders for what Slack sends, copied from the shapes in Slack's docs (Events API
 * `event_callback`, slash command form fields, `block_actions`, `view_submission`).
 * Each returns the body as Slack would encode it over HTTP plus the raw payload for Socket Mode.
 */

export const TEAM = "T0COPTEAM";
export const APP = "A0COPBOT";

let counter = 0;
const next = () => ++counter;

export interface HttpBody {
  readonly body: string;
  readonly contentType: "application/json" | "application/x-www-form-urlencoded";
  /** The payload as a Socket Mode envelope carries it. */
  readonly payload: Record<string, unknown>;
  /** The Socket Mode envelope type for it. */
  readonly envelopeType: "events_api" | "slash_commands" | "interactive";
}

/** Wraps an inner event as the Events API delivers it. */
export function eventCallback(event: Record<string, unknown>, eventId = `Ev${next()}`): HttpBody {
  const payload = {
    token: "verification-token-unused",
    team_id: TEAM,
    api_app_id: APP,
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: 1764000000,
    authorizations: [
      { enterprise_id: null, team_id: TEAM, user_id: "UCOPBOT", is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${eventId}`,
  };
  return {
    body: JSON.stringify(payload),
    contentType: "application/json",
    payload,
    envelopeType: "events_api",
  };
}

export function messageEvent(fields: {
  channel: string;
  user: string;
  text: string;
  ts: string;
  thread_ts?: string;
  channel_type?: string;
  subtype?: string;
  bot_id?: string;
}): Record<string, unknown> {
  return {
    type: "message",
    team: TEAM,
    event_ts: fields.ts,
    channel_type: fields.channel_type ?? (fields.channel.startsWith("D") ? "im" : "channel"),
    ...fields,
  };
}

export function appMentionEvent(fields: {
  channel: string;
  user: string;
  text: string;
  ts: string;
  thread_ts?: string;
}): Record<string, unknown> {
  return { type: "app_mention", team: TEAM, event_ts: fields.ts, ...fields };
}

export function reactionAddedEvent(fields: {
  user: string;
  reaction: string;
  channel: string;
  ts: string;
  item_user?: string;
}): Record<string, unknown> {
  return {
    type: "reaction_added",
    user: fields.user,
    reaction: fields.reaction,
    item_user: fields.item_user ?? "UOTHER",
    item: { type: "message", channel: fields.channel, ts: fields.ts },
    event_ts: `1764000100.${String(next()).padStart(6, "0")}`,
  };
}

/** `reaction_removed`: the same reaction taken back. */
export function reactionRemovedEvent(
  fields: Parameters<typeof reactionAddedEvent>[0],
): Record<string, unknown> {
  return { ...reactionAddedEvent(fields), type: "reaction_removed" };
}

/** Someone joined a channel; `documented` leaves out `event_ts`, as Slack's reference shows the event. */
export function memberJoinedEvent(fields: {
  user: string;
  channel: string;
  documented?: boolean;
}): Record<string, unknown> {
  return {
    type: "member_joined_channel",
    user: fields.user,
    channel: fields.channel,
    channel_type: "C",
    team: TEAM,
    ...(fields.documented ? {} : { event_ts: `1764000200.${String(next()).padStart(6, "0")}` }),
  };
}

/** Someone opens copbot's App Home on `tab` (the Home tab or the Messages tab). */
export function appHomeOpenedEvent(fields: {
  user: string;
  tab: "home" | "messages";
  event_ts: string;
}): Record<string, unknown> {
  return {
    type: "app_home_opened",
    user: fields.user,
    channel: `D${fields.user}`,
    tab: fields.tab,
    event_ts: fields.event_ts,
    view: { id: "VHOME", type: "home" },
  };
}

/** A `/cop …` slash command, as the form fields Slack posts. */
export function slashCommand(fields: {
  text: string;
  user_id: string;
  user_name?: string;
  channel_id: string;
  channel_name?: string;
  response_url: string;
  trigger_id?: string;
  command?: string;
}): HttpBody {
  const payload: Record<string, string> = {
    token: "verification-token-unused",
    team_id: TEAM,
    team_domain: "copbot-test",
    channel_id: fields.channel_id,
    channel_name: fields.channel_name ?? "fragen",
    user_id: fields.user_id,
    user_name: fields.user_name ?? fields.user_id.toLowerCase(),
    command: fields.command ?? "/cop",
    text: fields.text,
    api_app_id: APP,
    is_enterprise_install: "false",
    response_url: fields.response_url,
    trigger_id: fields.trigger_id ?? `13345224609.738474920.${next()}`,
  };
  return {
    body: new URLSearchParams(payload).toString(),
    contentType: "application/x-www-form-urlencoded",
    payload,
    envelopeType: "slash_commands",
  };
}

/** The `user` object of interaction payloads. */
const interactingUser = (id: string) => ({
  id,
  username: id.toLowerCase(),
  name: id.toLowerCase(),
  team_id: TEAM,
});

function interactive(payload: Record<string, unknown>): HttpBody {
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: "application/x-www-form-urlencoded",
    payload,
    envelopeType: "interactive",
  };
}

/** A button press on a bot message. */
export function blockActions(fields: {
  user: string;
  channel: string;
  messageTs: string;
  threadTs?: string;
  actionId: string;
  value?: string;
  response_url: string;
  trigger_id?: string;
}): HttpBody {
  return interactive({
    type: "block_actions",
    user: interactingUser(fields.user),
    api_app_id: APP,
    token: "verification-token-unused",
    container: {
      type: "message",
      message_ts: fields.messageTs,
      channel_id: fields.channel,
      is_ephemeral: false,
      ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
    },
    trigger_id: fields.trigger_id ?? `13345224609.738474920.${next()}`,
    team: { id: TEAM, domain: "copbot-test" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: fields.channel, name: "fragen" },
    message: {
      type: "message",
      user: "UCOPBOT",
      bot_id: "BCOPBOT",
      ts: fields.messageTs,
      ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
      text: "…",
      blocks: [],
    },
    state: { values: {} },
    response_url: fields.response_url,
    actions: [
      {
        action_id: fields.actionId,
        block_id: "b1",
        text: { type: "plain_text", text: "…", emoji: true },
        ...(fields.value !== undefined ? { value: fields.value } : {}),
        type: "button",
        action_ts: `1764000300.${String(next()).padStart(6, "0")}`,
      },
    ],
  });
}

/** A submitted modal; `view` is the modal copbot opened (as recorded by the stand-in) with the user's input. */
export function viewSubmission(fields: {
  user: string;
  view: Record<string, unknown>;
  values: Record<string, string>;
}): HttpBody {
  const blocks =
    (fields.view.blocks as { block_id: string; element: { type: string; action_id: string } }[]) ?? [];
  const state: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const block of blocks) {
    const value = fields.values[block.element.action_id];
    const type = block.element.type;
    state[block.block_id] = {
      [block.element.action_id]:
        type === "datepicker"
          ? { type, selected_date: value ?? null }
          : type === "static_select"
            ? {
                type,
                selected_option:
                  value === undefined ? null : { value, text: { type: "plain_text", text: value } },
              }
            : { type, value: value ?? null },
    };
  }
  return interactive({
    type: "view_submission",
    team: { id: TEAM, domain: "copbot-test" },
    user: interactingUser(fields.user),
    api_app_id: APP,
    token: "verification-token-unused",
    trigger_id: `13345224609.738474920.${next()}`,
    view: {
      id: `V${next()}`,
      team_id: TEAM,
      type: "modal",
      title: fields.view.title,
      blocks,
      private_metadata: fields.view.private_metadata ?? "",
      callback_id: fields.view.callback_id,
      state: { values: state },
      hash: `156772938.${next()}`,
      clear_on_close: false,
      notify_on_close: false,
      root_view_id: "V0001",
      app_id: APP,
      bot_id: "BCOPBOT",
    },
    response_urls: [],
  });
}

/** A Socket Mode envelope for any of the bodies above. */
export function envelope(body: HttpBody, retryAttempt = 0): Record<string, unknown> {
  return {
    envelope_id: `env-${next()}`,
    type: body.envelopeType,
    payload: body.payload,
    accepts_response_payload: body.envelopeType !== "events_api",
    ...(body.envelopeType === "events_api"
      ? { retry_attempt: retryAttempt, retry_reason: retryAttempt ? "timeout" : "" }
      : {}),
  };
}
