import type { groups as de } from "../de/groups";

/** English messages of the groups feature; must have exactly the German keys. */
export const groups = {
  "group.cmd.propose.summary": "Propose a working group (guided or in one line)",
  "group.cmd.propose.usage":
    'group propose [title="…" problem="…" deliverable=guide due=YYYY-MM-DD size=3-6 topics="…" facilitator=@name]',
  "group.cmd.join.summary": "Join a working group",
  "group.cmd.join.usage": "group join <no>",
  "group.cmd.join.example": "group join 3",
  "group.cmd.leave.summary": "Leave a working group",
  "group.cmd.leave.usage": "group leave <no>",
  "group.cmd.leave.example": "group leave 3",
  "group.cmd.confirm.summary": "Start the group once enough people joined (facilitator)",
  "group.cmd.confirm.usage": "group confirm [no]",
  "group.cmd.confirm.example": "group confirm 3",
  "group.cmd.status.summary": "Set the group's one-line status",
  "group.cmd.status.usage": "group status [#no] <text>",
  "group.cmd.status.example": "group status Outline done, chapter 2 in progress",
  "group.cmd.milestone.summary": "Add, complete and list milestones",
  "group.cmd.milestone.usage":
    "group milestone add [#no] <date> <title> | done [#no] <milestone no> | list [#no]",
  "group.cmd.milestone.example": "group milestone add 2027-01-15 Outline agreed",
  "group.cmd.extend.summary": "Move the due date, with a reason (facilitator)",
  "group.cmd.extend.usage": "group extend [#no] <date> <reason>",
  "group.cmd.extend.example": "group extend 2027-03-01 Aligning with data protection takes longer",
  "group.cmd.facilitator.summary": "Hand a group's facilitation to someone else (facilitator)",
  "group.cmd.facilitator.usage": "group facilitator [#no] @name",
  "group.cmd.facilitator.example": "group facilitator 3 @ben",
  "group.cmd.time.summary": "Log time you spent",
  "group.cmd.time.usage": "group time [#no] <2h|90m|1.5h> [note]",
  "group.cmd.time.example": "group time 1.5h Revised chapter 2",
  "group.cmd.close.summary": "Close the group with a result link (facilitator)",
  "group.cmd.close.usage": "group close [#no] <result link> [summary]",
  "group.cmd.close.example":
    "group close https://wiki.example.org/e-file-guide Guide with 12 steps and a checklist",
  "group.cmd.list.summary": "Show open and running working groups",
  "group.cmd.list.usage": "group list",
  "group.cmd.list.example": "group list",
  "group.cmd.reopen.summary": "Reopen an expired proposal (facilitator)",
  "group.cmd.reopen.usage": "group reopen <no> [new due date]",
  "group.cmd.reopen.example": "group reopen 3 2027-03-15",
  "group.cmd.confirmation.summary": "Get a participation confirmation of a closed group",
  "group.cmd.confirmation.usage": "group confirmation <no>",
  "group.cmd.confirmation.example": "group confirmation 3",
  "group.cmd.invitations.summary": "Turn invitations to matching new groups on or off",
  "group.cmd.invitations.usage": "group invitations on|off",
  "group.cmd.invitations.example": "group invitations on",

  "group.deliverable.leitfaden": "Guide",
  "group.deliverable.konzept": "Concept",
  "group.deliverable.positionspapier": "Position paper",
  "group.deliverable.checkliste": "Checklist",
  "group.deliverable.vorlage": "Template",
  "group.deliverable.other": "Other result",

  "group.check.intro.one": "Almost there – one thing is missing:",
  "group.check.intro.other": "For the group to succeed, a few things are missing:",
  "group.check.title": "Give the group a short title so everyone knows what it is about.",
  "group.check.titleShort":
    'The title "{title}" is too short – use at least {min} characters so everyone knows what it is about.',
  "group.check.titleLong": "Keep the title short (at most {max} characters).",
  "group.check.problemMissing":
    "Describe the concrete practice problem the group should solve – without a clear problem the work drifts.",
  "group.check.problemVague":
    "The practice problem is still too vague: say in a sentence or two where exactly it hurts in daily work and whom it affects.",
  "group.check.deliverable":
    "Pick a tangible result: guide, concept, position paper, checklist, template or other.",
  "group.check.dueMissing": "Set a due date ({min} to {max} weeks from today) so the group has a clear goal.",
  "group.check.dueInvalid":
    "I don't understand the due date – write it e.g. as 2027-02-15, 15 Feb 2027 or in 8 weeks.",
  "group.check.duePast": "The due date is in the past – pick a day {min} to {max} weeks ahead.",
  "group.check.dueSoon": "That's too tight: plan at least {min} weeks so there is time beside the day job.",
  "group.check.dueFar": "That's too far away: at most {max} weeks keep the group focused.",
  "group.check.size": "Small groups deliver: the size must be between {min} and {max} people (e.g. 3-6).",
  "group.check.topics": "Name at most {max} topics so the right people are found.",
  "group.check.facilitator": "Who facilitates? Name a person with @name – a group needs a facilitator.",
  "group.check.facilitatorUnknown": "I don't know {name} – name a person who is here, e.g. @anna.",
  "group.check.again": "Try again, e.g.:",
  "group.check.dialogAgain": "Start the proposal again with {prefix} group propose.",

  "group.form.title": "Propose a working group",
  "group.form.submit": "Propose",
  "group.form.unknownField":
    'I don\'t know the field "{field}". Use title, problem, deliverable, due, size, topics and facilitator. If the "=" belongs to the text, put the text in quotes.',
  "group.form.unnamed": 'I don\'t know which field "{text}" belongs to – write the fields as name=value.',
  "group.form.duplicateField":
    'The field "{field}" appears twice (first as "{earlier}") – give each field once, otherwise I can\'t tell which value counts.',
  "group.form.failed":
    'I couldn\'t create the group space for "{title}" just now. Try again in a moment with {prefix} group confirm {id}.',
  "group.field.title": "Title",
  "group.field.problem": "Concrete practice problem",
  "group.field.problemHint": "Where does it hurt in daily work, and whom does it affect?",
  "group.field.deliverable": "Result",
  "group.field.due": "Due on",
  "group.field.dueHint": "2 to 12 weeks from today",
  "group.field.size": "Group size",
  "group.field.topics": "Topics",
  "group.field.topicsHint": "Comma-separated, e.g. e-files, archive",
  "group.field.facilitator": "Facilitator",
  "group.field.facilitatorHint": "@name – leave empty if you facilitate yourself",

  "group.dialog.intro":
    "Great, let's set up your working group! I'll ask a few short questions. The call for participants then goes to",
  "group.dialog.cancelHint": 'Type "cancel" to stop at any time.',
  "group.dialog.movedToDm": "I sent you a direct message – we'll set up the group there step by step.",
  "group.dialog.lost": "Something got mixed up. Please start the proposal again with {prefix} group propose.",
  "group.dialog.ask.title": "What should the group be called?",
  "group.dialog.ask.problem": "Which concrete practice problem should it solve? A sentence or two is enough.",
  "group.dialog.problemDefault": 'With "-" you take: {text}',
  "group.dialog.ask.deliverable":
    "What should come out of it? Guide, concept, position paper, checklist, template or other?",
  "group.dialog.ask.due": "By when? A date 2 to 12 weeks ahead, e.g. 2027-02-15.",
  "group.dialog.ask.size": 'How big should the group be? For example 3-6 ("-" keeps 3-6).',
  "group.dialog.ask.topics": 'Which topics? Comma-separated – or "-" for none.',
  "group.dialog.ask.facilitator": 'Who facilitates? @name – or "me".',
  "group.propose.inChannel":
    "Please propose the group in the community channel where you are looking for people.",
  "group.cmd.propose.example":
    'group propose title="E-file migration guide" problem="We migrate paper files into the e-file system and every agency reinvents the procedure" deliverable=guide due=2027-02-15 size=3-6 topics="e-file, archive"',
  "group.proposed": 'Thanks! Your proposal #{id} "{title}" is up. The call runs in',
  "group.proposed.invited.one": "I invited 1 matching expert personally.",
  "group.proposed.invited.other": "I invited {n} matching experts personally.",

  "group.call.header": "New working group #{id}: {title}",
  "group.call.intro": "is looking for people. Result: {deliverable}, due on {due}.",
  "group.call.topics": "Topics:",
  "group.call.counts": "{seated} in (min. {min}, max. {max}), {waiting} on the waiting list",
  "group.call.deadline": "sign up by {deadline}",
  "group.call.state.proposed": "sign-up open",
  "group.call.state.forming": "group is being set up",
  "group.call.state.running": "group has started",
  "group.call.state.expired": "sign-up expired",
  "group.call.state.closed": "group is closed",
  "group.button.join": "Join",
  "group.button.leave": "Leave",
  "group.button.start": "Start group",
  "group.button.offer": "Propose as working group",
  "group.button.confirmation": "Participation confirmation",
  "group.button.decline": "Decline",
  "group.invite.intro": 'Hi! Your expertise matches the new working group "{title}". Facilitator:',
  "group.invite.why": "Why you:",
  "group.invite.facts": "Result: {deliverable} · due on {due} · sign up by {deadline}",

  "group.join.joined": 'You\'re in "{title}"! The group starts as soon as enough people join.',
  "group.join.joinedRunning": "You're in \"{title}\" – I'm inviting you to the group space.",
  "group.join.waiting": '"{title}" is full – you are number {position} on the waiting list.',
  "group.join.waitingRunning":
    '"{title}" is already working and full – you are number {position} on the waiting list and move up as soon as a seat opens.',
  "group.join.forming": '"{title}" is starting right now – please try again in a moment.',
  "group.join.otherPlatform":
    '"{title}" works in a space on another platform – I can\'t invite you there. Join from where the group was proposed.',
  "group.join.already": 'You\'re already in #{id} "{title}".',
  "group.join.promoted": 'A seat opened up: you\'re now in "{title}"!',
  "group.join.inviteFailed":
    'I couldn\'t invite you to the space of "{title}" – the facilitator can add you.',
  "group.leave.done": 'You left "{title}".',
  "group.leave.notMember": 'You\'re not in "{title}".',
  "group.waiting.started":
    '"{title}" (#{id}) started with all seats taken. You stay number {position} on the waiting list and move up as soon as a seat opens.',
  "group.waiting.closed":
    '"{title}" is closed – no seat will open there any more. Thanks for your interest! Here is the result:',
  "group.facilitator.usage": "Name the person who should facilitate, e.g. {prefix} group facilitator 3 @ben",
  "group.facilitator.already": 'That person already facilitates "{title}".',
  "group.facilitator.otherPlatform":
    'The facilitator of "{title}" must be on the same platform as the group.',
  "group.facilitator.full":
    '"{title}" is full ({max} seats) – the new facilitator must already be a member or have a free seat.',
  "group.facilitator.done": '"{title}" is now facilitated by',
  "group.facilitator.youNow": 'You now facilitate working group #{id} "{title}" – thank you! Handed over by',
  "group.decline.notYou": 'You don\'t facilitate "{title}" (any more) – nothing to decline.',
  "group.decline.own":
    'You proposed "{title}" yourself. Hand facilitation on with {prefix} group facilitator {id} @name.',
  "group.decline.done":
    'Alright – you don\'t facilitate "{title}" and are no longer in the group (to join: {prefix} group join {id}). Facilitation is back with',
  "group.decline.doneMember":
    'Alright – you no longer facilitate "{title}" but stay a member. Facilitation is back with',
  "group.decline.previousLeft":
    'handed you facilitation of "{title}" but is no longer in the group. Hand it on to someone who takes part with {prefix} group facilitator {id} @name.',
  "group.decline.back":
    'declined to facilitate #{id} "{title}" – you facilitate it yourself now. Hand it on with {prefix} group facilitator {id} @name.',
  "group.leave.facilitator":
    'You facilitate "{title}", so you can\'t leave yet – hand facilitation on first: {prefix} group facilitator {id} @name',
  "group.facilitatorNamed":
    'You facilitate the proposed working group #{id} "{title}" – thank you! Start it with {prefix} group confirm {id} once enough people joined. Proposed by',
  "group.minReached":
    '"{title}" reached its minimum size of {min}! Start now? (or {prefix} group confirm {id})',
  "group.start.tooFew": '"{title}" has only {seated} of at least {min} people – wait for more sign-ups.',
  "group.start.done": '"{title}" has started:',
  "group.started": 'The working group "{title}" starts with {count} people. Good luck! Facilitator:',
  "group.expired":
    'The working group "{title}" won\'t happen this time: {seated} of at least {min} sign-ups. The facilitator can reopen it with {prefix} group reopen {id}.',
  "group.welcome": "Welcome to the group!",

  "group.charter.header": "Charter: {title}",
  "group.charter.goal": "Goal:",
  "group.charter.goalText": 'Together we create "{title}" ({deliverable}).',
  "group.charter.problem": "Practice problem:",
  "group.charter.deliverable": "Result:",
  "group.charter.due": "Due on:",
  "group.charter.roles": "Roles:",
  "group.charter.facilitator": "Facilitator",
  "group.charter.members": "Members",
  "group.charter.agreements": "Working agreements:",
  "group.charter.rule.checkin":
    "Every Monday copbot asks briefly how things stand – answering takes two minutes.",
  "group.charter.rule.status":
    "The facilitator keeps the status current ({prefix} group status …); only the group and the moderators see it.",
  "group.charter.rule.milestones":
    "We plan milestones with {prefix} group milestone add – copbot reminds us in time.",
  "group.charter.rule.time":
    "Log your time with {prefix} group time 2h – it helps in the conversation with your employer.",
  "group.charter.rule.close":
    "We close with a result link ({prefix} group close <link>) and share it with the community.",

  "group.checkin.title": "Status: {title}",
  "group.checkin.q.done": "What did you get done for the group this week?",
  "group.checkin.q.next": "What's next?",
  "group.checkin.q.blocked": "Where are you stuck or need help?",

  "group.status.saved": 'Status of "{title}" saved.',
  "group.status.current": 'Status of "{title}": {status}',
  "group.status.posted": "New status from",
  "group.status.tooLong": "Keep the status short (at most {max} characters).",
  "group.agenda.noStatus": "no status yet",
  "group.agenda.due": "due on {due}",

  "group.milestone.usage":
    "Like this: {prefix} group milestone add 2027-01-15 Outline agreed · {prefix} group milestone done 2 · {prefix} group milestone list",
  "group.milestone.added": 'Milestone #{id} "{title}" on {due} added – I\'ll remind you the day before.',
  "group.milestone.past": "That date is in the past – pick a day from today on.",
  "group.milestone.afterDue": "The milestone is after the group's due date ({due}) – pick an earlier day.",
  "group.milestone.tooLong": "Keep the milestone short (at most {max} characters).",
  "group.milestone.unknown":
    'I can\'t find the milestone "{text}" – {prefix} group milestone list shows the numbers.',
  "group.milestone.alreadyDone": '"{title}" is already done.',
  "group.milestone.done": 'Milestone "{title}" done – great!',
  "group.milestone.none": '"{title}" has no milestones yet.',
  "group.milestone.listTitle": 'Milestones of "{title}":',
  "group.remind.milestone": 'Reminder: milestone #{id} "{title}" is due tomorrow ({due}).',
  "group.remind.milestoneSoon": 'Reminder: milestone #{id} "{title}" is due on {due}.',
  "group.remind.due": 'Reminder: "{title}" is due in {days} days ({due}).',
  "group.remind.dueTomorrow":
    'Reminder: "{title}" is due tomorrow ({due}). Close with {prefix} group close <link> once the result is ready.',

  "group.extend.done": 'The due date of "{title}" is now {due}. Reason: {reason}',
  "group.extend.notLater": "The new date must be after the current due date ({due}).",
  "group.extend.reason":
    "Please give a short reason, e.g. {prefix} group extend 2027-03-01 Data protection review takes longer.",
  "group.extend.past":
    "That date is in the past – pick a day after the current due date ({due}), at most {max} weeks from today.",
  "group.extend.dateMissing":
    "Give the new due date and a reason, e.g. {prefix} group extend 2027-03-01 Data protection review takes longer.",

  "group.time.invalid":
    'I don\'t understand "{text}" as a time – write e.g. 2h, 90m or 1.5h (at most 12 hours at once).',
  "group.time.missing":
    "How much time do you want to log? Write e.g. {prefix} group time 2h or {prefix} group time 90m chapter 2.",
  "group.time.tooLate": '"{title}" closed more than {days} days ago – I can\'t log time for it any more.',
  "group.time.logged": 'Logged {time} for "{title}". Total: {total}.',

  "group.close.noLink":
    "To close, I need a link to the result, e.g. {prefix} group close https://wiki.example.org/guide.",
  "group.close.notLink":
    '"{text}" is not a link everyone can open – a result link starts with https:// or http://, e.g. https://wiki/guide.',
  "group.close.done": '"{title}" is closed – thanks for your work!',
  "group.closed.announce": 'Result of the working group "{title}" ({deliverable}):',
  "group.closed.summary": "Summary:",
  "group.closed.thanks": "Thanks to",
  "group.closed.offer":
    '"{title}" is closed – thanks for taking part! Would you like a participation confirmation for your employer?',

  "group.confirm.header": "Participation confirmation",
  "group.confirm.intro": '{name} took part in the working group "{title}" of the Community of Practice.',
  "group.confirm.group": "Group:",
  "group.confirm.topic": "Topic:",
  "group.confirm.period": "Period:",
  "group.confirm.leftEarly": "left early",
  "group.confirm.role": "Role:",
  "group.confirm.time": "Logged time:",
  "group.confirm.noTime": "no time logged",
  "group.confirm.result": "Result:",
  "group.confirm.footer": "Issued by copbot for the Community of Practice.",
  "group.confirm.fileName": "participation-confirmation-group",
  "group.confirmation.notClosed": 'Confirmations are available once "{title}" is closed.',
  "group.confirmation.notMember": "You weren't in \"{title}\", so I can't issue a confirmation.",
  "group.confirmation.sent": "I sent you the participation confirmation by direct message.",
  "group.role.facilitator": "Facilitator",
  "group.role.member": "Member",

  "group.list.title": "Working groups:",
  "group.list.none":
    "There are no open or running working groups right now. Propose one: {prefix} group propose",
  "group.list.line": "#{id} {title} · {state} · {seated}/{max} in · due on {due}",
  "group.state.proposed": "looking for members",
  "group.state.forming": "being set up",
  "group.state.running": "running",
  "group.state.expired": "expired",
  "group.state.closed": "closed",

  "group.reopen.done": 'Proposal #{id} "{title}" is open again – the call runs for another week.',
  "group.reopen.newDue":
    "The current due date no longer fits – give a new one: {prefix} group reopen {id} 2027-03-15",

  "group.offer.text":
    "That sounds like a joint result! Shall I turn it into a proposal for a small working group?",
  "group.offer.gone": "This offer no longer exists – start with {prefix} group propose.",

  "group.invitations.on": "Got it: I'll invite you to new working groups that match your expertise.",
  "group.invitations.off": "Got it: no more working group invitations.",
  "group.invitations.usage": "Write on or off.",

  "group.err.unknown": "There is no working group #{id} – {prefix} group list shows them all.",
  "group.err.idExpected": "Give the group's number, e.g. 3 or #3.",
  "group.err.noGroup": "You're not in an active working group – give the number, e.g. #3.",
  "group.err.whichGroup": "You're in several groups ({ids}) – put the number first, e.g. #3.",
  "group.err.manage": "Only the facilitator of group #{id} and community moderators may do that.",
  "group.err.notMember": 'You\'re not a member of #{id} "{title}".',
  "group.err.state.proposed": '#{id} "{title}" is still looking for members and hasn\'t started yet.',
  "group.err.state.forming": '#{id} "{title}" is being set up – just a moment.',
  "group.err.state.running": '#{id} "{title}" is already running.',
  "group.err.state.expired":
    '#{id} "{title}" has expired – the facilitator can reopen it with {prefix} group reopen {id}.',
  "group.err.state.closed": '#{id} "{title}" is already closed.',
  "group.home.title": "My working groups",
  "group.home.none": "You are not in any working group right now.",
  "group.home.hint": "All groups, and proposing your own:",
  "group.home.invitationsOn": "Invitations to matching working groups: on",
  "group.home.invitationsOff": "Invitations to matching working groups: off",
} as const satisfies Record<keyof typeof de, string>;
