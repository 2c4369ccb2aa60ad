import type { Counts, ExportSection } from "../core/privacy";
import type { Services } from "../core/services";

/** A member's data export: every feature's part, in feature order. */
export interface PersonalData {
  readonly format: "copbot-personal-data/1";
  readonly exported_at: string;
  readonly member_id: string;
  readonly parts: Readonly<Record<string, ExportSection>>;
}

/** Collects what every feature stores about the member (DSGVO Art. 15 and 20). */
export function collectPersonalData(services: Services, memberId: string): PersonalData {
  const parts: Record<string, ExportSection> = {};
  for (const feature of services.features) {
    if (feature.privacy) parts[feature.name] = feature.privacy.export(services, memberId);
  }
  return {
    format: "copbot-personal-data/1",
    exported_at: services.clock.now().toISOString(),
    member_id: memberId,
    parts,
  };
}

/**
 * Erases the member's personal data in every feature, in one transaction: either everything
 * is forgotten or nothing (DSGVO Art. 17). Returns each feature's counts.
 */
export function forgetEverywhere(services: Services, memberId: string): Readonly<Record<string, Counts>> {
  return services.db.transaction(() => {
    const counts: Record<string, Counts> = {};
    for (const feature of services.features) {
      if (feature.privacy) counts[feature.name] = feature.privacy.forget(services, memberId);
    }
    return counts;
  })();
}

/** How many records a value of an export section stands for. */
export function recordCount(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return value === null || value === undefined ? 0 : 1;
}
