import { z } from "zod";
import type { Logger } from "pino";
import type { Db } from "../../db/open";
import type { Config } from "../config";
import type { Lang } from "../i18n";
import { AuditRepo } from "./audit-repo";
import type { Clock } from "./clock";
import { OpsCounters } from "./counters";
import { noteExpired } from "./delivery-notes";
import { DialogRepo } from "./dialog-repo";
import type { Feature } from "./feature";
import { Health } from "./health";
import { splitId } from "./ids";
import type { Inline } from "./message";
import { MemberRepo, type Member } from "./member-repo";
import { Outbox } from "./outbox";
import { Platforms, type PlatformInfo } from "./platform";
import { PortRouter } from "./port-router";
import { ROLES, strongest, type Role } from "./roles";
import { Scheduler } from "./scheduler";
import { SettingsRepo } from "./settings-repo";

/** Everything a feature may use. Built once per process (or per test). */
export interface Services {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: Config;
  readonly log: Logger;
  readonly members: MemberRepo;
  readonly audit: AuditRepo;
  readonly dialogs: DialogRepo;
  readonly scheduler: Scheduler;
  readonly outbox: Outbox;
  readonly ports: PortRouter;
  /** Readiness checks and the stop on a broken database. */
  readonly health: Health;
  /** Events handled and delivery outcomes, for `/metrics`. */
  readonly counters: OpsCounters;
  /** The platforms copbot knows: command prefixes by platform and by id. */
  readonly platforms: Platforms;
  /** Every feature copbot runs, the core's own first (privacy and retention ask each of them). */
  readonly features: readonly Feature[];
  /** The community meeting agenda: every feature's contribution, in feature order. */
  agenda(lang: Lang): Inline[][];
  /**
   * The member's effective role: stored role, `COPBOT_ADMINS`, and what the platform grants.
   * `known` is the member as just read (every event reads it first), so it is not read twice.
   */
  roleOf(memberId: string, channelId?: string, known?: Member): Promise<Role>;
  /** The language to address a member in. */
  langOf(member: Member | undefined): Lang;
  /**
   * Everyone known to moderate: stored moderators and admins, `COPBOT_ADMINS`, and people a
   * platform made moderators (Matrix power level, Slack workspace admins, the console admin),
   * as last seen when they acted. Used to notify moderators from jobs, which cannot ask the
   * platform.
   */
  moderatorIds(): string[];
}

/** Wires the repositories, scheduler and outbox around one database and clock. */
export function createServices(opts: {
  db: Db;
  clock: Clock;
  config: Config;
  log: Logger;
  features: readonly Feature[];
  platforms?: readonly PlatformInfo[];
}): Services {
  const { db, clock, config, log, features } = opts;
  const members = new MemberRepo(db, clock);
  const settings = new SettingsRepo(db);
  const ports = new PortRouter();
  const health = new Health(config.dbPath);
  const counters = new OpsCounters();
  let withVerdict: Set<string> | undefined;
  const services: Services = {
    db,
    clock,
    config,
    log,
    members,
    audit: new AuditRepo(db, clock),
    dialogs: new DialogRepo(db, clock),
    scheduler: new Scheduler(db, clock, log),
    outbox: new Outbox(db, clock, ports, log, {
      fatal: (error) => health.fatal(error),
      onExpired: (rows) => noteExpired(services, rows),
      onOutcome: (outcome, row) => counters.delivery(outcome, row.platform),
    }),
    ports,
    health,
    counters,
    platforms: new Platforms(opts.platforms),
    features,
    agenda: (lang) => features.flatMap((f) => (f.agenda?.(services, lang) ?? []).map((line) => [...line])),
    async roleOf(memberId, channelId, known) {
      let role = (known?.id === memberId ? known : members.get(memberId))?.role ?? "member";
      if (config.admins.includes(memberId)) role = "admin";
      const platform = splitId(memberId)?.platform;
      const port = platform && ports.has(platform) ? ports.forPlatform(platform) : undefined;
      const granted = await port?.platformRole(memberId, channelId);
      withVerdict ??= membersWithVerdict(settings);
      rememberPlatformRole(settings, memberId, granted, withVerdict);
      return strongest(role, granted);
    },
    moderatorIds: () => [
      ...new Set([
        ...members.withRole("moderator").map((m) => m.id),
        ...config.admins,
        ...membersWithVerdict(settings),
      ]),
    ],
    langOf: (member) => member?.lang ?? config.lang,
  };
  return services;
}

const PLATFORM_ROLE_PREFIX = "platform-moderator:";
/** Built once: every event reads the stored verdict, and building a schema costs more than reading. */
const StoredRole = z.enum(ROLES);

/**
 * Keeps the latest platform verdict: a granted moderator/admin role is stored, a revoked one
 * removed. `stored`: the members with a verdict stored (read once, kept up to date here), so that
 * the verdict of most events — none, for a member without one — costs no read. Only this
 * function stores verdicts; one deleted elsewhere (a member's data erased) is only read again.
 * It runs after the platform was asked (an await), so never inside a transaction that a
 * rollback could undo.
 */
function rememberPlatformRole(
  settings: SettingsRepo,
  memberId: string,
  role: Role | undefined,
  stored: Set<string>,
): void {
  const key = `${PLATFORM_ROLE_PREFIX}${memberId}`;
  const granted = role === "moderator" || role === "admin" ? role : undefined;
  if (granted === undefined && !stored.has(memberId)) return;
  // Every event asks for the role: write only when the verdict changed, not on each message.
  if (settings.get(key, StoredRole) !== granted) {
    if (granted) settings.set(key, granted);
    else settings.remove(key);
  }
  if (granted === undefined) stored.delete(memberId);
  else stored.add(memberId);
}

/** The members with a platform verdict stored. */
function membersWithVerdict(settings: SettingsRepo): Set<string> {
  return new Set(settings.list(PLATFORM_ROLE_PREFIX).map((key) => key.slice(PLATFORM_ROLE_PREFIX.length)));
}
