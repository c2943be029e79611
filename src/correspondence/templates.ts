/**
 * What the API sends, as data: each message's subject and body in plain English, with
 * ((placeholders)) in GOV.UK Notify's syntax. Everything about the person (name, reference, dates,
 * what they asked, staff's own words) is a placeholder, filled from the message's personalisation:
 * personal data never sits in a template, and never in a log.
 *
 * ((force.*)) placeholders are the force's own details (forceDetails below), the same in every
 * message. A template that names a placeholder its message does not give fails its unit test.
 *
 * Notify holds two plain templates (one email, one letter), each "((subject))" as its subject or
 * heading and "((body))" as its content: the wording lives here, in the repository, reviewed with
 * the code (README, Notifications).
 */
export interface MessageTemplate {
  name: string;
  /** Who reads it: the person the case is about, or a member of staff. */
  audience: 'PUBLIC' | 'STAFF';
  /** What it is, for the correspondence log and the docs. */
  description: string;
  subject: string;
  body: string;
}

/** The force's details every message may use (policy: the force's own, reviewed with the wording). */
export const forceDetails: Record<string, string> = {
  'force.name': 'West Midlands Police',
  'force.standardsEmail': 'professional.standards@west-midlands.police.uk',
  'force.informationEmail': 'information.rights@west-midlands.police.uk',
  'force.postalAddress': 'West Midlands Police, Lloyd House, Colmore Circus Queensway, Birmingham, B4 6NQ',
  'force.trackUrl': 'https://www.west-midlands.police.uk/contact-us',
  'ico.complaintUrl': 'https://ico.org.uk/make-a-complaint/',
  'ico.address': "Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF",
  'ico.phone': '0303 123 1113',
  'iopc.reviewUrl': 'https://www.policeconduct.gov.uk/complaints-reviews-and-appeals/apply-review',
  'pcc.reviewUrl': 'https://www.westmidlands-pcc.gov.uk/complaints/',
};

const signOff = `Yours sincerely

((force.name))`;

// ((trackingCode)): the code shown on the website, or, for a case staff logged, one they send separately (plans/plan.ts).
const track = `You can follow your case at ((force.trackUrl)) with your reference, ((reference)), and ((trackingCode)).`;

