import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Replaces `file` whole: the data goes into a temporary file beside it, which is then renamed
 * over it, so a crash leaves the old content or the new one, never half of one. `mode` applies
 * when the file is created (0o600: owner only); `flush` writes it to disk before the rename.
 */
export function replaceFile(
  file: string,
  data: string | Buffer,
  opts: { mode?: number; flush?: boolean } = {},
): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  const fd = openSync(temp, "w", opts.mode ?? 0o666);
  try {
    writeFileSync(fd, data);
    if (opts.flush === true) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}
