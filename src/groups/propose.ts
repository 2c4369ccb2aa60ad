import { type Inline, mention, msg, type OutgoingMessage } from "../core/message";
import type { Services } from "../core/services";
import type { Translate } from "../i18n";
import { postCall, inviteExperts } from "./call";
import { groupRepo, memberVoice, signupDeadline } from "./context";
import { scheduleDeadline } from "./formation";
import { type ProposalDraft, type ProposalProblem, validateProposal } from "./proposal";
import type { Group } from "./group-repo";

/**
 * Checks a proposal and, when it meets the conditions, opens the call for participants in
 * `channelId`: the call with Join / Leave, DMs to matching experts who opted in, and the
 * sign-up deadline job. Problems come back as one friendly sentence each.
 */
export function submitProposal(
  services: Services,
  opts: { proposerId: string; channelId: string; draft: ProposalDraft },
): { ok: true; group: Group; invited: string[] } | { ok: false; problems: ProposalProblem[] } {
  const checked = validateProposal(opts.draft, { now: services.clock.now(), zone: services.config.timeZone });
  if (!checked.ok) return checked;
  return services.db.transaction(() => {
    const group = groupRepo(services).create(checked.value, {
      proposerId: opts.proposerId,
      channelId: opts.channelId,
      signupDeadline: signupDeadline(services),
    });
    services.members.ensure(group.facilitatorId);
    postCall(services, group);
    if (group.facilitatorId !== opts.proposerId) {
      const { t } = memberVoice(services, group.facilitatorId);
      services.outbox.enqueue(
        { kind: "dm", userId: group.facilitatorId },
        msg()
          .text(
            t("group.facilitatorNamed", { title: group.title, id: group.id }),
            " ",
            mention(opts.proposerId),
          )
          .button("group.decline", t("group.button.decline"), String(group.id))
          .build(),
        { key: `group:${group.id}:facilitator-named` },
      );
    }
    scheduleDeadline(services, group);
    const invited = inviteExperts(services, group);
    return { ok: true as const, group, invited };
  })();
}

/** What is missing or too vague, one sentence per condition, plus how to go on. */
export function problemsMessage(
  t: Translate,
  problems: readonly ProposalProblem[],
  hint?: Inline[],
): OutgoingMessage {
  const message = msg()
    .text(t("group.check.intro", { n: problems.length }))
    .list(problems.map((p) => [t(p.key, p.params)]));
  if (hint) message.context(...hint);
  return message.build();
}
