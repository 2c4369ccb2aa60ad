import type { Services } from "../core/services";
import { QuestionRepo, type Question } from "./question-repo";

/**
 * The tracked question whose message is `messageId` in `channelId`: a member's own message,
 * or copbot's post of a question asked on someone's behalf (found through its outbox key).
 */
export function questionAt(services: Services, channelId: string, messageId: string): Question | undefined {
  const repo = new QuestionRepo(services.db);
  const direct = repo.byMessage(channelId, messageId);
  if (direct) return direct;
  const key = services.outbox.keyOf({ channelId, messageId });
  const posted = key === undefined ? undefined : repo.byPostKey(key);
  if (!posted) return undefined;
  repo.setMessageId(posted.id, messageId);
  return repo.get(posted.id);
}

/** Parses a question reference as typed: `#12` or `12`. */
export function parseQuestionRef(ref: string): number | undefined {
  const match = /^#?(\d{1,9})$/.exec(ref.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
