import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { attachmentBytes, type Attachment } from "../../src/core/message";

/** A file name that stays inside the folder: no path separators, no leading dots. */
function safeName(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^[.-]+/, "");
  return cleaned === "" ? "datei" : cleaned.slice(0, 120);
}

/**
 * Saves an attachment in `dir` (created readable by this user only, like the file itself) under
 * its own name, numbered when the name is taken, and returns the path.
 */
export function saveAttachment(dir: string, file: Attachment): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = safeName(file.name);
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  let path = join(dir, name);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${stem}-${n}${ext}`);
  writeFileSync(path, attachmentBytes(file), { mode: 0o600, flag: "wx" });
  return path;
}
