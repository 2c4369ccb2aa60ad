import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import type { Services } from "../core/services";
import type { ExportSource } from "./collect";
import { writeKnowledgeExport } from "./write-site";

/** The export's view of a running copbot: its database, language, zone, licence and members. */
export function exportSource(services: Services): ExportSource {
  return {
    db: services.db,
    lang: services.config.lang,
    timeZone: services.config.timeZone,
    licence: services.config.knowledgeExport.licence,
    now: services.clock.now(),
    member: (id) => services.members.get(id),
  };
}

/** `export knowledge` (moderators): writes the export to `COPBOT_EXPORT_DIR` and says where. */
export function exportKnowledge(ctx: EventContext<CommandEvent>): void {
  const { services, t } = ctx;
  try {
    const result = writeKnowledgeExport(exportSource(services), services.config.knowledgeExport.dir);
    ctx.reply(
      t("export.done", {
        questions: result.questions,
        results: result.results,
        topics: result.topics,
        index: result.index,
        dir: result.dir,
      }),
    );
  } catch (error) {
    services.log.error({ err: error }, "knowledge export failed");
    ctx.reply(t("export.failed", { reason: error instanceof Error ? error.message : String(error) }));
  }
}
