import { describe, expect, it } from 'vitest';
import { knowledgeWords } from '../../src/answer/match.js';
import { createTriage } from '../../src/answer/triage.js';
import { bundleOf } from '../helpers.js';

const bundle = bundleOf('knowledge');
const triage = createTriage(bundle.urgent, knowledgeWords(bundle));
const levelOf = (question: string) => triage(question)[0]?.level ?? null;

describe('answer/triage', () => {
  // Red flags after spine procedures that the clinical review (issue 22) found under-triaged.
  describe('red flags after a procedure', () => {
    it.each([
      'fever and a really bad headache after my epidural',
      'after my epidural my legs feel weak',
      'I had an ablation and now my leg is weak',
      'my dad had an ablation last week and now his legs are weak',
      'my pump alarm is going off and I have a high fever and my muscles are very stiff',
      'baclofen withdrawal',
      'New severe back pain after my epidural, I take blood thinners',
      'mi esposo tiene fiebre y dolor de cabeza despues de la epidural',
    ])('sends %j to emergency care', (question) => {
      expect(levelOf(question)).toBe('emergency');
    });

    it.each([
      'I take blood thinners, do I need to stop them before my epidural for back pain?',
      'can an epidural cause leg weakness',
      'my baclofen pump helps my spasms, how often is the refill',
      'the numbing wore off and my leg is back to normal after the block',
    ])('does not send %j to emergency care', (question) => {
      expect(levelOf(question)).not.toBe('emergency');
    });

    // Clinical review (issue 22): each finding, in a wording of its own.
    it.each([
      ['weakness that outlasts the numbing', 'after the numbing wore off my leg is still weak'],
      ['weakness the next day, procedure not named', 'next day and my foot still drags, they said it would be gone by dinner'],
      ['severe back pain, no blood thinner named', 'worst back pain of my life since the injection yesterday'],
      ['groin numbness after an injection', 'my inner thighs are numb after the injection'],
      ['fever with light that hurts', 'my mom had the spinal tap thursday, temp of 102 and the light hurts her eyes'],
      ['Spanish vision loss after a neck shot', 'acabo de salir de la epidural en el cuello y de repente no veo del ojo izquierdo'],
      ['a stroke sign that came and went', 'my arm and leg went weak on one side for 10 mins then came back to normal'],
    ])('sends %s to emergency care', (_, question) => {
      expect(levelOf(question)).toBe('emergency');
    });

    it.each([
      ['weakness that wore off, same sentence', 'my legs felt weak after the epidural but it wore off'],
      ['weakness that wore off after a comma', 'my legs felt weak after the epidural, it wore off after a few hours like they said'],
      ['a risk question', 'can an epidural cause paralysis?'],
      ['a positional headache without fever', 'terrible headache since my epidural but it goes away when I lie flat. No fever.'],
      ['Spanish: fever denied', 'me duele mucho la cabeza desde la epidural pero se me quita cuando me acuesto, no tengo fiebre'],
      ['a pump that beeps with no symptoms', "my son's baclofen pump beeped twice today, he is acting normal, no fever, no itching"],
      ['a flushed face after a steroid shot', 'my face is bright red and hot since my steroid shot yesterday, no fever though'],
      ['walking a block with stenosis', 'legs get heavy and numb when I walk a block, fine when I sit'],
    ])('does not send %s to emergency care', (_, question) => {
      expect(levelOf(question)).not.toBe('emergency');
    });

    it('gives a pump or stimulator problem the device advice, which says the emergency room and not urgent care', () => {
      const [finding] = triage('my pain pump started beeping this morning and will not stop');
      expect(finding?.level).toBe('doctor-today');
      expect(finding?.advice).toMatch(/emergency room, not urgent care/);
      const [spanish] = triage('el estimulador de la columna dejo de funcionar', 'es');
      expect(spanish?.ruleId).toBe('stimulator-not-working');
      expect(spanish?.advice).toMatch(/sala de emergencias, no a atención de urgencia/);
    });

    it('gives abuse at home 911 and the domestic violence hotline, in English and Spanish', () => {
      for (const [question, locale] of [['my husband hits me and I am scared to go home', 'en'], ['mi esposo me golpea y tengo miedo de regresar a casa', 'es']] as const) {
        const [finding] = triage(question, locale);
        expect(finding?.ruleId).toBe('in-danger-at-home');
        expect(finding?.advice).toContain('{emergency}');
        expect(finding?.advice).toContain('1-800-799-7233');
      }
    });

    it('tells people worried about someone else that the crisis line helps them too, and that it offers Spanish', () => {
      const [finding] = triage('my brother says he wants to kill himself');
      expect(finding?.level).toBe('crisis');
      expect(finding?.advice).toMatch(/worried about someone else/);
      expect(finding?.advice).toMatch(/Spanish/);
    });
  });

  describe('concepts that generalize (issue 17)', () => {
    it.each([
      ['a wish to die written out in full', 'I do not want to live like this anymore', 'crisis'],
      ['"is not breathing", written out', 'my husband is not breathing', 'emergency'],
      ['"isn\'t breathing", contracted', "she isn't breathing right", 'emergency'],
      ['"cannot breathe"', 'I cannot breathe', 'emergency'],
      ['a farewell', 'tell the nurses thanks, I will not be around much longer', 'crisis'],
      ['a weapon and intent', 'my uncle keeps his rifle by the bed and says he will be no burden much longer', 'crisis'],
      ['means and intent', 'I am going to use the gun on myself tonight', 'crisis'],
      ['a threat at home', "my son says he'll hurt me if I call anyone and he took my phone", 'emergency'],
      ['an older person shoved around', 'her caregiver shoves her and she has bruises', 'emergency'],
      ['a fall on blood thinners', 'grandpa fell in the bathroom, he takes eliquis and hit his head', 'emergency'],
      ['a whole bottle', 'she swallowed the whole bottle of her sleeping pills', 'poison'],
      ['breathless with a cold sweat, no chest pain', 'no chest pain but I am short of breath walking to the kitchen and in a cold sweat', 'emergency'],
      ['thinking of driving off a bridge', 'every day I think about driving off the bridge on my way home', 'crisis'],
      ['pills saved up', 'my dad has been saving his pain tablets and says he will take the lot tonight', 'crisis'],
      ['a grandson hitting his grandmother', 'her grandson is hitting her and he is still in the house', 'emergency'],
      ['a formal report of bladder control lost', 'since last night I have lost control of my water and my back is worse', 'emergency'],
      ['Spanish self-harm with a knife', 'mi hijo se encerro en su cuarto con una navaja y dice que se va a hacer dano', 'crisis'],
      ['strange snoring after opioids', 'after his morphine he is snoring in a strange way and slow to answer', 'emergency'],
    ])('catches %s', (_, question, level) => {
      expect(levelOf(question)).toBe(level);
    });

    it.each([
      ['a relative pushing for a visit', 'my daughter keeps pushing me to see a pain doctor'],
      ['a forearm rash', 'itchy rash on my forearm, what cream helps'],
      ['being gun shy', 'after a surprise bill I am gun shy, does insurance cover injections'],
      ['an old fall', 'I fell years ago while on warfarin and hit my hip, can I still get a shot'],
      ['taking all the pills as prescribed', 'I took all my meds this morning like always'],
      ['a worry stuck in the head', 'my uncle says opioids cause heart attacks and now it is stuck in my head'],
      ['a grandfather who plans ahead', 'what is he supposed to do if he starts having chest pain during the appointment'],
    ])('does not take %s for an emergency', (_, question) => {
      expect(levelOf(question)).toBeNull();
    });
  });

  describe('negation and looking back', () => {
    const rules = createTriage([
      {
        level: 'doctor-today',
        advice: { en: 'call' },
        rules: [
          { id: 'weak', name: 'weak', any: [], all: [['weak'], ['leg']], unless: ['it wore off'], negatable: true, looksBack: true },
          { id: 'fiebre', name: 'fiebre', any: ['fiebre'], all: [], unless: [], negatable: true },
        ],
      },
    ]);
    it.each([
      ['my leg is weak', ['weak']],
      ['my leg was weak, but it wore off', []],
      ['my leg was weak. It wore off, then my other leg went weak', ['weak']],
      ['the numbing wore off and my leg is weak', ['weak']],
      ['no leg weakness', []],
      ['tengo fiebre', ['fiebre']],
      ['no tengo fiebre', []],
      ['sin fiebre', []],
    ])('%j fires %j', (question, ids) => {
      expect(rules(question).map((f) => f.ruleId)).toEqual(ids);
    });
  });

  describe('createTriage', () => {
    it.each([
      ["my legs went numb and I can't hold my bladder", 'emergency'],
      ['I lost control of my bowels and my back is killing me', 'emergency'],
      ['numbness in my groin since this morning', 'emergency'],
      ['sudden weakness in both legs', 'emergency'],
      ['I have crushing chest pain', 'emergency'],
      ["I can't breathe", 'emergency'],
      ['i was in a car accident and my neck hurts', 'emergency'],
      ['I want to kill myself, the pain never stops', 'crisis'],
      ['sometimes I think about suicide', 'crisis'],
      ['I took too many oxycodone pills', 'poison'],
      ['my injection site has pus and I have a fever', 'doctor-today'],
      ['bad headache and stiff neck after my epidural', 'doctor-today'],
      ['my pain pump alarm is beeping', 'doctor-today'],
    ])('fires on %j as %s', (question, level) => {
      expect(levelOf(question)).toBe(level);
    });

    it('forgives typos in symptom words', () => {
      expect(levelOf('cant controll my bladdr')).toBe('emergency');
      expect(levelOf('sucidal thoughts')).toBe('crisis');
    });

    it.each([
      'is a spinal cord stimulator safe?',
      'can a nerve block stop pain after a fall last year?',
      'what is an epidural steroid injection',
      'how long does radiofrequency ablation last',
      'does insurance cover a nerve block',
      'I fell off a ladder last year and my back still hurts',
    ])('does not fire on the ordinary question %j', (question) => {
      expect(triage(question)).toEqual([]);
    });

    it('does not fire a negatable rule on "no fever"', () => {
      expect(levelOf('no fever after my injection, is soreness normal')).toBeNull();
      expect(levelOf("I don't have a fever but my shot site is sore")).toBeNull();
    });

    it('reads "or" as going on with a negated list', () => {
      expect(levelOf('knee a little stiff after the injection, no redness or fever, is ice ok')).toBeNull();
      expect(levelOf('stiff after the injection, redness or fever now')).toBe('doctor-today');
    });

    it('still fires when a negation is in another part of the sentence', () => {
      expect(levelOf('no idea why, but I have a fever after the injection')).toBe('doctor-today');
    });

    it.each([
      ['my husband says he has a plan to end his life', 'crisis'],
      ['i just want to go to sleep and never wake up', 'crisis'],
      ['my 3 year old chewed on my fentanyl patch', 'poison'],
      ['had some wine and took my oxycodone, now im dizzy', 'poison'],
      ['my throat feels like it is closing after the shot', 'emergency'],
      ['her mouth is crooked and she is talking gibberish', 'emergency'],
      ['cant bend my neck and i have a high temp', 'emergency'],
      ['the battery site of my stimulator is swollen and red', 'doctor-today'],
      ['i feel dizzy all of a sudden after my shot', 'doctor-today'],
      ['my dad cannot speak right and his mouth go down on one side', 'emergency'],
      ['got hives after the new pill and im swelling up', 'emergency'],
      ['i threw up blood this morning', 'emergency'],
      ['grandpa is confused and very sleepy today, not himself', 'emergency'],
      ['worst stomach pain of my life, doubled over', 'emergency'],
      ['one leg is way bigger than the other and it hurts', 'emergency'],
      ['got winded out of nowhere just walking to the kitchen', 'emergency'],
      ['motorcycle crash yesterday, neck hurts more today', 'emergency'],
      ['my pain went from a 3 to a 10 in an hour', 'emergency'],
      ['she has osteoporosis and fell, the back pain is unreal', 'emergency'],
      ['lump on my back after the epidural and my legs feel funny', 'emergency'],
      ['nosebleed for 45 min, on eliquis', 'emergency'],
      ['whats the point anymore', 'crisis'],
      ['no one will miss me', 'crisis'],
      ['he said goodbye and locked himself in the bathroom with his pills', 'crisis'],
      ['took way more than prescribed, feel weird', 'poison'],
      ['put a new patch on without taking the old one off', 'poison'],
      ['the shot spot is red, warm and getting bigger', 'doctor-today'],
      ['heart going like 150 and wont slow down, im dizzy', 'emergency'],
      ['high fever and tiny red dots all over', 'emergency'],
      ['hasnt drunk anything in 2 days and shes confused', 'emergency'],
      ['working on the roof, now vomiting and confused', 'emergency'],
      ['toes are blue and i cant find a pulse', 'emergency'],
      ['lump on my back getting bigger after the rfa, im on warfarin', 'emergency'],
      ['mi esposo no puede respirar', 'emergency'],
      ['i wont be needing my appointment, pain will be over soon', 'crisis'],
      ['mom took her lyrica and mine by mistake', 'poison'],
    ])('catches the indirect wording %j as %s', (question, level) => {
      expect(levelOf(question)).toBe(level);
    });

    it('does not treat worsening pain alone as urgent', () => {
      expect(triage('my back pain is getting worse, what can you do')).toEqual([]);
    });

    it.each([
      "i'm confused about the difference between rfa and a nerve block",
      'the bill is not making sense to me',
      "i can't speak english well, is there an interpreter",
      'when im gone on vacation who refills my pump',
      "i'm tired of living with this back pain, what else can i try",
      'is it ok to lie on my stomach for the procedure',
      'my hand went warm and red after the stellate ganglion block, is that normal',
      'should i try shots or stick with pt and ibuprofen',
      'i have a rash from poison ivy',
      'my leg felt numb for a couple hours after the block like they said it would, back to normal now',
      'what does pump withdrawal feel like so i know what to watch for',
      'i accidentally took my dose an hour late, is that ok',
      'can i use a heating pad if i feel dizzy',
    ])('does not fire on the ordinary question %j', (question) => {
      expect(triage(question)).toEqual([]);
    });

    it.each(['can a stimulator shock you', 'how much tylenol is too much in a day', 'is it safe to double my gabapentin dose', 'what if i get a fever after the procedure'])(
      'lets a rule\'s "unless" phrases keep it quiet for %j',
      (question) => {
        expect(triage(question)).toEqual([]);
      },
    );

    it('reads "fewer" as a word, not as a typo of "fever"', () => {
      expect(triage('will the injections mean i need fewer pain pills')).toEqual([]);
    });

    it('lists every level that fired, most urgent first, with the advice of the locale', () => {
      const findings = triage('I took too many pills and I want to die', 'es');
      expect(findings.map((f) => f.level)).toEqual(['crisis', 'poison']);
      expect(findings[0]?.advice).toMatch(/^No tiene que pasar por esto solo/);
    });
  });
});
