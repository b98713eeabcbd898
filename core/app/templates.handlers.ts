import type { ApiHandlers } from '../api/contract';
import { STARTERS } from '../templates/starters';

export type TemplateHandlers = Pick<ApiHandlers, 'listTemplates'>;

/** Starter journeys offered by "New from template". */
export function templateHandlers(): TemplateHandlers {
  return {
    listTemplates() {
      return Promise.resolve(
        STARTERS.map(({ id, name, description, category }) => ({
          id,
          name,
          description,
          category,
        })),
      );
    },
  };
}
