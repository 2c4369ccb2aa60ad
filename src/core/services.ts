import type { Logger } from "pino";
import type { Db } from "../../db/open";
import type { Config } from "../config";
import type { Lang } from "../i18n";
import { AuditRepo } from "./audit";
import type { Clock } from "./clock";
import { DialogRepo } from "./dialogs";
import type { Feature } from "./feature";
import { splitId } from "./ids";
import type { Inline } from "./message";
import { MemberRepo, type Member } from "./members";
import { Outbox } from "./outbox";
import { PortRouter } from "./port-router";
import { strongest, type Role } from "./roles";
import { Scheduler } from "./scheduler";

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
  /** The community meeting agenda: every feature's contribution, in feature order. */
  agenda(lang: Lang): Inline[][];
  /** The member's effective role: stored role, `COPBOT_ADMINS`, and what the platform grants. */
  roleOf(memberId: string, channelId?: string): Promise<Role>;
  /** The language to address a member in. */
  langOf(member: Member | undefined): Lang;
}

/** Wires the repositories, scheduler and outbox around one database and clock. */
export function createServices(opts: {
  db: Db;
  clock: Clock;
  config: Config;
  log: Logger;
  features: readonly Feature[];
}): Services {
  const { db, clock, config, log, features } = opts;
  const members = new MemberRepo(db, clock);
  const ports = new PortRouter();
  const services: Services = {
    db,
    clock,
    config,
    log,
    members,
    audit: new AuditRepo(db, clock),
    dialogs: new DialogRepo(db, clock),
    scheduler: new Scheduler(db, clock, log),
    outbox: new Outbox(db, clock, ports, log),
    ports,
    agenda: (lang) => features.flatMap((f) => (f.agenda?.(services, lang) ?? []).map((line) => [...line])),
    async roleOf(memberId, channelId) {
      let role = members.get(memberId)?.role ?? "member";
      if (config.admins.includes(memberId)) role = "admin";
      const platform = splitId(memberId)?.platform;
      const port = platform && ports.has(platform) ? ports.forPlatform(platform) : undefined;
      return strongest(role, await port?.platformRole(memberId, channelId));
    },
    langOf: (member) => member?.lang ?? config.lang,
  };
  return services;
}
