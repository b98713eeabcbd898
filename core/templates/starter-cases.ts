import abandonedCart from '../../assets/templates/abandoned-cart.cases.json';
import birthday from '../../assets/templates/birthday.cases.json';
import browseAbandonment from '../../assets/templates/browse-abandonment.cases.json';
import loyaltyVip from '../../assets/templates/loyalty-vip.cases.json';
import postPurchase from '../../assets/templates/post-purchase.cases.json';
import welcomeNurture from '../../assets/templates/welcome-nurture.cases.json';
import winBack from '../../assets/templates/win-back.cases.json';

const CASES: Readonly<Record<string, unknown>> = {
  'abandoned-cart': abandonedCart,
  birthday,
  'browse-abandonment': browseAbandonment,
  'loyalty-vip': loyaltyVip,
  'post-purchase': postPurchase,
  'welcome-nurture': welcomeNurture,
  'win-back': winBack,
};

/**
 * The test cases a starter ships with (assets/templates/<id>.cases.json), as the text of a cases
 * file, for a journey that keeps the starter's id; undefined for any other journey. The app has
 * no cases of its own yet, so these are the tests its sign-off pack runs: an edit that breaks
 * what the starter promised shows as a failed case.
 */
export function starterCasesText(journeyId: string): string | undefined {
  const cases = Object.prototype.hasOwnProperty.call(CASES, journeyId)
    ? CASES[journeyId]
    : undefined;
  return cases === undefined ? undefined : JSON.stringify(cases);
}
