import { describe, expect, it } from 'vitest';
import { edgeName, flowAriaLabels } from '../../../renderer/canvas/keyboard-words';
import { loadJourney } from '../../core/fixtures';
import { wordsIn } from '../words';

describe('connections and the canvas’s own controls, for a screen reader', () => {
  const journey = loadJourney('abandoned-cart.json');
  const step = (id: string) => journey.nodes.find((n) => n.id === id);

  it('names a connection by its steps and, for a step with several exits, the exit', () => {
    const { t } = wordsIn('sv');
    const condition = journey.nodes.find((n) => n.kind === 'condition');
    const edge = journey.edges.find((e) => e.from === condition?.id && e.port === 'no');
    expect(edge).toBeDefined();
    const name = edgeName(t, condition, 'no', step(edge?.to ?? ''));
    expect(name).toMatch(/^Koppling från ”.+” via ”Nej” till ”.+”$/);
    const plain = journey.edges.find((e) => step(e.from)?.kind === 'wait');
    expect(
      edgeName(wordsIn('nb').t, step(plain?.from ?? ''), 'next', step(plain?.to ?? '')),
    ).toMatch(/^Kobling fra «.+» til «.+»$/);
  });

  it('gives React Flow its words in the language', () => {
    const labels = flowAriaLabels(wordsIn('sv').t);
    expect(labels['controls.zoomIn.ariaLabel']).toBe('Zooma in');
    expect(labels['controls.fitView.ariaLabel']).toBe('Visa hela resan');
    expect(
      labels['node.a11yDescription.ariaLiveMessage']?.({ direction: 'left', x: 40, y: 80 }),
    ).toBe('Flyttade steget åt vänster. Det står nu på 40, 80.');
  });
});