export const templates: readonly MessageTemplate[] = [
  // ---- every public submission ------------------------------------------------------------
  {
    name: 'complaint-acknowledgement',
    audience: 'PUBLIC',
    description: 'Acknowledges a complaint: its reference and what happens next.',
    subject: 'We have received your complaint: ((reference))',
    body: `Dear ((name))

Thank you for telling us about your experience. We have received your complaint and its reference is ((reference)).

What happens next
A member of our Professional Standards Department will contact you, normally within ((firstReplyDays)) days, to talk about what happened, the outcome you would like, and how and how often you would like us to keep you updated.

${track}

If you need to tell us something more, reply to this message or write to ((force.standardsEmail)), quoting ((reference)).

${signOff}`,
  },
  {
    name: 'foi-acknowledgement',
    audience: 'PUBLIC',
    description: 'Acknowledges an FOI request: its reference and the date a response is due (20 working days), with an apology when that date has passed (a request logged late).',
    subject: 'Your Freedom of Information request: ((reference))',
    body: `Dear ((name))

We received your request for information on ((receivedOn)). Its reference is ((reference)).

What happens next
((whatNext))

${track}

${signOff}`,
  },
  {
    name: 'sar-acknowledgement',
    audience: 'PUBLIC',
    description: 'Acknowledges a subject access request: its reference and when a response is due (one month), or that identity must be checked first.',
    subject: 'Your request for your personal information: ((reference))',
    body: `Dear ((name))

We received your request for a copy of your personal information on ((receivedOn)). Its reference is ((reference)).

What happens next
((whatNext))

${track}

${signOff}`,
  },
  {
    name: 'dpc-receipt',
    audience: 'PUBLIC',
    description: 'Confirms a data-protection complaint arrived: its reference, and that it will be acknowledged within 30 days.',
    subject: 'We have received your data protection complaint: ((reference))',
    body: `Dear ((name))

We received your complaint about how we have used your personal information on ((receivedOn)). Its reference is ((reference)).

What happens next
A member of our Information Rights team will look into it. ((whatNext))

${track}

${signOff}`,
  },
  // ---- complaints --------------------------------------------------------------------------
  {
    name: 'complaint-first-contact',
    audience: 'PUBLIC',
    description: 'Confirms the first contact with the complainant: the outcome they want and how often they will hear from us.',
    subject: 'Your complaint ((reference)): what we agreed',
    body: `Dear ((name))

Thank you for speaking with us about your complaint, reference ((reference)).

What we agreed
((summary))

Keeping you updated
((updates))

If anything here is not what you understood, reply to this message or write to ((force.standardsEmail)), quoting ((reference)).

${signOff}`,
  },
  {
    name: 'complaint-update',
    audience: 'PUBLIC',
    description: 'An update on a complaint, as agreed with the complainant.',
    subject: 'An update on your complaint: ((reference))',
    body: `Dear ((name))

Here is an update on your complaint, reference ((reference)).

((summary))

((nextUpdate))

${signOff}`,
  },
  {
    name: 'complaint-late-declined',
    audience: 'PUBLIC',
    description: 'Tells the complainant that a complaint made more than 12 months after the incident will not be taken further, why, and that they can still ask for it to be recorded.',
    subject: 'Your complaint ((reference)): our decision',
    body: `Dear ((name))

Your complaint, reference ((reference)), was made more than 12 months after what it is about (((incidentDate))). We have considered whether there is a good reason for the delay and whether not looking into it would be unfair, and we have decided not to take it further. It is now closed.

Why we decided this
((reason))

You can still ask us to record your complaint
If you want your complaint formally recorded (under Schedule 3 to the Police Reform Act 2002), tell us and we will record it, whenever you ask. We will then decide how to handle it, and may still take the delay into account; we will tell you what we decide and why, and whether you can apply for a review of it.

To ask, reply to this message or write to ((force.standardsEmail)) or ((force.postalAddress)), quoting ((reference)).

${signOff}`,
  },
  {
    name: 'complaint-outcome',
    audience: 'PUBLIC',
    description: 'The outcome letter: the outcome, and the review body and the last day to apply for a review (or that there is no right of review).',
    subject: 'The outcome of your complaint: ((reference))',
    body: `Dear ((name))

We have finished handling your complaint, reference ((reference)). This letter is dated ((letterDate)).

The outcome
((outcome))

((letterContent))

Your right to a review
((review))

${signOff}`,
  },
  // ---- FOI ----------------------------------------------------------------------------------
  {
    name: 'foi-clarification-request',
    audience: 'PUBLIC',
    description: 'Asks the requester to clarify their FOI request (s.1(3)): the 20 working days start again when they reply, or, asked after the due date had passed, the reply stays late.',
    subject: 'Your FOI request ((reference)): we need more detail',
    body: `Dear ((name))

We need you to clarify your request, reference ((reference)), before we can answer it:

((question))

Please reply to this message or write to ((force.informationEmail)), quoting ((reference)). ((timeLimit)) If we do not hear from you, we will not be able to deal with the request.

${signOff}`,
  },
  {
    name: 'foi-fees-notice',
    audience: 'PUBLIC',
    description: 'The fees notice (s.9): what is charged and why; the clock stops until the fee arrives, and the request lapses if unpaid after 3 months.',
    subject: 'Your FOI request ((reference)): fees notice',
    body: `Dear ((name))

This is a fees notice under section 9 of the Freedom of Information Act 2000 for your request, reference ((reference)), issued on ((issuedOn)).

((details))

The time we have to respond does not run until the fee arrives. If it is not paid by ((lapsesOn)) (the last day of the 3 months beginning with the day of this notice), the request will lapse. To pay, reply to this message or write to ((force.informationEmail)), quoting ((reference)).

${signOff}`,
  },
  {
    name: 'foi-extension-notice',
    audience: 'PUBLIC',
    description: 'The refusal notice that extends an FOI request for the public interest test (s.10(3), s.17(2)): the exemptions, why more time is needed, the date expected, and what s.17(7) requires (the internal review procedure and the right to complain to the ICO under s.50).',
    subject: 'Your FOI request ((reference)): we need more time to consider the public interest',
    body: `Dear ((name))

This is a notice under section 17 of the Freedom of Information Act 2000 about your request, reference ((reference)). We consider that the information you asked for falls under the following exemptions:

((exemptions))

These are qualified exemptions: we must weigh the public interest in disclosing the information against the public interest in withholding it, and we have not yet reached a decision on that balance. Section 10(3) of the Act allows us more time to do so (section 17(2)). Why we need it:

((reason))

We expect to give you our decision by ((estimatedDate)).

If you are unhappy with how we are handling your request, you can ask us for an internal review. Write to ((force.informationEmail)) or ((force.postalAddress)), quoting ((reference)) and saying what you are unhappy with. Someone not involved in your request will look at it, normally within 20 working days.

If you are still unhappy after the internal review, you have the right to complain to the Information Commissioner's Office under section 50 of the Act: ((ico.complaintUrl)), ((ico.phone)), or ((ico.address)).

${signOff}`,
  },
  {
    name: 'foi-response',
    audience: 'PUBLIC',
    description: 'The FOI response where nothing is refused (information provided in full, or not held): the answer, the internal review procedure and the right to complain to the ICO.',
    subject: 'Your FOI request ((reference)): our response',
    body: `Dear ((name))

Here is our response to your request for information, reference ((reference)).

((outcome))

((summary))

If you are unhappy with this response
You can ask us for an internal review. Write to ((force.informationEmail)) or ((force.postalAddress)) within 40 working days of this response, quoting ((reference)) and saying what you are unhappy with. Someone not involved in this response will look at it again, normally within 20 working days.

If you are still unhappy after the internal review, you have the right to complain to the Information Commissioner's Office: ((ico.complaintUrl)), ((ico.phone)), or ((ico.address)).

${signOff}`,
  },
  {
    name: 'foi-refusal-notice',
    audience: 'PUBLIC',
    description: 'The FOI response that refuses some or all of the request, with what s.17 requires: each exemption, the public interest reasons, the internal review procedure and the right to complain to the ICO.',
    subject: 'Your FOI request ((reference)): our response',
    body: `Dear ((name))

Here is our response to your request for information, reference ((reference)).

((outcome))

Exemptions we rely on
((exemptions))

Our reasons, including the public interest
((summary))

((refusalBasis))

Internal review
If you are unhappy with this response, you can ask us for an internal review. Write to ((force.informationEmail)) or ((force.postalAddress)) within 40 working days of this response, quoting ((reference)) and saying what you are unhappy with. Someone not involved in this response will look at it again, normally within 20 working days.

Your right to complain to the Information Commissioner
If you are still unhappy after the internal review, you have the right to complain to the Information Commissioner's Office under section 50 of the Act: ((ico.complaintUrl)), ((ico.phone)), or ((ico.address)).

${signOff}`,
  },
  {
    name: 'foi-clarification-received',
    audience: 'PUBLIC',
    description: 'Confirms the clarification of an FOI request arrived (s.1(3)): a fresh 20 working days begins that day, and the new date a response is due.',
    subject: 'Your FOI request ((reference)): thank you for clarifying',
    body: `Dear ((name))

Thank you for clarifying your request, reference ((reference)). We received your clarification on ((receivedOn)).

((whatNext))

${signOff}`,
  },
  {
    name: 'foi-review-acknowledgement',
    audience: 'PUBLIC',
    description: 'Acknowledges a request for an internal review of an FOI response: the day it was asked for and the date the review is due (20 working days).',
    subject: 'Your FOI request ((reference)): internal review',
    body: `Dear ((name))

We have received your request, made on ((requestedOn)), for an internal review of our response to your request for information, reference ((reference)). Someone not involved in the response will look at it again.

((whatNext))

${signOff}`,
  },
  {
    name: 'foi-review-extension',
    audience: 'PUBLIC',
    description: 'Tells the requester, on the day it is sent, that their FOI internal review needs longer: the reason and the new date (40 working days at most).',
    subject: 'Your FOI request ((reference)): your internal review needs more time',
    body: `Dear ((name))

This letter is dated ((extendedOn)). We need more time to complete the internal review of our response to your request, reference ((reference)), which we were due to complete by ((dueOn)). Why we need it:

((reason))

We will now tell you the outcome by ((extendedTo)).

If you are unhappy with this, you have the right to complain to the Information Commissioner's Office under section 50 of the Act: ((ico.complaintUrl)), ((ico.phone)), or ((ico.address)).

${signOff}`,
  },
  {
    name: 'foi-review-outcome',
    audience: 'PUBLIC',
    description: 'The outcome of an FOI internal review (upheld, partly upheld or overturned), its reasons, and the right to complain to the ICO under s.50.',
    subject: 'Your FOI request ((reference)): the outcome of your internal review',
    body: `Dear ((name))

We have completed the internal review of our response to your request, reference ((reference)). The review was decided on ((decidedOn)).

((outcome))

((note))

Your right to complain to the Information Commissioner
If you are still unhappy, you have the right to complain to the Information Commissioner's Office under section 50 of the Act: ((ico.complaintUrl)), ((ico.phone)), or ((ico.address)).

${signOff}`,
  },
  // ---- subject access -----------------------------------------------------------------------
  {
    name: 'sar-identity-request',
    audience: 'PUBLIC',
    description: 'Asks for proof of identity before a subject access request can start: one month runs from the day it arrives, or, asked after the time limit had run out, the response stays late.',
    subject: 'Your request ((reference)): we need to confirm your identity',
    body: `Dear ((name))

To protect your personal information, we need to confirm your identity before we can deal with your request, reference ((reference)):

((question))

Please reply to this message or write to ((force.informationEmail)), quoting ((reference)). ((timeLimit))

${signOff}`,
  },
  {
    name: 'sar-clarification-request',
    audience: 'PUBLIC',
    description: 'Asks the requester for what we need to find their information: the time does not run until they reply, or, asked after the time limit had run out, the response stays late.',
    subject: 'Your request ((reference)): we need more detail',
    body: `Dear ((name))

To find the information you asked for in your request, reference ((reference)), we need you to tell us:

((question))

Please reply to this message or write to ((force.informationEmail)), quoting ((reference)). ((timeLimit))

${signOff}`,
  },
  {
    name: 'sar-identity-received',
    audience: 'PUBLIC',
    description: 'Confirms proof of identity for a subject access request arrived: the month starts that day, and the date a response is due (or, asked for after the time limit had run out, that the response is late).',
    subject: 'Your request ((reference)): we have confirmed your identity',
    body: `Dear ((name))

Thank you for sending proof of your identity for your request, reference ((reference)). We received it on ((receivedOn)).

((whatNext))

${signOff}`,
  },
  {
    name: 'sar-clarification-received',
    audience: 'PUBLIC',
    description: 'Confirms the information asked for to find the data arrived: the clock runs again, and the new date a response is due (or that the response is late).',
    subject: 'Your request ((reference)): thank you for the detail',
    body: `Dear ((name))

Thank you for telling us what we needed to find the information you asked for in your request, reference ((reference)). We received your answer on ((receivedOn)).

((whatNext))

${signOff}`,
  },
  {
    name: 'sar-extension-notice',
    audience: 'PUBLIC',
    description: 'Tells the requester, with reasons and before the first month ends, that a subject access request is extended.',
    subject: 'Your request ((reference)): we need more time',
    body: `Dear ((name))

We need more time to respond to your request for your personal information, reference ((reference)). The law allows us up to two further months where a request is complex or there are several requests. Why we need it:

((reason))

We will now respond by ((dueOn)).

If you are unhappy with this, you have the right to complain to the Information Commissioner's Office: ((ico.complaintUrl)), ((ico.phone)).

${signOff}`,
  },
  {
    name: 'sar-response',
    audience: 'PUBLIC',
    description: 'The response to a subject access request, with the right to complain to the ICO and to go to court.',
    subject: 'Your request ((reference)): our response',
    body: `Dear ((name))

Here is our response to your request for your personal information, reference ((reference)).

((outcome))

((reasons))

If you are unhappy with our response, you have the right to complain to the Information Commissioner's Office: ((ico.complaintUrl)), ((ico.phone)), or ((ico.address)). You also have the right to ask a court to order us to comply.

${signOff}`,
  },
  // ---- data-protection complaints -----------------------------------------------------------
  {
    name: 'dpc-acknowledgement',
    audience: 'PUBLIC',
    description: 'Acknowledges a data-protection complaint (DPA 2018 s.164A), within 30 days of receipt.',
    subject: 'Your data protection complaint ((reference)): acknowledgement',
    body: `Dear ((name))

This is our acknowledgement of your complaint about how we have used your personal information, reference ((reference)), which we received on ((receivedOn)).

We will look into what you have told us, make the enquiries we need to, keep you informed of our progress and tell you the outcome without undue delay.

${signOff}`,
  },
  {
    name: 'dpc-outcome',
    audience: 'PUBLIC',
    description: 'The outcome of a data-protection complaint, with the right to complain to the ICO.',
    subject: 'Your data protection complaint ((reference)): the outcome',
    body: `Dear ((name))

We have finished looking into your complaint, reference ((reference)).

((outcome))

((summary))

If you are unhappy with the outcome, you have the right to complain to the Information Commissioner's Office: ((ico.complaintUrl)), ((ico.phone)), or ((ico.address)).

${signOff}`,
  },
  // ---- staff --------------------------------------------------------------------------------
  {
    name: 'handler-digest',
    audience: 'STAFF',
    description: "A handler's daily digest: their cases due soon and overdue, and complaint updates due (references and dates only).",
    subject: 'Your cases due soon and overdue: ((day))',
    body: `Good morning ((handler))

Overdue
((overdue))

Due in the next ((horizonDays)) days
((dueSoon))

Open each case by its reference to see what is needed. This digest holds references and dates only.`,
  },
];

const byName = new Map(templates.map((t) => [t.name, t]));

export function templateNamed(name: string): MessageTemplate {
  const template = byName.get(name);
  if (!template) throw new Error(`no message template ${name}`);
  return template;
}
