import * as z from 'zod';
import type {
  CaseClosure,
  DataProtectionAcknowledgement,
  DataProtectionComplainant,
  DataProtectionComplaintStatus,
  DataProtectionEnquiry,
  DataProtectionIcoComplaint,
  DataProtectionOutcome,
  DataProtectionProgressUpdate,
  Needs,
  RequestChannel,
} from '../generated/graphql.js';
import { receiptCorrectionsField } from '../cases/receiptDate.js';

/**
 * A data-protection complaint as stored: the schema's own types for its parts, so what is stored
 * is what Information Rights read (no mapper is needed). The zod object is the list of the case
 * item's fields: the shared machinery reads exactly these.
 */
type Plain<T> = Omit<T, '__typename'>;
const part = <T>() => z.custom<T>();

export type IcoComplaintRecord = Plain<Omit<DataProtectionIcoComplaint, 'outcome'>> & {
  outcome: Plain<NonNullable<DataProtectionIcoComplaint['outcome']>> | null;
};

export const dataProtectionRecord = z.object({
  reference: z.string(),
  status: part<DataProtectionComplaintStatus>(),
  channel: part<RequestChannel>(),
  receivedAt: z.string(),
  /** The statutory day of receipt, Europe/London: day 1 of the 30 days to acknowledge. */
  receivedOn: z.string(),
  handler: z.string().nullable(),
  complainant: part<Plain<DataProtectionComplainant>>(),
  whatHappened: z.string(),
  desiredOutcome: z.string().nullable(),
  relatedReference: z.string().nullable(),
  needs: part<Plain<Needs>>(),
  /** When and by whom; whether it was within the 30 days is derived from the day of receipt (clock.ts). */
  acknowledgement: part<Omit<Plain<DataProtectionAcknowledgement>, 'withinTime'> | null>(),
  enquiries: part<Plain<DataProtectionEnquiry>[]>(),
  progressUpdates: part<Plain<DataProtectionProgressUpdate>[]>(),
  outcome: part<Plain<DataProtectionOutcome> | null>(),
  icoComplaint: part<IcoComplaintRecord | null>(),
  closure: part<Plain<CaseClosure> | null>(),
  receiptCorrections: receiptCorrectionsField,
  version: z.number(),
  updatedAt: z.string(),
});

export type DataProtectionRecord = z.infer<typeof dataProtectionRecord>;

/** The states in which the complaint is still being worked (in a handler's caseload). */
export const openStatuses = ['RECEIVED', 'ACKNOWLEDGED', 'OUTCOME_SENT', 'WITH_ICO'] as const satisfies readonly DataProtectionComplaintStatus[];

export function isOpen(c: Pick<DataProtectionRecord, 'status'>): boolean {
  return (openStatuses as readonly DataProtectionComplaintStatus[]).includes(c.status);
}

/** What the public form and staff logging both give. */
export type DataProtectionForm = Pick<DataProtectionRecord, 'complainant' | 'whatHappened' | 'desiredOutcome' | 'relatedReference' | 'needs'>;

/** A complaint as it arrives: nothing acknowledged, enquired into or decided yet. */
export function newDataProtectionComplaint(
  form: DataProtectionForm,
  arrival: { reference: string; receivedAt: string; receivedOn: string },
  how: { channel: RequestChannel },
): DataProtectionRecord {
  return {
    complainant: form.complainant,
    whatHappened: form.whatHappened,
    desiredOutcome: form.desiredOutcome,
    relatedReference: form.relatedReference,
    needs: form.needs,
    reference: arrival.reference,
    receivedAt: arrival.receivedAt,
    receivedOn: arrival.receivedOn,
    status: 'RECEIVED',
    channel: how.channel,
    handler: null,
    acknowledgement: null,
    enquiries: [],
    progressUpdates: [],
    outcome: null,
    icoComplaint: null,
    closure: null,
    version: 1,
    updatedAt: arrival.receivedAt,
  };
}
