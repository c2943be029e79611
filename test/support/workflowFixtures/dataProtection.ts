import { dataProtectionCaseType } from '../../../src/dataProtection/caseType.js';
import { newDataProtectionComplaint, type DataProtectionRecord, type IcoComplaintRecord } from '../../../src/dataProtection/model.js';
import type { WorkflowFixture } from './fixture.js';

/**
 * Data-protection complaints in every state on 2026-10-15 (the duty applies from 2026-06-19), and a
 * valid input for every action (its dates 2026-10-14: after every example's receipt, acknowledgement
 * and complaint to the ICO, and not in the future). Where a state's rules can go either way there is
 * an example each way: the ICO undue-delay rule (acknowledgement overdue or not; acknowledged more
 * than 3 months ago or not), the outcome sent with or without an ICO complaint, and the ICO's
 * outcome recorded or not.
 */
const received = (receivedOn: string, handler: string | null = 'ira'): DataProtectionRecord => ({
  ...newDataProtectionComplaint(
    {
      complainant: { name: 'A Person', email: 'a@example.com', postalAddress: null, preferredContact: 'EMAIL' },
      whatHappened: 'My address was sent to the wrong person.',
      desiredOutcome: 'An apology',
      relatedReference: null,
      needs: { language: null, interpreterNeeded: false, accessibility: null },
    },
    { reference: 'DPC-2026-000001', receivedAt: `${receivedOn}T09:00:00.000Z`, receivedOn },
    { channel: 'WEB' },
  ),
  handler,
});
const acknowledged = (c: DataProtectionRecord, acknowledgedOn: string): DataProtectionRecord => ({
  ...c,
  status: 'ACKNOWLEDGED',
  acknowledgement: { acknowledgedOn, recordedBy: 'ira' },
  enquiries: [{ description: 'Checked the case system', madeBy: 'ira', madeOn: acknowledgedOn, recordedBy: 'ira' }],
});
const outcomeSent = (c: DataProtectionRecord, sentOn: string): DataProtectionRecord => ({
  ...c,
  status: 'OUTCOME_SENT',
  progressUpdates: [{ sentOn, method: 'EMAIL', summary: 'Still looking into it', recordedBy: 'ira' }],
  outcome: { kind: 'PARTLY_UPHELD', summary: 'The letter went to an old address', sentOn, recordedBy: 'ira' },
});
const ico = (complainedOn: string, basis: IcoComplaintRecord['basis'], decidedOn: string | null = null): IcoComplaintRecord => ({
  icoReference: 'IC-12345-A1B2',
  complainedOn,
  basis,
  recordedBy: 'ira',
  outcome: decidedOn ? { result: 'NO_FURTHER_ACTION', summary: 'The force handled it properly', decidedOn, recordedBy: 'ira' } : null,
});
const withIco = (c: DataProtectionRecord, complaint: IcoComplaintRecord): DataProtectionRecord => ({ ...c, status: 'WITH_ICO', icoComplaint: complaint });
const closure = (kind: 'CLOSED' | 'WITHDRAWN', on: string) => ({ kind, reason: 'r', on, by: 'ira' });

/** Received 1 October: the acknowledgement is due by 30 October, so not overdue on 15 October. */
const fresh = received('2026-10-01');
/** Received 1 September: the acknowledgement was due by 30 September. */
const unacknowledgedLate = received('2026-09-01', null);
/** Acknowledged, received 1 September: 3 months from receipt end on 1 December. */
const acknowledgedRecently = acknowledged(received('2026-09-01'), '2026-09-03');
/** Acknowledged late, received 20 June: 3 months from receipt ended on 20 September. */
const acknowledgedLongAgo = acknowledged(received('2026-06-20'), '2026-07-25');
const answered = outcomeSent(acknowledgedRecently, '2026-09-20');

export const dataProtectionFixture: WorkflowFixture<DataProtectionRecord> = {
  caseType: dataProtectionCaseType,
  groups: ['information-rights'],
  now: '2026-10-15T12:00:00Z',
  examples: {
    RECEIVED: [fresh, unacknowledgedLate, { ...fresh, channel: 'POST' }],
    ACKNOWLEDGED: [acknowledgedRecently, acknowledgedLongAgo],
    OUTCOME_SENT: [answered, outcomeSent(acknowledgedLongAgo, '2026-08-10')],
    WITH_ICO: [
      // after the outcome, the ICO's outcome awaited / recorded
      withIco(answered, ico('2026-09-25', 'AFTER_OUTCOME')),
      withIco(answered, ico('2026-09-25', 'AFTER_OUTCOME', '2026-10-05')),
      // after undue delay: never acknowledged; acknowledged with no outcome after 3 months
      withIco(unacknowledgedLate, ico('2026-10-05', 'UNDUE_DELAY')),
      withIco(acknowledgedLongAgo, ico('2026-10-01', 'UNDUE_DELAY')),
      // after closing
      withIco({ ...answered, closure: closure('CLOSED', '2026-09-22') }, ico('2026-10-01', 'AFTER_OUTCOME')),
    ],
    CLOSED: [
      { ...answered, status: 'CLOSED', closure: closure('CLOSED', '2026-09-22') },
      { ...withIco(answered, ico('2026-09-25', 'AFTER_OUTCOME', '2026-10-05')), status: 'CLOSED', closure: closure('CLOSED', '2026-10-06') },
    ],
    WITHDRAWN: [
      { ...fresh, status: 'WITHDRAWN', closure: closure('WITHDRAWN', '2026-10-02') },
      { ...acknowledgedRecently, status: 'WITHDRAWN', closure: closure('WITHDRAWN', '2026-09-10') },
    ],
  },
  inputs: {
    allocateDataProtectionComplaint: { handler: 'another.handler' },
    acknowledgeDataProtectionComplaint: { acknowledgedOn: '2026-10-14' },
    recordDataProtectionEnquiry: { description: 'Asked the records team who sent the letter', madeBy: 'Records team', madeOn: '2026-10-14' },
    recordDataProtectionProgressUpdate: { sentOn: '2026-10-14', method: 'EMAIL', summary: 'We are still looking into it' },
    recordDataProtectionOutcome: { kind: 'UPHELD', summary: 'The letter went to the wrong address; we have put it right', sentOn: '2026-10-14' },
    recordDataProtectionIcoComplaint: { icoReference: 'IC-67890-C3D4', complainedOn: '2026-10-14' },
    recordDataProtectionIcoOutcome: { result: 'FURTHER_ACTION_REQUIRED', summary: 'The ICO asked for staff training', decidedOn: '2026-10-14' },
    correctDataProtectionComplaintReceiptDate: { receivedOn: '2026-09-28', reason: 'The letter is date-stamped 28 September' },
    withdrawDataProtectionComplaint: { reason: 'The complainant asked in writing' },
    closeDataProtectionComplaint: { reason: 'Handling is over' },
  },
};
