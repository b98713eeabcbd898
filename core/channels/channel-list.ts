import { emailChannel } from './email.channel';
import { pushChannel } from './push.channel';
import { smsChannel } from './sms.channel';
import { webhookChannel } from './webhook.channel';

/**
 * Every channel, in the order the inspector offers them. Adding a channel means adding its file
 * and one entry here (and its view in `renderer/channels/`).
 */
export const CHANNEL_DEFINITIONS = [emailChannel, smsChannel, pushChannel, webhookChannel] as const;
