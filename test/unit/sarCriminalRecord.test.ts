import { describe, expect, it } from 'vitest';
import { acroSignpostFor, criminalRecordCheck, criminalRecordWarning } from '../../src/subjectAccess/criminalRecord.js';

/**
 * The ACRO check (RULES.md §3 "Criminal records") measured on a labelled corpus of request
 * descriptions: what a requester writes in the subject access form's "what do you want" box, or
 * what staff type when logging a letter. Each is labelled with the ACRO service it belongs to, or
 * null for an ordinary subject access request the force itself answers. The test prints precision
 * and recall of "is this ACRO's?" and the accuracy of the service chosen, and holds them to a floor.
 */
type Label = 'POLICE_CERTIFICATE' | 'SUBJECT_ACCESS_PNC' | null;
const corpus: Array<[string, Label]> = [
  // ---- subject access to the PNC (ACRO) ----
  ['I would like a copy of my previous convictions.', 'SUBJECT_ACCESS_PNC'],
  // Found by a reviewer walking the form: both went through as ordinary subject access requests.
  ['Please send me the records of my conviction from 2015.', 'SUBJECT_ACCESS_PNC'],
  ['I need a print-out of my police record.', 'SUBJECT_ACCESS_PNC'],
  ['Please send me details of my previous convictions and cautions.', 'SUBJECT_ACCESS_PNC'],
  ['A copy of my criminal record please', 'SUBJECT_ACCESS_PNC'],
  ['I want to see my full criminal history.', 'SUBJECT_ACCESS_PNC'],
  ['What is on the Police National Computer about me?', 'SUBJECT_ACCESS_PNC'],
  ['Copy of my PNC record', 'SUBJECT_ACCESS_PNC'],
  ['Can you tell me if my spent convictions are still held?', 'SUBJECT_ACCESS_PNC'],
  ['All my convictions from the 1990s, I need to know what is held.', 'SUBJECT_ACCESS_PNC'],
  ['A list of all my cautions and reprimands', 'SUBJECT_ACCESS_PNC'],
  ['Do I have a criminal record? I was arrested in 2004 but never charged.', 'SUBJECT_ACCESS_PNC'],
  ['What’s on my record? I want to know before applying for jobs.', 'SUBJECT_ACCESS_PNC'],
  ['Any convictions or cautions recorded against me', 'SUBJECT_ACCESS_PNC'],
  ['My old convictions, I think one should have been removed', 'SUBJECT_ACCESS_PNC'],
  ['A print-out of my convictions for my solicitor', 'SUBJECT_ACCESS_PNC'],
  ['I need my own criminal record for court.', 'SUBJECT_ACCESS_PNC'],
  ['Record of my previous convictions held by police', 'SUBJECT_ACCESS_PNC'],
  ['I was told to ask ACRO but they sent me here: my record please', 'SUBJECT_ACCESS_PNC'],
  ['Details of my final warnings as a youth', 'SUBJECT_ACCESS_PNC'],
  // ---- police certificate (ACRO) ----
  ['I need a police certificate for my Canadian visa application.', 'POLICE_CERTIFICATE'],
  ['Police clearance certificate for emigration to Australia', 'POLICE_CERTIFICATE'],
  ['Certificate of good conduct for the embassy', 'POLICE_CERTIFICATE'],
  ['A copy of my criminal record for a visa to New Zealand', 'POLICE_CERTIFICATE'],
  ['I am moving abroad and need a criminal record check', 'POLICE_CERTIFICATE'],
  ['My previous convictions, the US embassy asked for them for my visa', 'POLICE_CERTIFICATE'],
  ['Police clearance for my residence permit in Spain', 'POLICE_CERTIFICATE'],
  ['Criminal record certificate for citizenship application', 'POLICE_CERTIFICATE'],
  // ---- ordinary subject access requests (the force's own records) ----
  ['Everything about my report of a burglary in 2025', null],
  ['Body-worn video of my arrest on 3 May 2025', null],
  ['My custody record from Steelhouse Lane', null],
  ['The notes of my 101 calls about my neighbour', null],
  ['The suspect’s previous convictions, as he assaulted me', null],
  ['Why was the man who attacked me not given a caution?', null],
  ['Records of the domestic abuse incidents I reported, 2019 to 2021', null],
  ['All emails that mention me between the force and my employer', null],
  ['My statement as a witness to the road traffic collision', null],
  ['Information about the stop and search of me on Broad Street', null],
  ['Copies of the crime reports where I was the victim', null],
  ['The offender’s criminal record was mentioned at court; I want the letters sent to me', null],
  ['Details of my complaint against PC Smith and the outcome', null],
  ['Records about my missing person report for my son', null],
  ['Any intelligence held about me in connection with the protest', null],
  ['Call recordings of my 999 call on 12 January', null],
  ['CCTV of me at the station front counter', null],
  ['The conviction of the driver who hit my car: what did you record?', null],
  ['My firearms licence application file', null],
  ['Information about me held by the Public Protection Unit', null],
  ['My details on your systems after I was a victim of fraud', null],
  ['Photographs taken of my injuries by officers', null],
];

describe('the ACRO check on a labelled corpus', () => {
  it('has at least 40 labelled sentences', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  it('finds criminal-record requests with high precision and recall, and picks the right ACRO service', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let rightService = 0;
    const misses: string[] = [];
    for (const [text, label] of corpus) {
      const found = criminalRecordCheck(text);
      if (found && label) {
        tp++;
        if (found.service === label) rightService++;
        else misses.push(`wrong service (${found.service}): ${text}`);
      } else if (found && !label) {
        fp++;
        misses.push(`false positive (“${found.matched}”): ${text}`);
      } else if (!found && label) {
        fn++;
        misses.push(`missed (${label}): ${text}`);
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    const serviceAccuracy = rightService / tp;
    console.log(
      `ACRO check on ${corpus.length} sentences: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, right ACRO service ${serviceAccuracy.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})` +
        (misses.length ? `\n  ${misses.join('\n  ')}` : ''),
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(serviceAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});

describe('signposts and warnings', () => {
  it('signposts a PNC request to ACRO subject access and a visa request to police certificates', () => {
    expect(acroSignpostFor('my previous convictions')).toMatchObject({ organisation: 'ACRO Criminal Records Office', url: 'https://www.acro.police.uk/subject-access' });
    expect(acroSignpostFor('police certificate for a visa')).toMatchObject({ url: 'https://www.acro.police.uk/police-certificates', explanation: expect.stringMatching(/police certificate/) });
    expect(acroSignpostFor('Everything about my report of a burglary')).toBeNull();
  });

  it('warns staff with the words that matched, and what to tell the requester', () => {
    expect(criminalRecordWarning('Please send my previous convictions and the notes of my 101 calls')).toMatchObject({
      service: 'SUBJECT_ACCESS_PNC',
      matched: 'my previous convictions',
      explanation: expect.stringMatching(/ACRO.*handle here only what the force itself holds/),
    });
    expect(criminalRecordWarning('My custody record')).toBeNull();
  });
});
