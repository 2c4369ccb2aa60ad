import type { FormValidator } from "../core/feature";
import { translator } from "../i18n";
import { validateProposal } from "./proposal";

/**
 * Checks the proposal modal before it closes, with the same conditions as `submitProposal`,
 * so each problem shows next to its field and nothing typed is lost. The facilitator is
 * left to the submission: finding a person by name asks the platform.
 */
export const proposalFormCheck: FormValidator = (values, { services, userId, lang }) => {
  const checked = validateProposal(
    {
      title: values["title"] ?? "",
      problem: values["problem"] ?? "",
      deliverable: values["deliverable"] ?? "",
      due: values["due"] ?? "",
      size: values["size"] ?? "",
      topics: values["topics"] ?? "",
      facilitatorId: userId,
    },
    { now: services.clock.now(), zone: services.config.timeZone },
  );
  if (checked.ok) return undefined;
  const t = translator(lang, services.platforms.prefixOf(userId));
  return Object.fromEntries(checked.problems.map((p) => [p.field, t(p.key, p.params)]));
};
