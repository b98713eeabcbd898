import { useMemo } from 'react';
import { PACK_LABEL_KEYS, type PackLabels } from '../../core/report/pack-labels';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';

/** The slots the pack fills itself, handed through the catalogue unchanged. */
const SLOTS = {
  version: '{version}',
  count: '{count}',
  runs: '{runs}',
  date: '{date}',
  passed: '{passed}',
  total: '{total}',
};

/** The sign-off pack's words in the app's language, from the catalogues (`pack.label.*`). */
export function usePackLabels(): PackLabels {
  const t = useT();
  return useMemo(
    () =>
      Object.fromEntries(
        PACK_LABEL_KEYS.map((key) => [key, t(`pack.label.${key}` as MessageId, SLOTS)]),
      ) as unknown as PackLabels,
    [t],
  );
}
