import type { knowledgeExport as de } from "../de/knowledge-export";

/** English messages of the knowledge export. */
export const knowledgeExport = {
  "export.summary":
    "Export knowledge: solved questions and group results as Markdown and a searchable website",
  "export.usage": "export knowledge",
  "export.example": "export knowledge",
  "export.done":
    "Export done: {questions} solved questions, {results} results, {topics} topics. Website: {index} · Markdown: {dir}",
  "export.failed": "The export could not be written ({reason}). Nothing was changed.",
  "export.site.title": "Community knowledge",
  "export.site.intro": "Solved questions and working-group results, to read and search.",
  "export.site.search": "Search",
  "export.site.search_hint": "e.g. procurement, e-file, data protection",
  "export.site.no_hits": "No results.",
  "export.site.topics": "Topics",
  "export.site.all": "All entries",
  "export.site.no_topic": "No topic",
  "export.site.back": "Back to the overview",
  "export.site.answer": "Answer",
  "export.site.asked_by": "Asked by {who} on {date}",
  "export.site.answered_by": "Answer by {who}, solved on {date}",
  "export.site.result": "Working-group result",
  "export.site.result_link": "To the result",
  "export.site.closed": "Closed on {date}",
  "export.site.source": "To the conversation",
  "export.site.licence": "Licence: {licence}",
  "export.site.generated": "Created by copbot on {date}.",
  "export.site.topic_count": "{n} entries",
  "export.credit.former": "former member",
  "export.credit.anonymous": "a member",
} as const satisfies Record<keyof typeof de, string>;
