import type { webApi } from "@slack/bolt";

const CACHE_MS = 60_000;

interface Listing<T> {
  readonly at: number;
  readonly items: readonly T[];
}

interface ChannelEntry {
  readonly id: string;
  readonly name: string;
}

interface UserEntry {
  readonly id: string;
  readonly names: readonly string[];
}

/** What a person may type for a channel: `<#C1|name>`, `<#C1>`, `#name`, `name`, `C1`. */
const CHANNEL_TOKEN = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/;
/** What a person may type for a user: `<@U1|name>`, `<@U1>`, `@name`, `U1`. */
const USER_TOKEN = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const CHANNEL_ID = /^(?:slack:)?([CG][A-Z0-9]{6,})$/;
const USER_ID = /^(?:slack:)?([UW][A-Z0-9]{6,})$/;

/**
 * Resolves what people type into Slack ids. Ids and Slack's own `<#…>`/`<@…>` tokens need no
 * call; names are looked up in a listing that is cached for a minute.
 */
export class SlackDirectory {
  private channels: Listing<ChannelEntry> | undefined;
  private users: Listing<UserEntry> | undefined;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly now: () => number = Date.now,
  ) {}

  async channel(ref: string): Promise<string | undefined> {
    const text = ref.trim();
    const direct = CHANNEL_TOKEN.exec(text) ?? CHANNEL_ID.exec(text);
    if (direct) return direct[1];
    const name = text.replace(/^#/, "").toLowerCase();
    if (name === "") return undefined;
    return (await this.channelList()).find((c) => c.name === name)?.id;
  }

  async user(ref: string): Promise<string | undefined> {
    const text = ref.trim();
    const direct = USER_TOKEN.exec(text) ?? USER_ID.exec(text);
    if (direct) return direct[1];
    const name = text.replace(/^@/, "").toLowerCase();
    if (name === "") return undefined;
    return (await this.userList()).find((u) => u.names.includes(name))?.id;
  }

  private fresh<T>(listing: Listing<T> | undefined): listing is Listing<T> {
    return listing !== undefined && this.now() - listing.at < CACHE_MS;
  }

  private async channelList(): Promise<readonly ChannelEntry[]> {
    if (this.fresh(this.channels)) return this.channels.items;
    const items: ChannelEntry[] = [];
    for await (const page of this.client.paginate("conversations.list", {
      types: "public_channel,private_channel",
      exclude_archived: true,
      limit: 1000,
    }) as AsyncIterable<webApi.ConversationsListResponse>) {
      for (const c of page.channels ?? []) if (c.id && c.name) items.push({ id: c.id, name: c.name });
    }
    this.channels = { at: this.now(), items };
    return items;
  }

  private async userList(): Promise<readonly UserEntry[]> {
    if (this.fresh(this.users)) return this.users.items;
    const items: UserEntry[] = [];
    for await (const page of this.client.paginate("users.list", {
      limit: 1000,
    }) as AsyncIterable<webApi.UsersListResponse>) {
      for (const u of page.members ?? []) {
        if (!u.id || u.deleted || u.is_bot) continue;
        const names = [u.name, u.profile?.display_name, u.profile?.real_name, u.real_name]
          .filter((n): n is string => typeof n === "string" && n !== "")
          .map((n) => n.toLowerCase());
        items.push({ id: u.id, names });
      }
    }
    this.users = { at: this.now(), items };
    return items;
  }
}
