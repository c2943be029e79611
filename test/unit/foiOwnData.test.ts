import { describe, expect, it } from 'vitest';
import { looksLikeOwnDataRequest } from '../../src/foi/ownData.js';

/**
 * The own-data check (FOIA s.40(1): a request for one's own data is a subject access request),
 * measured on a labelled corpus: true = the writer asks for their own personal data.
 */
const corpus: Array<[string, boolean]> = [
  // Requests for the writer's own data.
  ['Please send me all the information you hold about me.', true],
  ['I would like a copy of my personal data.', true],
  ['Can I have my police records please?', true],
  ['This is a subject access request for everything you hold on me.', true],
  ['I want to make a subject access request.', true],
  ['Please treat this as a subject access request.', true],
  ['I am writing to make a data subject access request under the UK GDPR.', true],
  ['Send me the body worn camera footage of me being arrested on 3 May.', true],
  ['I want my custody record from my arrest last year.', true],
  ['What information do the police hold about me?', true],
  ['Please provide any data that West Midlands Police holds on me.', true],
  ['I request a copy of my own personal information held by the force.', true],
  ['Under my right of access, please send me my interview recordings.', true],
  ['Further to my subject access request, please send the rest of my file.', true],
  ['I would like the details you keep about me following my complaint.', true],
  ['Please send my police file, including the notes of officers who visited me.', true],
  ['Is there anything the police have on me from the 2019 incident?', true],
  ['Under Article 15 I ask for my data.', true],
  ['Please send me the records you hold about myself.', true],
  ['I would like to see my record on your systems.', true],
  // FOI requests about the force, its data and its figures.
  ['How many subject access requests did you receive?', false],
  ['How many subject access requests did you receive in 2025, and how many were answered late?', false],
  ['What is your policy on handling subject access requests?', false],
  ['How many staff work in the subject access team?', false],
  ['Please send me information about speed cameras in Birmingham.', false],
  ['How many Taser discharges were there in Walsall in 2025?', false],
  ['What did the force spend on overtime last year?', false],
  ['Please send me your records management policy.', false],
  ['How many officers were disciplined for misuse of police computers?', false],
  ['What information do you hold about the closure of Bloxwich police station?', false],
  ['Send me the number of stop and search records made in Wolverhampton in March.', false],
  ['How many data breaches did the force report to the ICO?', false],
  ['Please provide the budget for body worn cameras.', false],
  ['How long do you keep custody records?', false],
  ['What is your retention period for interview recordings?', false],
  ['How many requests for personal data did the force refuse?', false],
  ['Can you tell me how many burglaries were reported in my area last month?', false],
  ['Please provide the minutes of the Police and Crime Panel meeting in January.', false],
  ['How many times was my street patrolled last week? I mean patrols generally, not anything about me.', false],
  ['What training do officers get on data protection?', false],
  ['How many complaints about officers failing to listen were recorded?', false],
  ['What is the average time taken to answer a Freedom of Information request?', false],
  ['List the vehicles in the force fleet and their mileage.', false],
  ['Please send me the force’s guidance on the right of access for staff.', false],
];

describe('the own-data check, on a labelled corpus', () => {
  it(`has at least 40 sentences, and precision and recall of at least 0.9 (printed)`, () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const wrong: string[] = [];
    for (const [text, own] of corpus) {
      const said = looksLikeOwnDataRequest(text);
      if (said && own) tp++;
      if (said && !own) fp++;
      if (!said && own) fn++;
      if (said !== own) wrong.push(`${own ? 'missed' : 'false alarm'}: ${text}`);
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`own-data check: ${corpus.length} sentences, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}${wrong.length ? `\n  ${wrong.join('\n  ')}` : ''}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('never sends “How many subject access requests did you receive?” to subject access', () => {
    expect(looksLikeOwnDataRequest('How many subject access requests did you receive?')).toBe(false);
  });
});
