import { DateTime } from "luxon";
import { tokenize } from "../core/commands/tokenize";
import type { UserError } from "../core/errors";
import type { FormValidator } from "../core/feature";
import { translator } from "../i18n";
import { checkFuture, scheduleFrom } from "./meeting-ops";
import { EXAMPLES, parseSpec } from "./parse-spec";

/**
 * Checks the meeting modal before it closes, with the parser and checks of `meeting add`, so
 * a problem shows next to its field and nothing typed is lost. The channel's existence and
 * the permission are left to the submission: they need the platform.
 */
export const meetingFormCheck: FormValidator = (values, { services, userId, lang }) => {
  const t = translator(lang, services.platforms.prefixOf(userId));
  const prefix = services.platforms.prefixOf(userId);
  const say = (field: string, error: UserError) => {
    const example = error.params["example"];
    const params =
      example === undefined ? error.params : { ...error.params, example: `${prefix} ${example}` };
    return { [field]: t(error.key, params) };
  };
  const title = (values["title"] ?? "").trim();
  const rule = tokenize(values["rule"] ?? "");
  if (!rule.ok) return say("rule", rule.error);
  const options = tokenize(values["options"] ?? "");
  if (!options.ok) return say("options", options.error);
  const now = services.clock.now();
  const parsed = parseSpec(
    [title, ...rule.value, ...options.value],
    "meeting",
    "add",
    now,
    EXAMPLES.meeting,
    {
      lang,
    },
  );
  if (!parsed.ok) {
    const error = parsed.error;
    if (title === "" || error.key === "meeting.error.titleLong") return say("title", error);
    const headOk = parseSpec([title, ...rule.value], "meeting", "add", now).ok;
    return say(headOk ? "options" : "rule", error);
  }
  const zone = parsed.value.zone ?? services.config.timeZone;
  const today = DateTime.fromJSDate(now, { zone }).toISODate() ?? "";
  const schedule = scheduleFrom(parsed.value, undefined, { zone, today });
  if (!schedule) return { rule: t("meeting.error.title", { example: `${prefix} ${EXAMPLES.meeting}` }) };
  const future = checkFuture(services, schedule);
  if (!future.ok) return say("rule", future.error);
  const noChannel = (values["channel"] ?? "").trim() === "" && values["__context"] === undefined;
  return noChannel
    ? { channel: t("meeting.error.noChannel", { example: `${prefix} ${EXAMPLES.meeting}` }) }
    : undefined;
};
