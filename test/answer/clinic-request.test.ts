import { describe, expect, it } from 'vitest';
import { clinicRequestOf } from '../../src/answer/clinic-request.js';
import { createResponder } from '../../src/answer/reply.js';
import { toJsonLine } from '../../src/cli/format.js';
import { bundleOf } from '../helpers.js';

describe('answer/clinic-request', () => {
  it.each([
    ['can you refill my oxycodone', 'refill'],
    ['i need a renewal on my gabapentin prescription', 'refill'],
    ['necesito que me resurtan la receta de tramadol', 'refill'],
    ['are my MRI results back yet?', 'results'],
    ['ya llegaron mis resultados de la resonancia?', 'results'],
    ['I need to reschedule my injection on Tuesday', 'appointment'],
    ['quiero cancelar mi cita del lunes', 'appointment'],
    ['please send my records to my new doctor', 'records'],
    ['I got a bill for $900 and I think it is wrong', 'billing'],
    ['me cobraron dos veces la consulta', 'billing'],
    ['I need a doctors note for work', 'paperwork'],
    ['has the prior authorization for my ablation gone through', 'paperwork'],
    ['could you push back my follow up to friday', 'appointment'],
    ["I have to move mom's appointment, she has the dentist that day", 'appointment'],
    ['please fax a copy of my MRI report to my surgeon', 'records'],
    ['what did my CT scan show last week', 'results'],
    ['can u guys call in my refill at the walgreens', 'refill'],
    ['my boss wants a note saying I was here for the shot', 'paperwork'],
  ])('%j is a request for the clinic (%s)', (question, kind) => {
    expect(clinicRequestOf(question)).toBe(kind);
  });

  it.each([
    'how often does the pain pump need a refill',
    'how much does an epidural cost with insurance',
    'will I get a bill from the anesthesiologist too?',
    'what do the results of a nerve block test tell the doctor',
    'how do I book an appointment',
    'what happens at my first visit',
    'can a nerve block help my sciatica',
    'does medicare usually cover spine injections or will I get a bill',
    'does that change anything for the injection',
    'what does an MRI show that an x-ray does not',
  ])('%j is a question the articles answer', (question) => {
    expect(clinicRequestOf(question)).toBeUndefined();
  });

  it('replies with the clinic, not an article, and says so in ask --jsonl', () => {
    const responder = createResponder(bundleOf('knowledge'));
    const reply = responder.reply('can you refill my oxycodone');
    expect(reply).toMatchObject({ status: 'fallback', reason: 'needs-clinic', request: 'refill', matches: [] });
    expect(JSON.parse(toJsonLine('q', reply))).toEqual({ q: 'q', status: 'fallback', reason: 'needs-clinic', matches: [] });
    // The urgent check still comes first.
    expect(responder.reply('I took all my oxycodone at once, can you refill it').status).toBe('urgent');
  });
});
