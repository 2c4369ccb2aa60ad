import { z } from "zod";
import type { MessageKey } from "../../i18n";

/**
 * Reusable zod pieces for command arguments. A failing check reports a message key, which the
 * registry shows translated together with the usage line.
 */
export const MAX_TEXT = 4000;

const withKey = (key: MessageKey) => ({ message: key });

/** A user reference as typed: `@ben`, `<@U123>`, `@ben:example.org`. */
export const userToken = z.string().regex(/^(@|<@)\S+$/, withKey("core.err.user_expected"));

/** A channel reference as typed: `#fragen`, `<#C123|fragen>`, `!room:server`. */
export const channelToken = z.string().regex(/^(#|<#|!)\S+$/, withKey("core.err.channel_expected"));

/** Free text of bounded length (already joined by the registry for `raw` commands). */
export const freeText = (max = MAX_TEXT) =>
  z.string().trim().min(1, withKey("core.err.text_empty")).max(max, withKey("core.err.text_too_long"));

/** No arguments at all. */
export const noArgs = z.tuple([]);

/** Exactly one free-text argument: the whole rest of the command line (`raw` commands). */
export const rawText = (max = MAX_TEXT) => z.tuple([freeText(max)]);
