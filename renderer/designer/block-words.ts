import type { BlockType } from '../../core/email-design/design-schema';
import type { MessageId } from '../i18n/messages';

/** Each block type's name, by catalogue id. */
export const BLOCK_NAME: Record<BlockType, MessageId> = {
  heading: 'designer.block.heading',
  text: 'designer.block.text',
  image: 'designer.block.image',
  button: 'designer.block.button',
  divider: 'designer.block.divider',
  spacer: 'designer.block.spacer',
  columns: 'designer.block.columns',
  social: 'designer.block.social',
  products: 'designer.block.products',
  footer: 'designer.block.footer',
};

/** What each chip attribute is called, by catalogue id; other attributes show their own name. */
export const CHIP_NAME: Record<string, MessageId> = {
  first_name: 'designer.chip.firstName',
  last_name: 'designer.chip.lastName',
  city: 'designer.chip.city',
  country: 'designer.chip.country',
  email: 'designer.chip.email',
};
