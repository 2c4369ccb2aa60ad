import type { Services } from "../core/services";
import { expertSettings, normalizeTopic, topicsOf } from "../qa/api";
import type { Candidate } from "./pairing";
import { ParticipantRepo, type Participant } from "./participant-repo";

/** Topic key -> label: the topics a participant named plus the topics they are an expert for. */
export function topicMap(services: Services, p: Participant): Map<string, string> {
  const topics = new Map<string, string>();
  for (const label of p.topics) {
    const key = normalizeTopic(label);
    if (key !== "") topics.set(key, label);
  }
  for (const expert of topicsOf(services.db, p.memberId)) topics.set(expert.key, expert.label);
  return topics;
}

/** Why a participant sits out a round, if they do. */
export function sitsOut(
  services: Services,
  p: Participant,
  now: Date,
): "paused" | "away" | "no_org" | undefined {
  if (p.pausedUntil !== undefined && p.pausedUntil > now) return "paused";
  const away = expertSettings(services.db, p.memberId).awayUntil;
  if (away !== undefined && away > now) return "away";
  if (!services.members.get(p.memberId)?.organisation) return "no_org";
  return undefined;
}

/** Everyone who can be introduced now: taking part, not paused or away, with an organisation and topics. */
export function availableCandidates(services: Services, now: Date): Candidate[] {
  return new ParticipantRepo(services.db).active().flatMap((p) => {
    const organisation = services.members.get(p.memberId)?.organisation;
    const topics = topicMap(services, p);
    if (sitsOut(services, p, now) !== undefined || organisation === undefined || topics.size === 0) return [];
    return [{ id: p.memberId, organisation, topics }];
  });
}
