import type { MatrixClient } from "@vector-im/matrix-bot-sdk";
import type { Logger } from "pino";
import type { Clock } from "../../src/core/clock";
import type { Lang } from "../../src/i18n";
import { matrixText } from "./messages";

/** Room account data that records the encryption notice, so each room hears it only once. */
const ENCRYPTION_NOTICE = "org.copbot.encryption_notice";

/**
 * Without end-to-end encryption copbot cannot read encrypted rooms: it says so once per room
 * (remembered in the room's account data, so a restart does not repeat it) and stays quiet there.
 */
export class EncryptionNotice {
  private readonly noticed = new Set<string>();

  constructor(
    private readonly client: () => MatrixClient,
    private readonly lang: Lang,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async tell(roomId: string): Promise<void> {
    if (this.noticed.has(roomId)) return;
    const client = this.client();
    const done = await client.getSafeRoomAccountData<Record<string, unknown> | null>(
      ENCRYPTION_NOTICE,
      roomId,
      null,
    );
    this.noticed.add(roomId);
    if (done) return;
    const text = matrixText(this.lang)("matrix.encrypted");
    await client.sendMessage(roomId, { msgtype: "m.notice", body: text, "m.mentions": {} });
    await client.setRoomAccountData(ENCRYPTION_NOTICE, roomId, { noticedAt: this.clock.now().toISOString() });
    this.log.info({ roomId }, "told an encrypted room that copbot cannot read it");
  }
}
