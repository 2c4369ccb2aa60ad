/** German messages of the groups feature (keys prefixed `group.`). */
export const groups = {
  "group.cmd.propose.summary": "Eine Arbeitsgruppe vorschlagen (geführt oder in einer Zeile)",
  "group.cmd.propose.usage":
    'group propose [title="…" problem="…" deliverable=Leitfaden due=JJJJ-MM-TT size=3-6 topics="…" facilitator=@name]',
  "group.cmd.join.summary": "Einer Arbeitsgruppe beitreten",
  "group.cmd.join.usage": "group join <Nr>",
  "group.cmd.join.example": "group join 3",
  "group.cmd.leave.summary": "Eine Arbeitsgruppe verlassen",
  "group.cmd.leave.usage": "group leave <Nr>",
  "group.cmd.leave.example": "group leave 3",
  "group.cmd.confirm.summary": "Gruppe starten, sobald genug mitmachen (Moderation)",
  "group.cmd.confirm.usage": "group confirm [Nr]",
  "group.cmd.confirm.example": "group confirm 3",
  "group.cmd.status.summary": "Den Status der Gruppe in einer Zeile festhalten",
  "group.cmd.status.usage": "group status [#Nr] <Text>",
  "group.cmd.status.example": "group status Gliederung steht, Kapitel 2 in Arbeit",
  "group.cmd.milestone.summary": "Meilensteine anlegen, abhaken und anzeigen",
  "group.cmd.milestone.usage":
    "group milestone add [#Nr] <Datum> <Titel> | done [#Nr] <Meilenstein-Nr> | list [#Nr]",
  "group.cmd.milestone.example": "group milestone add 2027-01-15 Gliederung abgestimmt",
  "group.cmd.extend.summary": "Fälligkeit verschieben, mit Begründung (Moderation)",
  "group.cmd.extend.usage": "group extend [#Nr] <Datum> <Begründung>",
  "group.cmd.extend.example": "group extend 2027-03-01 Abstimmung mit dem Datenschutz dauert länger",
  "group.cmd.facilitator.summary": "Die Moderation einer Gruppe weitergeben (Moderation)",
  "group.cmd.facilitator.usage": "group facilitator [#Nr] @name",
  "group.cmd.facilitator.example": "group facilitator 3 @ben",
  "group.cmd.time.summary": "Aufgewendete Zeit erfassen",
  "group.cmd.time.usage": "group time [#Nr] <2h|90m|1,5h> [Notiz]",
  "group.cmd.time.example": "group time 1,5h Kapitel 2 überarbeitet",
  "group.cmd.close.summary": "Gruppe mit Ergebnis-Link abschließen (Moderation)",
  "group.cmd.close.usage": "group close [#Nr] <Ergebnis-Link> [Zusammenfassung]",
  "group.cmd.close.example":
    "group close https://wiki.example.org/leitfaden-e-akte Leitfaden mit 12 Schritten und Checkliste",
  "group.cmd.list.summary": "Offene und laufende Arbeitsgruppen anzeigen",
  "group.cmd.list.usage": "group list",
  "group.cmd.list.example": "group list",
  "group.cmd.reopen.summary": "Einen abgelaufenen Vorschlag neu öffnen (Moderation)",
  "group.cmd.reopen.usage": "group reopen <Nr> [neues Fälligkeitsdatum]",
  "group.cmd.reopen.example": "group reopen 3 2027-03-15",
  "group.cmd.confirmation.summary": "Teilnahmebestätigung einer abgeschlossenen Gruppe holen",
  "group.cmd.confirmation.usage": "group confirmation <Nr>",
  "group.cmd.confirmation.example": "group confirmation 3",
  "group.cmd.invitations.summary": "Einladungen zu passenden neuen Gruppen an- oder abschalten",
  "group.cmd.invitations.usage": "group invitations on|off",
  "group.cmd.invitations.example": "group invitations on",

  "group.deliverable.leitfaden": "Leitfaden",
  "group.deliverable.konzept": "Konzept",
  "group.deliverable.positionspapier": "Positionspapier",
  "group.deliverable.checkliste": "Checkliste",
  "group.deliverable.vorlage": "Vorlage",
  "group.deliverable.other": "Sonstiges Ergebnis",

  "group.check.intro.one": "Fast geschafft – eine Sache fehlt noch:",
  "group.check.intro.other": "Damit die Gruppe gelingt, fehlt noch etwas:",
  "group.check.title": "Gib der Gruppe einen kurzen Titel, damit alle wissen, worum es geht.",
  "group.check.titleShort":
    "Der Titel „{title}“ ist zu kurz – nimm mindestens {min} Zeichen, damit alle wissen, worum es geht.",
  "group.check.titleLong": "Halte den Titel kurz (höchstens {max} Zeichen).",
  "group.check.problemMissing":
    "Beschreib das konkrete Praxisproblem, das die Gruppe lösen soll – ohne klares Problem verläuft sich die Arbeit.",
  "group.check.problemVague":
    "Das Praxisproblem ist noch zu vage: Beschreib in ein, zwei Sätzen, wo es im Alltag konkret hakt und wen es betrifft.",
  "group.check.deliverable":
    "Wähl ein greifbares Ergebnis: Leitfaden, Konzept, Positionspapier, Checkliste, Vorlage oder Sonstiges.",
  "group.check.dueMissing":
    "Leg ein Fälligkeitsdatum fest ({min} bis {max} Wochen ab heute), damit die Gruppe ein klares Ziel hat.",
  "group.check.dueInvalid":
    "Das Fälligkeitsdatum verstehe ich nicht – schreib es z. B. als 15.02.2027, 2027-02-15, 15.02. oder in 8 Wochen.",
  "group.check.duePast":
    "Das Fälligkeitsdatum liegt in der Vergangenheit – wähl einen Tag in {min} bis {max} Wochen.",
  "group.check.dueSoon":
    "Das ist zu knapp: Plane mindestens {min} Wochen ein, damit neben dem Tagesgeschäft Zeit bleibt.",
  "group.check.dueFar": "Das ist zu weit weg: Höchstens {max} Wochen halten die Gruppe fokussiert.",
  "group.check.size":
    "Kleine Gruppen liefern: Die Größe muss zwischen {min} und {max} Personen liegen (z. B. 3-6).",
  "group.check.topics": "Nenn höchstens {max} Themen, damit die passenden Leute gefunden werden.",
  "group.check.facilitator": "Wer moderiert? Nenn eine Person mit @name – ohne Moderation geht es nicht.",
  "group.check.facilitatorUnknown":
    "{name} kenne ich nicht – nenn eine Person, die hier mitliest, z. B. @anna.",
  "group.check.again": "Versuch es nochmal, z. B.:",
  "group.check.dialogAgain": "Starte den Vorschlag mit {prefix} group propose noch einmal.",

  "group.form.title": "Gruppe vorschlagen",
  "group.form.submit": "Vorschlagen",
  "group.form.unknownField":
    "Das Feld „{field}“ kenne ich nicht. Möglich sind title, problem, deliverable, due, size, topics und facilitator. Gehört das „=“ zum Text, setz den Text in Anführungszeichen.",
  "group.form.unnamed": "Ich weiß nicht, zu welchem Feld „{text}“ gehört – schreib die Felder als name=Wert.",
  "group.form.duplicateField":
    "Das Feld „{field}“ steht doppelt da (zuerst als „{earlier}“) – nenn jedes Feld nur einmal, sonst weiß ich nicht, welcher Wert gilt.",
  "group.form.failed":
    "Ich konnte den Gruppenraum für „{title}“ gerade nicht anlegen. Versuch es gleich noch einmal mit {prefix} group confirm {id}.",
  "group.field.title": "Titel",
  "group.field.problem": "Konkretes Praxisproblem",
  "group.field.problemHint": "Wo hakt es im Alltag, und wen betrifft es?",
  "group.field.deliverable": "Ergebnis",
  "group.field.due": "Fällig am",
  "group.field.dueHint": "2 bis 12 Wochen ab heute",
  "group.field.size": "Gruppengröße",
  "group.field.topics": "Themen",
  "group.field.topicsHint": "Kommagetrennt, z. B. E-Akte, Archiv",
  "group.field.facilitator": "Moderation",
  "group.field.facilitatorHint": "@name – leer lassen, wenn du selbst moderierst",

  "group.dialog.intro":
    "Super, lass uns deine Arbeitsgruppe aufsetzen! Ich stelle dir ein paar kurze Fragen. Der Aufruf geht danach in",
  "group.dialog.cancelHint": "Mit „abbrechen“ hörst du jederzeit auf.",
  "group.dialog.movedToDm":
    "Ich habe dir eine Direktnachricht geschickt – dort richten wir die Gruppe Schritt für Schritt ein.",
  "group.dialog.lost":
    "Da ist etwas durcheinandergeraten. Starte den Vorschlag bitte mit {prefix} group propose neu.",
  "group.dialog.ask.title": "Wie soll die Gruppe heißen?",
  "group.dialog.ask.problem": "Welches konkrete Praxisproblem soll sie lösen? Ein, zwei Sätze reichen.",
  "group.dialog.problemDefault": "Mit „-“ übernimmst du: {text}",
  "group.dialog.ask.deliverable":
    "Was soll am Ende herauskommen? Leitfaden, Konzept, Positionspapier, Checkliste, Vorlage oder Sonstiges?",
  "group.dialog.ask.due": "Bis wann? Ein Datum in 2 bis 12 Wochen, z. B. 15.02.2027.",
  "group.dialog.ask.size": "Wie groß soll die Gruppe sein? Zum Beispiel 3-6 (mit „-“ übernimmst du 3-6).",
  "group.dialog.ask.topics": "Welche Themen? Kommagetrennt – oder „-“, wenn du keine nennen willst.",
  "group.dialog.ask.facilitator": "Wer moderiert? @name – oder „ich“.",
  "group.propose.inChannel":
    "Schlag die Gruppe bitte im Community-Kanal vor, in dem Mitstreiter:innen gesucht werden sollen.",
  "group.cmd.propose.example":
    'group propose title="Leitfaden E-Akte-Migration" problem="Wir migrieren Altakten in die E-Akte und jede Behörde erfindet das Vorgehen neu" deliverable=Leitfaden due=2027-02-15 size=3-6 topics="E-Akte, Archiv"',
  "group.proposed": "Danke! Dein Vorschlag #{id} „{title}“ steht. Der Aufruf läuft in",
  "group.proposed.invited.one":
    "Ich habe eine passende Expertin oder einen passenden Experten persönlich eingeladen.",
  "group.proposed.invited.other": "Ich habe {n} passende Expert:innen persönlich eingeladen.",

  "group.call.header": "Neue Arbeitsgruppe #{id}: {title}",
  "group.call.intro": "sucht Mitstreiter:innen. Ergebnis: {deliverable}, fällig am {due}.",
  "group.call.topics": "Themen:",
  "group.call.counts": "{seated} dabei (mind. {min}, höchstens {max}), {waiting} auf der Warteliste",
  "group.call.deadline": "Anmeldung bis {deadline}",
  "group.call.state.proposed": "Anmeldung offen",
  "group.call.state.forming": "Gruppe wird eingerichtet",
  "group.call.state.running": "Gruppe ist gestartet",
  "group.call.state.expired": "Anmeldung abgelaufen",
  "group.call.state.closed": "Gruppe ist abgeschlossen",
  "group.button.join": "Mitmachen",
  "group.button.leave": "Austreten",
  "group.button.start": "Gruppe starten",
  "group.button.offer": "Als Arbeitsgruppe vorschlagen",
  "group.button.confirmation": "Teilnahmebestätigung",
  "group.button.decline": "Ablehnen",
  "group.invite.intro": "Hallo! Zur neuen Arbeitsgruppe „{title}“ passt deine Expertise. Moderation:",
  "group.invite.why": "Warum du:",
  "group.invite.facts": "Ergebnis: {deliverable} · fällig am {due} · Anmeldung bis {deadline}",

  "group.join.joined": "Du bist bei „{title}“ dabei! Sobald genug mitmachen, startet die Gruppe.",
  "group.join.joinedRunning": "Du bist bei „{title}“ dabei – ich lade dich in den Gruppenraum ein.",
  "group.join.waiting": "„{title}“ ist voll – du stehst auf Platz {position} der Warteliste.",
  "group.join.waitingRunning":
    "„{title}“ arbeitet schon und ist voll – du stehst auf Platz {position} der Warteliste und rückst nach, sobald ein Platz frei wird.",
  "group.join.forming": "„{title}“ startet gerade – versuch es gleich noch einmal.",
  "group.join.otherPlatform":
    "„{title}“ arbeitet in einem Raum auf einer anderen Plattform – dorthin kann ich dich nicht einladen. Mach dort mit, wo die Gruppe vorgeschlagen wurde.",
  "group.join.already": "Du bist bei #{id} „{title}“ schon dabei.",
  "group.join.promoted": "Ein Platz ist frei geworden: Du bist jetzt bei „{title}“ dabei!",
  "group.join.inviteFailed":
    "Ich konnte dich nicht in den Raum von „{title}“ einladen – die Moderation kann dich hinzufügen.",
  "group.leave.done": "Du bist bei „{title}“ ausgetreten.",
  "group.leave.notMember": "Du bist bei „{title}“ nicht dabei.",
  "group.waiting.started":
    "„{title}“ (#{id}) ist mit voller Besetzung gestartet. Du bleibst auf Platz {position} der Warteliste und rückst nach, sobald ein Platz frei wird.",
  "group.waiting.closed":
    "„{title}“ ist abgeschlossen – ein Platz wird dort nicht mehr frei. Danke für dein Interesse! Hier ist das Ergebnis:",
  "group.facilitator.usage": "Nenn die Person, die moderieren soll, z. B. {prefix} group facilitator 3 @ben",
  "group.facilitator.already": "Diese Person moderiert „{title}“ bereits.",
  "group.facilitator.otherPlatform":
    "Die Moderation von „{title}“ muss auf derselben Plattform sein wie die Gruppe.",
  "group.facilitator.full":
    "„{title}“ ist voll ({max} Plätze) – die neue Moderation muss schon Mitglied sein oder einen freien Platz haben.",
  "group.facilitator.done": "Die Moderation von „{title}“ liegt jetzt bei",
  "group.facilitator.youNow": "Du moderierst jetzt die Arbeitsgruppe #{id} „{title}“ – danke! Übergeben von",
  "group.decline.notYou": "Du moderierst „{title}“ nicht (mehr) – da gibt es nichts abzulehnen.",
  "group.decline.own":
    "Du hast „{title}“ selbst vorgeschlagen. Gib die Moderation mit {prefix} group facilitator {id} @name weiter.",
  "group.decline.done":
    "Alles klar – du moderierst „{title}“ nicht und bist nicht mehr in der Gruppe (mitmachen: {prefix} group join {id}). Die Moderation liegt wieder bei",
  "group.decline.doneMember":
    "Alles klar – du moderierst „{title}“ nicht mehr, bleibst aber Mitglied. Die Moderation liegt wieder bei",
  "group.decline.previousLeft":
    "hat dir die Moderation von „{title}“ übergeben, ist aber nicht mehr in der Gruppe. Gib sie mit {prefix} group facilitator {id} @name an jemanden weiter, der mitmacht.",
  "group.decline.back":
    "hat die Moderation von #{id} „{title}“ abgelehnt – du moderierst jetzt selbst. Weitergeben kannst du sie mit {prefix} group facilitator {id} @name.",
  "group.leave.facilitator":
    "Du moderierst „{title}“ und kannst deshalb nicht austreten – gib die Moderation zuerst weiter: {prefix} group facilitator {id} @name",
  "group.facilitatorNamed":
    "Du moderierst die vorgeschlagene Arbeitsgruppe #{id} „{title}“ – danke! Mit {prefix} group confirm {id} startest du sie, sobald genug dabei sind. Vorgeschlagen von",
  "group.minReached":
    "„{title}“ hat die Mindestgröße von {min} erreicht! Willst du jetzt starten? (oder {prefix} group confirm {id})",
  "group.start.tooFew":
    "„{title}“ hat erst {seated} von mindestens {min} Personen – warte noch auf weitere Anmeldungen.",
  "group.start.done": "„{title}“ ist gestartet:",
  "group.started": "Die Arbeitsgruppe „{title}“ startet mit {count} Personen. Viel Erfolg! Moderation:",
  "group.expired":
    "Die Arbeitsgruppe „{title}“ kommt diesmal leider nicht zustande: {seated} von mindestens {min} Anmeldungen. Die Moderation kann sie mit {prefix} group reopen {id} erneut öffnen.",
  "group.welcome": "Willkommen in der Gruppe!",

  "group.charter.header": "Charta: {title}",
  "group.charter.goal": "Ziel:",
  "group.charter.goalText": "Wir erarbeiten gemeinsam „{title}“ ({deliverable}).",
  "group.charter.problem": "Praxisproblem:",
  "group.charter.deliverable": "Ergebnis:",
  "group.charter.due": "Fällig am:",
  "group.charter.roles": "Rollen:",
  "group.charter.facilitator": "Moderation",
  "group.charter.members": "Mitglieder",
  "group.charter.agreements": "Arbeitsvereinbarungen:",
  "group.charter.rule.checkin":
    "Jeden Montag fragt copbot kurz nach dem Stand – antworten dauert zwei Minuten.",
  "group.charter.rule.status":
    "Die Moderation hält den Status aktuell ({prefix} group status …); ihn sehen nur die Gruppe und die Moderation.",
  "group.charter.rule.milestones":
    "Meilensteine planen wir mit {prefix} group milestone add – copbot erinnert rechtzeitig.",
  "group.charter.rule.time":
    "Erfasst eure Zeit mit {prefix} group time 2h – das hilft im Gespräch mit eurem Arbeitgeber.",
  "group.charter.rule.close":
    "Wir schließen mit einem Ergebnis-Link ab ({prefix} group close <Link>) und teilen es mit der Community.",

  "group.checkin.title": "Status: {title}",
  "group.checkin.q.done": "Was hast du diese Woche für die Gruppe geschafft?",
  "group.checkin.q.next": "Was steht als Nächstes an?",
  "group.checkin.q.blocked": "Wo hängst du fest oder brauchst Hilfe?",

  "group.status.saved": "Status von „{title}“ gespeichert.",
  "group.status.current": "Status von „{title}“: {status}",
  "group.status.posted": "Neuer Status von",
  "group.status.tooLong": "Halte den Status kurz (höchstens {max} Zeichen).",
  "group.agenda.noStatus": "noch kein Status",
  "group.agenda.due": "fällig am {due}",

  "group.milestone.usage":
    "So geht’s: {prefix} group milestone add 2027-01-15 Gliederung steht · {prefix} group milestone done 2 · {prefix} group milestone list",
  "group.milestone.added": "Meilenstein #{id} „{title}“ am {due} angelegt – ich erinnere am Vortag.",
  "group.milestone.past": "Dieses Datum liegt in der Vergangenheit – wähl einen Tag ab heute.",
  "group.milestone.afterDue":
    "Der Meilenstein liegt nach der Fälligkeit der Gruppe ({due}) – wähl einen früheren Tag.",
  "group.milestone.tooLong": "Halte den Meilenstein kurz (höchstens {max} Zeichen).",
  "group.milestone.unknown":
    "Den Meilenstein „{text}“ finde ich nicht – {prefix} group milestone list zeigt die Nummern.",
  "group.milestone.alreadyDone": "„{title}“ ist schon erledigt.",
  "group.milestone.done": "Meilenstein „{title}“ erledigt – stark!",
  "group.milestone.none": "„{title}“ hat noch keine Meilensteine.",
  "group.milestone.listTitle": "Meilensteine von „{title}“:",
  "group.remind.milestone": "Erinnerung: Morgen ({due}) ist der Meilenstein #{id} „{title}“ fällig.",
  "group.remind.milestoneSoon": "Erinnerung: Am {due} ist der Meilenstein #{id} „{title}“ fällig.",
  "group.remind.due": "Erinnerung: „{title}“ ist in {days} Tagen fällig ({due}).",
  "group.remind.dueTomorrow":
    "Erinnerung: „{title}“ ist morgen fällig ({due}). Schließt mit {prefix} group close <Link> ab, sobald das Ergebnis steht.",

  "group.extend.done": "Die Fälligkeit von „{title}“ ist jetzt der {due}. Begründung: {reason}",
  "group.extend.notLater": "Das neue Datum muss nach der bisherigen Fälligkeit ({due}) liegen.",
  "group.extend.reason":
    "Bitte nenn eine kurze Begründung, z. B. {prefix} group extend 2027-03-01 Abstimmung mit dem Datenschutz dauert länger.",
  "group.extend.past":
    "Das Datum liegt in der Vergangenheit – wähl einen Tag nach der bisherigen Fälligkeit ({due}), höchstens {max} Wochen ab heute.",
  "group.extend.dateMissing":
    "Nenn das neue Fälligkeitsdatum und eine Begründung, z. B. {prefix} group extend 2027-03-01 Abstimmung mit dem Datenschutz dauert länger.",

  "group.time.invalid":
    "„{text}“ verstehe ich nicht als Zeit – schreib z. B. 2h, 90m oder 1,5h (höchstens 12 Stunden am Stück).",
  "group.time.missing":
    "Wie viel Zeit möchtest du erfassen? Schreib z. B. {prefix} group time 2h oder {prefix} group time 90m Kapitel 2.",
  "group.time.tooLate":
    "„{title}“ ist seit mehr als {days} Tagen abgeschlossen – Zeit kann ich dafür nicht mehr erfassen.",
  "group.time.logged": "{time} für „{title}“ erfasst. Insgesamt: {total}.",

  "group.close.noLink":
    "Zum Abschließen brauche ich einen Link zum Ergebnis, z. B. {prefix} group close https://wiki.example.org/leitfaden.",
  "group.close.notLink":
    "„{text}“ ist kein Link, den alle öffnen können – ein Ergebnis-Link beginnt mit https:// oder http://, z. B. https://wiki/leitfaden.",
  "group.close.done": "„{title}“ ist abgeschlossen – danke für eure Arbeit!",
  "group.closed.announce": "Ergebnis der Arbeitsgruppe „{title}“ ({deliverable}):",
  "group.closed.summary": "Zusammenfassung:",
  "group.closed.thanks": "Danke an",
  "group.closed.offer":
    "„{title}“ ist abgeschlossen – danke fürs Mitmachen! Möchtest du eine Teilnahmebestätigung für deinen Arbeitgeber?",

  "group.confirm.header": "Teilnahmebestätigung",
  "group.confirm.intro": "{name} hat in der Arbeitsgruppe „{title}“ der Community of Practice mitgewirkt.",
  "group.confirm.group": "Gruppe:",
  "group.confirm.topic": "Thema:",
  "group.confirm.period": "Zeitraum:",
  "group.confirm.leftEarly": "vorzeitig ausgetreten",
  "group.confirm.role": "Rolle:",
  "group.confirm.time": "Erfasste Zeit:",
  "group.confirm.noTime": "keine Zeit erfasst",
  "group.confirm.result": "Ergebnis:",
  "group.confirm.footer": "Erstellt von copbot für die Community of Practice.",
  "group.confirm.fileName": "teilnahmebestaetigung-gruppe",
  "group.confirmation.notClosed": "Bestätigungen gibt es, sobald „{title}“ abgeschlossen ist.",
  "group.confirmation.notMember":
    "Du warst bei „{title}“ nicht dabei – daher kann ich dir keine Bestätigung ausstellen.",
  "group.confirmation.sent": "Ich habe dir die Teilnahmebestätigung per Direktnachricht geschickt.",
  "group.role.facilitator": "Moderation",
  "group.role.member": "Mitglied",

  "group.list.title": "Arbeitsgruppen:",
  "group.list.none":
    "Gerade gibt es keine offenen oder laufenden Arbeitsgruppen. Schlag eine vor: {prefix} group propose",
  "group.list.line": "#{id} {title} · {state} · {seated}/{max} dabei · fällig am {due}",
  "group.state.proposed": "sucht Mitglieder",
  "group.state.forming": "wird eingerichtet",
  "group.state.running": "läuft",
  "group.state.expired": "abgelaufen",
  "group.state.closed": "abgeschlossen",

  "group.reopen.done": "Vorschlag #{id} „{title}“ ist wieder offen – der Aufruf läuft eine weitere Woche.",
  "group.reopen.newDue":
    "Die bisherige Fälligkeit passt nicht mehr – nenn ein neues Datum: {prefix} group reopen {id} 2027-03-15",

  "group.offer.text":
    "Das klingt nach einem gemeinsamen Ergebnis! Soll ich daraus einen Vorschlag für eine kleine Arbeitsgruppe machen?",
  "group.offer.gone": "Dieses Angebot gibt es nicht mehr – starte mit {prefix} group propose.",

  "group.invitations.on":
    "Alles klar: Ich lade dich zu neuen Arbeitsgruppen ein, die zu deiner Expertise passen.",
  "group.invitations.off": "Alles klar: Keine Einladungen zu Arbeitsgruppen mehr.",
  "group.invitations.usage": "Schreib on oder off.",

  "group.err.unknown": "Eine Arbeitsgruppe #{id} gibt es nicht – {prefix} group list zeigt alle.",
  "group.err.idExpected": "Gib die Nummer der Gruppe an, z. B. 3 oder #3.",
  "group.err.noGroup": "Du bist in keiner aktiven Arbeitsgruppe – nenn die Nummer, z. B. #3.",
  "group.err.whichGroup": "Du bist in mehreren Gruppen ({ids}) – stell die Nummer voran, z. B. #3.",
  "group.err.manage": "Das dürfen nur die Moderation der Gruppe #{id} und Community-Moderator:innen.",
  "group.err.notMember": "Du bist nicht Mitglied von #{id} „{title}“.",
  "group.err.state.proposed": "#{id} „{title}“ sucht noch Mitglieder und ist noch nicht gestartet.",
  "group.err.state.forming": "#{id} „{title}“ wird gerade eingerichtet – einen Moment bitte.",
  "group.err.state.running": "#{id} „{title}“ läuft bereits.",
  "group.err.state.expired":
    "#{id} „{title}“ ist abgelaufen – die Moderation kann sie mit {prefix} group reopen {id} neu öffnen.",
  "group.err.state.closed": "#{id} „{title}“ ist bereits abgeschlossen.",
  "group.home.title": "Meine Arbeitsgruppen",
  "group.home.none": "Du bist gerade in keiner Arbeitsgruppe.",
  "group.home.hint": "Alle Gruppen und eine eigene vorschlagen:",
  "group.home.invitationsOn": "Einladungen zu passenden Arbeitsgruppen: an",
  "group.home.invitationsOff": "Einladungen zu passenden Arbeitsgruppen: aus",
} as const;
