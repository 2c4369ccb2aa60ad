/** German messages of introductions across organisations (keys prefixed `intros.`). */
export const intros = {
  "intros.join.summary": "Bei „Kontakte knüpfen“ mitmachen: Vorstellungen über Organisationsgrenzen",
  "intros.join.usage": "intros join [Themen …]",
  "intros.join.example": "intros join E-Akte Vergaberecht",
  "intros.leave.summary": "Bei „Kontakte knüpfen“ aufhören",
  "intros.leave.usage": "intros leave",
  "intros.leave.example": "intros leave",
  "intros.pause.summary": "„Kontakte knüpfen“ bis zu einem Datum pausieren",
  "intros.pause.usage": "intros pause until <Datum>",
  "intros.pause.example": "intros pause until 2027-01-11",
  "intros.schedule.summary": "Wann Vorstellungsrunden stattfinden (alle N Wochen, Wochentag, Uhrzeit)",
  "intros.schedule.usage": "intros schedule every <N> weeks <Wochentag> [HH:MM]",
  "intros.schedule.example": "intros schedule every 2 weeks mon 09:00",
  "intros.stats.summary": "Wie viele mitmachen und wie viele Vorgestellte sich getroffen haben",
  "intros.stats.usage": "intros stats",
  "intros.stats.example": "intros stats",
  "intros.join.done":
    "Du bist dabei! Ab der nächsten Runde ({date}) stelle ich dich jemandem aus einer anderen Organisation vor, der sich auch für {topics} interessiert. Pausieren: `{prefix} intros pause until <Datum>`, aufhören: `{prefix} intros leave`.",
  "intros.join.no_org":
    'Für Vorstellungen über Organisationsgrenzen brauche ich deine Organisation: `{prefix} profile org "…"`. Danach noch einmal `{prefix} intros join …`.',
  "intros.join.no_topics":
    "Nenne mindestens ein Thema, über das du sprechen möchtest, z. B. `{prefix} intros join E-Akte Vergaberecht` – oder trag dich als Expert:in ein (`{prefix} expert add …`).",
  "intros.join.too_many": "Bitte höchstens {max} Themen, jeweils bis 60 Zeichen.",
  "intros.leave.done":
    "Du bist bei „Kontakte knüpfen“ ausgestiegen. Wieder mitmachen: `{prefix} intros join`.",
  "intros.not_in":
    "Du machst bei „Kontakte knüpfen“ noch nicht mit. Mitmachen: `{prefix} intros join <Themen>`.",
  "intros.pause.done": "Pausiert bis {date}. Danach bist du automatisch wieder dabei.",
  "intros.err.date": "„{text}“ ist kein Datum, das ich verstehe. Beispiele: 2027-01-11, 11.1.2027 oder 11.1.",
  "intros.err.date_past":
    "Der {date} liegt nicht in der Zukunft. Nenne den Tag, ab dem du wieder dabei sein willst.",
  "intros.err.date_far": "Höchstens {days} Tage im Voraus – für länger: `{prefix} intros leave`.",
  "intros.err.schedule":
    "Das verstehe ich nicht. Schreib z. B. `every 2 weeks mon 09:00` (alle 1 bis 12 Wochen, Wochentag mon–sun, Uhrzeit optional).",
  "intros.schedule.done": "Vorstellungsrunden: {rule}. Nächste Runde: {date}.",
  "intros.stats.title": "Kontakte knüpfen",
  "intros.stats.opted_in": "Dabei: {n} (davon {paused} pausiert oder abwesend)",
  "intros.stats.rounds": "Runden: {rounds} · Vorstellungen: {matches}",
  "intros.stats.met": "Getroffen: {met} von {asked} nachgefragten Vorstellungen ({share})",
  "intros.stats.met_none": "Getroffen: noch keine Rückfrage verschickt",
  "intros.stats.next": "Nächste Runde: {date} · {rule}",
  "intros.intro.hello": "👋 Darf ich vorstellen?",
  "intros.intro.hello_dm": "👋 Ich möchte dich jemandem aus einer anderen Organisation vorstellen:",
  "intros.intro.why": "Warum ihr? Ihr interessiert euch alle für {topics}.",
  "intros.intro.starter": "Gesprächsanstoß: {starter}",
  "intros.intro.plan":
    "Verabredet euch doch auf 30 Minuten in den nächsten Tagen. In einer Woche frage ich kurz nach, ob es geklappt hat.",
  "intros.intro.plan_dm":
    "Schreib einfach direkt – eine Nachricht mit Terminvorschlag genügt. In einer Woche frage ich kurz nach, ob es geklappt hat.",
  "intros.intro.room": "Kontakt: {names}",
  "intros.intro.topic": "Vorstellung durch copbot – Kontakte knüpfen",
  "intros.starter.1": "Wie geht ihr in euren Häusern mit {topic} um – was hat sich bewährt?",
  "intros.starter.2": "Welche Frage zu {topic} beschäftigt euch gerade am meisten?",
  "intros.starter.3": "Was würdet ihr bei {topic} heute anders machen als beim ersten Mal?",
  "intros.starter.4": "Welche Unterlage zu {topic} hat euch zuletzt wirklich geholfen?",
  "intros.unmatched":
    "In dieser Runde habe ich niemanden aus einer anderen Organisation mit passenden Themen für dich gefunden. Nächste Runde: {date}. Mehr Themen erhöhen die Chancen: `{prefix} intros join <Themen>`.",
  "intros.followup.ask":
    "Vor einer Woche habe ich dich mit {names} bekannt gemacht. Habt ihr euch getroffen?",
  "intros.button.met": "Ja, getroffen",
  "intros.button.not_yet": "Noch nicht",
  "intros.followup.met": "Schön, danke für die Rückmeldung!",
  "intros.followup.not_yet": "Kein Problem – vielleicht klappt es ja noch. Danke für die Rückmeldung!",
  "intros.followup.not_yours": "Diese Rückfrage gehört zu einer anderen Vorstellung.",
  "intros.home.in": "Kontakte knüpfen: dabei mit {topics}",
  "intros.home.paused": "Kontakte knüpfen: pausiert bis {date}",
  "intros.home.out": "Kontakte knüpfen: nicht dabei",
} as const;
