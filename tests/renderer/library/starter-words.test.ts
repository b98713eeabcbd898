import { describe, expect, it } from 'vitest';
import { STARTERS } from '../../../core/templates/starters';
import { starterWords } from '../../../renderer/library/starter-words';
import { wordsIn } from '../words';

describe('the starters’ cards in the language', () => {
  const summary = (id: string) => {
    const starter = STARTERS.find((s) => s.id === id);
    if (!starter) throw new Error(`no starter ${id}`);
    return { id, name: starter.name, description: starter.description, category: starter.category };
  };

  it('has words for every starter in Swedish and Norwegian, and English as the starter says it', () => {
    for (const starter of STARTERS) {
      const english = starterWords(wordsIn('en').t, summary(starter.id));
      expect([english.name, english.description]).toEqual([starter.name, starter.description]);
      for (const locale of ['sv', 'nb'] as const) {
        const words = starterWords(wordsIn(locale).t, summary(starter.id));
        expect(words.name, `${locale} ${starter.id}`).not.toBe(starter.name);
        expect(words.description, `${locale} ${starter.id}`).not.toBe(starter.description);
      }
    }
    expect(starterWords(wordsIn('sv').t, summary('abandoned-cart'))).toMatchObject({
      category: 'Kundvagn',
      name: 'Övergiven kundvagn',
    });
  });

  it('keeps a starter’s own words when the catalogues do not know it', () => {
    const newer = {
      id: 'spring-sale',
      name: 'Spring sale',
      description: 'Ten days.',
      category: 'sale',
    };
    expect(starterWords(wordsIn('nb').t, newer)).toEqual({
      category: 'sale',
      name: 'Spring sale',
      description: 'Ten days.',
    });
  });
});
