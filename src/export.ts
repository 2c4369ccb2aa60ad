import { openDatabaseReadOnly } from "../db/open";
import { loadConfig } from "./config";
import { SystemClock } from "./core/clock";
import { CopbotError } from "./core/errors";
import { MemberRepo } from "./core/member-repo";
import { loadEnvFile } from "./env-file";
import { writeKnowledgeExport } from "./knowledge-export/api";

/**
 * `npm run export -- <dir>`: writes the knowledge export (Markdown and the searchable site) of
 * the database in `COPBOT_DB` to `<dir>` (default `COPBOT_EXPORT_DIR`). Reads only, so it may
 * run while copbot runs.
 */
function main(argv: readonly string[]): number {
  try {
    loadEnvFile(process.env["COPBOT_ENV_FILE"] ?? ".env", process.env);
    const config = loadConfig(process.env);
    const dir = argv[0] ?? config.knowledgeExport.dir;
    const db = openDatabaseReadOnly(config.dbPath);
    const clock = new SystemClock();
    const members = new MemberRepo(db, clock);
    try {
      const result = writeKnowledgeExport(
        {
          db,
          lang: config.lang,
          timeZone: config.timeZone,
          licence: config.knowledgeExport.licence,
          now: clock.now(),
          member: (id) => members.get(id),
        },
        dir,
      );
      process.stdout.write(
        `copbot: exported ${result.questions} solved questions, ${result.results} results, ${result.topics} topics\n` +
          `  site:     ${result.index}\n  markdown: ${result.dir}/questions, ${result.dir}/results\n`,
      );
    } finally {
      db.close();
    }
    return 0;
  } catch (error) {
    process.stderr.write(`copbot: ${error instanceof CopbotError ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
