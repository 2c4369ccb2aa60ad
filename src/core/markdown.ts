/** User text must not turn into Markdown structure (or HTML) in a document copbot writes. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, "\\$1");
}
