import type { Db } from "../../db/open";
import { topicsInText } from "./experts";
import { topicLabelOf } from "./topic-repo";

/**
 * The known topics a text mentions (as whole words, through aliases), by their labels in
 * alphabetical order: what a digest or an export shows next to a question.
 */
export function topicsOfText(db: Db, text: string): string[] {
  return [...topicsInText(db, text)]
    .map((key) => topicLabelOf(db, key) ?? key)
    .sort((a, b) => a.localeCompare(b, "de"));
}
