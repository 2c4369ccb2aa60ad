import type { Platform } from "./ids";
import { splitId } from "./ids";
import type { ChatPort } from "./port";

/** Finds the port for a copbot id; one bot may serve several platforms at once. */
export class PortRouter {
  private readonly ports = new Map<Platform, ChatPort>();

  add(port: ChatPort): void {
    this.ports.set(port.platform, port);
  }

  /** The port of the platform the id belongs to. */
  forId(id: string): ChatPort {
    const platform = splitId(id)?.platform;
    if (platform === undefined) throw new Error(`not a copbot id: ${id}`);
    return this.forPlatform(platform);
  }

  forPlatform(platform: Platform): ChatPort {
    const port = this.ports.get(platform);
    if (!port) throw new Error(`no adapter running for ${platform}`);
    return port;
  }

  has(platform: Platform): boolean {
    return this.ports.has(platform);
  }

  /** Every running port, in the order they were added. */
  all(): ChatPort[] {
    return [...this.ports.values()];
  }
}
