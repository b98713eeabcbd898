import { frequencyCapCheck } from './frequency-cap.check';
import { messageLoopCheck } from './message-loop.check';
import { missingLanguageCheck } from './missing-language.check';
import type { JourneyCheck } from './journey-check';
import { messageContentCheck } from './message-content.check';
import { offerAfterPurchaseCheck } from './offer-after-purchase.check';
import { quietHoursCheck } from './quiet-hours.check';
import { sensitiveAttributesCheck } from './sensitive-attributes.check';
import { splitGoalCheck } from './split-goal.check';
import { splitWeightsCheck } from './split-weights.check';
import { templateVariablesCheck } from './template-variables.check';
import { unsubscribeLinkCheck } from './unsubscribe-link.check';
import { waitEventCheck } from './wait-event.check';

/** The journey checks, in the order their warnings are listed after the structural rules. */
export const JOURNEY_CHECKS: readonly JourneyCheck[] = [
  unsubscribeLinkCheck,
  sensitiveAttributesCheck,
  templateVariablesCheck,
  offerAfterPurchaseCheck,
  quietHoursCheck,
  frequencyCapCheck,
  messageLoopCheck,
  splitGoalCheck,
  splitWeightsCheck,
  waitEventCheck,
  missingLanguageCheck,
  messageContentCheck('email-too-large'),
  messageContentCheck('email-image-alt-missing'),
  messageContentCheck('email-link-insecure'),
  messageContentCheck('email-button-contrast-low'),
  messageContentCheck('email-postal-address-missing'),
  messageContentCheck('email-design-newer'),
];
