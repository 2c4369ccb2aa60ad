import { z } from "zod";
import { splitId } from "../core/ids";
import type { JobHandler } from "../core/scheduler";
import type { Services } from "../core/services";
import { translator } from "../i18n";
import { MatchRepo, type IntroMatch } from "./match-repo";
import { followUpMessage, introMessage, plainNames } from "./messages";

const Payload = z.object({ matchId: z.number() });

/**
 * The group conversation of a match: the one opened before (a retry reuses it), or a new one
 * where all its people are on one platform that has group conversations. Undefined: write to
 * each person directly.
 */
async function groupConversation(services: Services, match: IntroMatch): Promise<string | undefined> {
  if (match.channelId !== undefined) return match.channelId;
  const ids = match.members.map((m) => m.memberId);
  const platforms = new Set(ids.map((id) => splitId(id)?.platform));
  const [platform] = [...platforms];
  if (platforms.size !== 1 || platform === undefined || !services.ports.has(platform)) return undefined;
  const port = services.ports.forPlatform(platform);
  if (!port.openGroupConversation) return undefined;
  const t = translator(services.config.lang, services.platforms.prefix(platform));
  try {
    const channelId = await port.openGroupConversation({
      name: t("intros.intro.room", { names: plainNames(services, ids) }),
      topic: t("intros.intro.topic"),
      memberIds: ids,
    });
    new MatchRepo(services.db).setChannel(match.id, channelId);
    return channelId;
  } catch (error) {
    // Two direct messages still introduce them; a failed group conversation must not stop it.
    services.log.warn(
      { err: error, match: match.id },
      "could not open a group conversation; writing directly",
    );
    return undefined;
  }
}

/** Introduces the people of a match: in one group conversation, else each by DM. */
export const introduceJob: JobHandler = async (job, { services }) => {
  const { matchId } = Payload.parse(job.payload);
  const match = new MatchRepo(services.db).get(matchId);
  if (!match) return;
  const channelId = await groupConversation(services, match);
  if (channelId !== undefined) {
    const message = introMessage(
      services,
      match,
      services.config.lang,
      services.platforms.prefixOf(channelId),
    );
    services.outbox.enqueue({ kind: "channel", channelId }, message, {
      key: `intros:match:${match.id}:intro`,
    });
    return;
  }
  for (const { memberId } of match.members) {
    const lang = services.langOf(services.members.get(memberId));
    const message = introMessage(services, match, lang, services.platforms.prefixOf(memberId), memberId);
    services.outbox.enqueue({ kind: "dm", userId: memberId }, message, {
      key: `intros:match:${match.id}:intro:${memberId}`,
    });
  }
};

/** A week later, asks each person privately whether they met. */
export const followUpJob: JobHandler = (job, { services }) => {
  const { matchId } = Payload.parse(job.payload);
  const match = new MatchRepo(services.db).get(matchId);
  if (!match) return;
  for (const { memberId } of match.members) {
    const lang = services.langOf(services.members.get(memberId));
    services.outbox.enqueue(
      { kind: "dm", userId: memberId },
      followUpMessage(services, match, memberId, lang, services.platforms.prefixOf(memberId)),
      { key: `intros:match:${match.id}:followup:${memberId}` },
    );
  }
};
