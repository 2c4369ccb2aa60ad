/** German messages of meetings and check-ins (keys prefixed `meeting.` / `checkin.`). */
export const meetings = {
  "meeting.error.time":
    "{understood}„{value}“ ist keine gültige Uhrzeit (00:00 bis 23:59). Beispiel: {example}",
  "meeting.error.titleLong": "Der Titel ist zu lang (höchstens {max} Zeichen). Beispiel: {example}",
  "meeting.error.weekday":
    "{understood}„{value}“ ist kein Wochentag (Montag bis Sonntag, kurz Mo bis So oder mon bis sun). Beispiel: {example}",
  "meeting.error.date":
    "{understood}„{value}“ ist kein gültiges Datum (z. B. 7.6.2027, 07.06., 2027-06-07, morgen, nächsten Montag). Beispiel: {example}",
  "meeting.error.past":
    "{understood}Das Datum {value} liegt in der Vergangenheit. Nimm heute oder ein späteres Datum. Beispiel: {example}",
  "meeting.error.cron":
    '{understood}„{value}“ ist kein gültiger Cron-Ausdruck (5 Felder: Minute Stunde Tag Monat Wochentag, z. B. cron "0 10 * * 1"). Beispiel: {example}',
  "meeting.error.interval":
    "{understood}„{value}“ verstehe ich nicht. Schreib die Zahl der Wochen als Ziffer, z. B. alle 2 Wochen Mo 10 Uhr oder jeden zweiten Montag 10 Uhr. Beispiel: {example}",
  "meeting.error.monthDay":
    "{understood}„{value}“ ist kein Tag im Monat (1 bis 31), z. B. monatlich am 15. 10 Uhr. Beispiel: {example}",
  "meeting.error.ordinal":
    "{understood}„{value}“ verstehe ich nicht: ersten, zweiten, dritten, vierten, letzten oder ein Tag (1–31), z. B. monatlich am ersten Dienstag 10 Uhr. Beispiel: {example}",
  "meeting.error.recurrence":
    "{understood}„{value}“ ist keine Wiederholung. Ich verstehe z. B. jeden Montag 10 Uhr, alle 2 Wochen Di 9:30, monatlich am ersten Dienstag 10 Uhr, monatlich am 15. 10 Uhr, werktags 9 Uhr, Mo und Do 14 Uhr oder cron. Beispiel: {example}",
  "meeting.error.titleEmpty":
    "Der Titel ist leer – schreib ihn in Anführungszeichen vor die Wiederholung. Beispiel: {example}",
  "meeting.error.title": "Es fehlt der Titel oder die Wiederholung. Beispiel: {example}",
  "meeting.error.channel": "Den Kanal „{value}“ finde ich nicht. Beispiel: {example}",
  "meeting.error.noChannel": "Sag mir, in welchem Kanal (in #kanal). Beispiel: {example}",
  "meeting.error.zone":
    "„{value}“ ist keine bekannte Zeitzone (IANA, z. B. Europe/Berlin). Beispiel: {example} tz Europe/Berlin",
  "meeting.error.duration":
    "„{value}“ ist keine gültige Dauer (z. B. 90m, 1h, 1h30m; höchstens 24h). Beispiel: {example} duration 90m",
  "meeting.error.remind":
    "„{value}“ sind keine gültigen Vorlaufzeiten (z. B. 1d,15m; höchstens 14d; ohne Erinnerung: none). Beispiel: {example} remind 1d,15m",
  "meeting.error.link":
    "„{value}“ ist kein gültiger Link (https://…; ohne Link: none). Beispiel: {example} link https://meet.example.org/cop",
  "meeting.error.holidays":
    "„{value}“ kenne ich nicht: DE oder ein Bundesland wie DE-BY, DE-NW, dann skip oder move; ohne Feiertage: none. Beispiel: {example} holidays DE-BY move",
  "meeting.error.questions":
    'Schreib 1 bis 10 Fragen, getrennt durch |, z. B. questions "Woran arbeitest du?|Wo brauchst du Hilfe?". Beispiel: {example}',
  "meeting.error.deadline":
    "„{value}“ ist keine gültige Frist für einen Check-in (z. B. 4h, höchstens 7d). Beispiel: {example} deadline 4h",
  "meeting.error.option":
    "„{value}“ kenne ich nicht. Möglich: in, tz, duration, remind, link, holidays, from, title (bei Check-ins: questions, deadline statt duration, remind, link). Beispiel: {example}",
  "meeting.error.noFuture": "Dieser Termin hat keine künftigen Termine mehr. Beispiel: {example}",
  "meeting.error.notFound":
    "Einen Termin oder Check-in mit der Nummer {id} gibt es nicht. Sieh mit {list} nach. Beispiel: {example}",
  "meeting.error.notOwner": "Nur Moderator:innen oder wer den Termin angelegt hat, dürfen ihn ändern.",
  "meeting.error.notOccurrence":
    "Am {date} findet „{title}“ nicht statt. Die nächsten Termine zeigt {preview}.",
  "meeting.reminder.header": "📅 {title}",
  "meeting.reminder.when": "Beginnt in {lead}:",
  "meeting.reminder.late": "⏰ Verspätet: copbot war offline; diese Erinnerung war für {due} geplant.",
  "meeting.reminder.moved": "Wegen {holiday} verschoben (eigentlich {original}).",
  "meeting.reminder.link": "Link:",
  "meeting.reminder.agenda": "Agenda",
  "meeting.reminder.counts": "Zusagen: {yes} · Vielleicht: {maybe} · Absagen: {no}",
  "meeting.dropped.holiday": "📅 „{title}“ am {when} entfällt ({holiday}).",
  "meeting.dropped.skipped": "📅 „{title}“ am {when} fällt aus.",
  "meeting.dropped.moved": "📅 „{title}“ am {when} ist wegen {holiday} verschoben auf {to}.",
  "meeting.dropped.next": "Nächster Termin: {when}",
  "meeting.missed": "⚠️ Die Erinnerung an „{title}“ am {when} habe ich verpasst, weil copbot offline war.",
  "meeting.missedMany":
    "⚠️ Während copbot offline war, habe ich die Erinnerungen an „{title}“ für {count} Termine verpasst, zuletzt am {last}. Ab dem nächsten Termin erinnere ich wieder wie gewohnt.",
  "meeting.rsvp.yes": "Zusage",
  "meeting.rsvp.maybe": "Vielleicht",
  "meeting.rsvp.no": "Absage",
  "meeting.rsvp.saved.yes": "Danke, du hast für „{title}“ zugesagt.",
  "meeting.rsvp.saved.maybe": "Notiert: vielleicht bei „{title}“.",
  "meeting.rsvp.withdrawn": "Deine Antwort für „{title}“ ist zurückgenommen.",
  "meeting.rsvp.saved.no": "Schade! Deine Absage für „{title}“ ist notiert.",
  "meeting.rsvp.gone": "Diesen Termin gibt es nicht mehr.",
  "meeting.add.summary": "Wiederkehrendes Treffen mit Erinnerungen anlegen",
  "meeting.add.usage":
    'meeting add "Titel" weekly|every N weeks|monthly|cron … HH:MM in #kanal [duration 90m] [tz Europe/Berlin] [remind 1d,15m] [link https://…] [holidays DE-BY skip|move] [from <Datum>] – auch deutsch: jeden Montag 10 Uhr, alle 2 Wochen Di 9:30, monatlich am ersten Mittwoch 9:30, werktags 9 Uhr',
  "meeting.add.example": 'meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein',
  "meeting.add.done": "Termin #{id} „{title}“ ist angelegt. Die nächsten Termine:",
  "meeting.add.hint": "Vorschau und Kalenderdatei:",
  "meeting.form.title": "Neuer Termin",
  "meeting.form.submit": "Anlegen",
  "meeting.field.title": "Titel",
  "meeting.field.titleHint": "So heißt der Termin in Erinnerungen und im Kalender, z. B. CoP-Treffen.",
  "meeting.field.channel": "Kanal",
  "meeting.field.channelHint": "Wo die Erinnerungen erscheinen, z. B. #allgemein.",
  "meeting.field.channelHintHere":
    "Wo die Erinnerungen erscheinen, z. B. #allgemein. Leer lassen für den Kanal, in dem du den Befehl geschrieben hast.",
  "meeting.field.rule": "Wiederholung und Uhrzeit",
  "meeting.field.ruleHint":
    "z. B. jeden Montag 10 Uhr · alle 2 Wochen Di 14 Uhr · monatlich am ersten Mittwoch 9:30 · werktags 9 Uhr · weekly mon 10:00",
  "meeting.field.options": "Weitere Angaben",
  "meeting.field.optionsHint":
    "Optional, z. B. duration 90m remind 1d,15m link https://… holidays DE-BY skip|move tz Europe/Berlin from 2027-01-04. Ohne Angabe: 60 Minuten, Erinnerung 1 Tag und 15 Minuten vorher.",
  "meeting.form.problem": "Der Termin ist noch nicht angelegt. Bitte korrigiere das Feld „{field}“:",
  "meeting.form.retry": "Formular neu öffnen mit {cmd} – oder korrigiert als eine Zeile schicken:",
  "meeting.preview.summary": "Die nächsten 5 Termine anzeigen",
  "meeting.preview.usage": "meeting preview <nr>",
  "meeting.preview.example": "meeting preview 1",
  "meeting.preview.header": "Nächste Termine von #{id} {title}",
  "meeting.preview.holiday": "entfällt ({holiday})",
  "meeting.preview.moved": "verschoben wegen {holiday}",
  "meeting.preview.skipped": "fällt aus",
  "meeting.preview.reminders": "Erinnerungen: {leads}",
  "meeting.list.summary": "Alle Termine anzeigen",
  "meeting.list.usage": "meeting list",
  "meeting.list.example": "meeting list",
  "meeting.list.header": "Termine",
  "meeting.list.empty": "Es gibt noch keine Termine. Leg einen an mit {prefix} meeting add.",
  "meeting.list.next": "nächster Termin: {when}",
  "meeting.list.paused": "pausiert",
  "meeting.pause.summary": "Erinnerungen eines Termins pausieren",
  "meeting.pause.usage": "meeting pause <nr>",
  "meeting.pause.example": "meeting pause 1",
  "meeting.pause.done": "#{id} „{title}“ ist pausiert. Weiter geht's mit {prefix} meeting resume {id}.",
  "meeting.resume.summary": "Pausierten Termin fortsetzen",
  "meeting.resume.usage": "meeting resume <nr>",
  "meeting.resume.example": "meeting resume 1",
  "meeting.resume.done": "#{id} „{title}“ läuft wieder.",
  "meeting.delete.summary": "Termin löschen",
  "meeting.delete.usage": "meeting delete <nr>",
  "meeting.delete.example": "meeting delete 1",
  "meeting.delete.done": "#{id} „{title}“ ist gelöscht; es kommen keine Erinnerungen mehr.",
  "meeting.skip.summary": "Einen einzelnen Termin ausfallen lassen",
  "meeting.skip.usage": "meeting skip <nr> <Datum>",
  "meeting.skip.example": "meeting skip 1 2027-03-15",
  "meeting.skip.note": "❌ „{title}“ am {when} fällt aus.",
  "meeting.skip.done": "„{title}“ am {when} fällt aus.",
  "meeting.edit.summary": "Termin ändern (Moderation oder wer ihn angelegt hat)",
  "meeting.edit.usage":
    'meeting edit <nr> [Wiederholung, z. B. jeden Dienstag 9:30, alle 3 Wochen, um 11 Uhr] [title "…"] [in #kanal] [tz …] [duration …] [remind …] [link …|none] [holidays …|none] [from …]',
  "meeting.edit.example": "meeting edit 1 weekly tue 09:30 link https://meet.example.org/cop",
  "meeting.edit.done": "#{id} „{title}“ ist geändert: {rule}",
  "meeting.ics.summary": "Kalenderdatei (.ics) eines Termins",
  "meeting.ics.usage": "meeting ics <nr>",
  "meeting.ics.example": "meeting ics 1",
  "meeting.ics.done":
    "Hier ist „{title}“ für deinen Kalender. Die Datei deckt das nächste Jahr ab (mit Feiertagen und ausgefallenen Terminen); danach lade sie einfach neu mit {cmd}.",
  "checkin.add.summary": "Asynchronen Check-in anlegen (Fragen per DM, Zusammenfassung im Kanal)",
  "checkin.add.usage":
    'checkin add "Titel" weekly fri 14:00 in #kanal questions "Frage 1|Frage 2" [deadline 4h] [tz …] [holidays …] [from …]',
  "checkin.add.example":
    'checkin add "Wochen-Check-in" weekly fri 14:00 in #team questions "Woran arbeitest du?|Wo brauchst du Hilfe?"',
  "checkin.add.done":
    "Check-in #{id} „{title}“ ist angelegt, und du bist dabei. Raus geht's mit {prefix} checkin leave {id}.",
  "checkin.announce":
    "Neuer Check-in „{title}“: Ab {when} frage ich alle Teilnehmenden per DM; antworten könnt ihr {deadline} lang, danach fasse ich hier zusammen.",
  "checkin.join.button": "Mitmachen",
  "checkin.join.summary": "Bei einem Check-in mitmachen",
  "checkin.join.usage": "checkin join <nr>",
  "checkin.join.example": "checkin join 1",
  "checkin.joined": "Du bist jetzt bei #{id} „{title}“ dabei. Die Fragen kommen per DM.",
  "checkin.alreadyIn": "Du bist bei #{id} „{title}“ schon dabei.",
  "checkin.leave.summary": "Einen Check-in verlassen",
  "checkin.leave.usage": "checkin leave <nr>",
  "checkin.leave.example": "checkin leave 1",
  "checkin.left": "Du bist bei #{id} „{title}“ raus.",
  "checkin.notIn": "Du warst bei #{id} „{title}“ nicht dabei.",
  "checkin.list.summary": "Alle Check-ins anzeigen",
  "checkin.list.usage": "checkin list",
  "checkin.list.example": "checkin list",
  "checkin.list.header": "Check-ins",
  "checkin.list.empty": "Es gibt noch keine Check-ins.",
  "checkin.list.people": "{n} dabei",
  "checkin.list.you": "du bist dabei",
  "checkin.delete.summary": "Check-in beenden (Moderation oder wer ihn angelegt hat)",
  "checkin.delete.usage": "checkin delete <nr>",
  "checkin.delete.example": "checkin delete 1",
  "checkin.delete.done": "Check-in #{id} „{title}“ ist beendet.",
  "checkin.prompt": "Zeit für „{title}“! Antworte einfach hier, bis {deadline}.",
  "checkin.prompt.late": "⏰ Etwas verspätet: copbot war offline.",
  "checkin.prompt.hint": "Mit „abbrechen“ hörst du auf; später geht's über den Knopf weiter.",
  "checkin.prompt.button": "Antworten",
  "checkin.question": "Frage {n}/{total}: {question}",
  "checkin.nudge": "Kurze Erinnerung: „{title}“ läuft noch bis {deadline}. Magst du noch antworten?",
  "checkin.thanks": "Danke! Deine Antworten kommen in die Zusammenfassung ({deadline}).",
  "checkin.closed": "Dieser Check-in nimmt gerade keine Antworten an.",
  "checkin.answer.invalid": "Schreib bitte eine Antwort mit höchstens {max} Zeichen.",
  "checkin.alreadyAnswered": "Du hast schon alle Fragen beantwortet. Danke!",
  "checkin.notParticipant": "Du bist bei diesem Check-in nicht dabei. Mitmachen: {prefix} checkin join {id}",
  "checkin.missed": "⚠️ Den Check-in „{title}“ am {when} habe ich verpasst, weil copbot offline war.",
  "checkin.missedMany":
    "⚠️ Während copbot offline war, habe ich {count} Runden des Check-ins „{title}“ verpasst, zuletzt am {last}. Ab der nächsten Runde frage ich wieder wie gewohnt.",
  "checkin.summary.header": "📝 {title} · {when}",
  "checkin.summary.late": "⏰ Verspätet: copbot war offline.",
  "checkin.summary.empty": "Diesmal hat niemand geantwortet.",
  "checkin.summary.silent.one": "{n} von {total} Teilnehmenden hat diesmal nicht geantwortet.",
  "checkin.summary.silent.other": "{n} von {total} Teilnehmenden haben diesmal nicht geantwortet.",
  "checkin.summary.ask": "Als Frage stellen ({name})",
  "checkin.ask.notAllowed": "Das kann nur, wer geantwortet hat, oder die Moderation.",
  "checkin.ask.already": "Diese Antwort ist schon als Frage #{id} gestellt.",
  "checkin.ask.done": "Erledigt: Die Frage steht jetzt im Kanal, und ich suche passende Expert:innen.",
  "checkin.gone": "Diesen Check-in gibt es nicht mehr.",
  "meeting.home.title": "Nächste Termine",
  "meeting.home.none": "Gerade sind keine Termine geplant.",
  "meeting.home.hint": "Alle Termine und Kalenderdatei:",
  "meeting.error.cronFrequent":
    '{understood}„{value}“ würde mehrmals am Tag auslösen. Termine und Check-ins gibt es höchstens einmal am Tag, z. B. cron "0 10 * * 1-5" (werktags 10:00). Beispiel: {example}',
  "meeting.error.noId":
    "Welcher Termin oder Check-in? Gib die Nummer an, z. B. {example}. Alle zeigt {list}.",
  "meeting.error.checkinOnly": "„{value}“ gibt es nur bei Check-ins. Beispiel: {example}",
  "checkin.error.notOwner": "Diesen Check-in dürfen nur Moderator:innen oder wer ihn angelegt hat beenden.",
  "checkin.error.meetingOnly":
    "„{value}“ gibt es nur bei Terminen, nicht bei Check-ins: Check-ins fragen per DM und haben eine Frist (deadline). Beispiel: {example}",
  "checkin.error.noQuestions":
    'Es fehlen die Fragen, z. B. questions "Woran arbeitest du?|Wo brauchst du Hilfe?" (1 bis 10, getrennt durch |). Beispiel: {example}',
  "checkin.error.deadlineOverlap":
    "Die Frist {deadline} ist nicht kürzer als der Abstand zwischen zwei Runden ({gap}); dann würden sich die Runden überschneiden. Nimm eine kürzere Frist. Beispiel: {example}",
  "meeting.edit.nothing": "Du hast nichts angegeben, was sich ändern soll. Beispiel: {example}",
  "meeting.edit.unchanged": "#{id} „{title}“ ist schon so eingestellt; ich habe nichts geändert.",
  "meeting.pause.already":
    "#{id} „{title}“ ist schon pausiert. Weiter geht's mit {prefix} meeting resume {id}.",
  "meeting.resume.already": "#{id} „{title}“ läuft schon; es gibt nichts fortzusetzen.",
  "meeting.reminder.now": "Beginnt gleich:",
  "meeting.preview.weekend": "Wochenende",
  "checkin.closedRound":
    "Die Runde von „{title}“ ist schon zusammengefasst; deine Nachricht „{text}“ kommt nicht mehr hinein. Die nächste Runde startet {next}.",
  "checkin.closedRoundLast":
    "Die Runde von „{title}“ ist schon zusammengefasst; deine Nachricht „{text}“ kommt nicht mehr hinein.",
} as const;
