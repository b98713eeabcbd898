import type { Journey } from '../../core/model/journey';
import { stepTitle } from '../../core/nodes/step-title';
import type { ValidationResult } from '../../core/validation/validate';

/**
 * The validator names steps by their id in quotes (`Email "message-2" has no unsubscribe link`),
 * which a marketer never sees anywhere else. The app shows the name the step has on the canvas
 * instead: its label, else its summary (`Email “Welcome offer” has no unsubscribe link`).
 */
export function stepWords(message: string, titles: ReadonlyMap<string, string>): string {
  if (!message.includes('"')) return message;
  return message.replace(/"([^"\n]{1,200})"/g, (quoted, id: string) => {
    const title = titles.get(id);
    return title === undefined ? quoted : `“${title}”`;
  });
}

/** The findings with every step named by its title rather than its id. */
export function withStepTitles(result: ValidationResult, journey: Journey): ValidationResult {
  if (!result.issues.some((i) => i.message.includes('"'))) return result;
  const titles = new Map(journey.nodes.map((node) => [node.id, stepTitle(node)]));
  return {
    ...result,
    issues: result.issues.map((issue) => {
      const message = stepWords(issue.message, titles);
      return message === issue.message ? issue : { ...issue, message };
    }),
  };
}
