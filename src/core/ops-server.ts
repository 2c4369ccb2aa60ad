import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Health } from "./health";

/** Answers one GET path of the operations server. */
export type OpsHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A small HTTP server for operators and orchestrators, in every mode: `/healthz` (liveness:
 * the process answers), `/readyz` (every readiness check passes: platforms connected,
 * database writable, outbox moving, not shutting down). Further read-only paths (metrics)
 * are added with `route`.
 */
export class OpsServer {
  private readonly routes = new Map<string, OpsHandler>();
  private server: Server | undefined;

  constructor(health: Health) {
    this.route("/healthz", (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      res.end("ok\n");
    });
    this.route("/readyz", (_req, res) => {
      const readiness = health.readiness();
      res.writeHead(readiness.ready ? 200 : 503, { "content-type": "application/json" });
      res.end(`${JSON.stringify(readiness)}\n`);
    });
  }

  route(path: string, handler: OpsHandler): this {
    this.routes.set(path, handler);
    return this;
  }

  /** Listens on `port` (0: any free port); resolves with the port it got. */
  async listen(port: number, host?: string): Promise<number> {
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      const handler = req.method === "GET" || req.method === "HEAD" ? this.routes.get(path) : undefined;
      if (!handler) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        res.end("not found\n");
        return;
      }
      handler(req, res);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
