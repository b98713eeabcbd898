import type { TemplateSummary } from '../../core/api/contract';
import type { Translate } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';

/** The starters the catalogues have words for, by id. */
const STARTERS: Record<string, { name: MessageId; description: MessageId }> = {
  'abandoned-cart': {
    name: 'library.starter.abandonedCart.name',
    description: 'library.starter.abandonedCart.description',
  },
  'welcome-nurture': {
    name: 'library.starter.welcomeNurture.name',
    description: 'library.starter.welcomeNurture.description',
  },
  'browse-abandonment': {
    name: 'library.starter.browseAbandonment.name',
    description: 'library.starter.browseAbandonment.description',
  },
  'post-purchase': {
    name: 'library.starter.postPurchase.name',
    description: 'library.starter.postPurchase.description',
  },
  'loyalty-vip': {
    name: 'library.starter.loyaltyVip.name',
    description: 'library.starter.loyaltyVip.description',
  },
  birthday: {
    name: 'library.starter.birthday.name',
    description: 'library.starter.birthday.description',
  },
  'win-back': {
    name: 'library.starter.winBack.name',
    description: 'library.starter.winBack.description',
  },
};

export interface StarterWords {
  category: string;
  name: string;
  description: string;
}

/**
 * A starter's card in the language: its category, name and what it does. A starter the
 * catalogues do not know (a newer one) keeps its own words. The journey made from it keeps the
 * starter's own content.
 */
export function starterWords(t: Translate, template: TemplateSummary): StarterWords {
  const ids = STARTERS[template.id];
  // ICU's select keys are words: "post-purchase" is asked as "postpurchase".
  const category = t('library.starter.category', {
    category: template.category.replace(/-/g, ''),
  });
  if (!ids) return { category, name: template.name, description: template.description };
  return { category, name: t(ids.name), description: t(ids.description) };
}
