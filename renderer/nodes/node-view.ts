import type { ComponentType } from 'react';
import type { JourneyNode } from '../../core/model/journey';
import type { NodeCategory } from '../../core/nodes/node-definition';
import type { Translate } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import type { IconProps } from './icons';

/** What a single field's widget needs beyond the schema. */
export interface FieldOptions {
  /** Durations that may point backwards ("1 day before"). */
  allowNegative?: boolean;
  placeholder?: string;
}

/**
 * How the canvas and the inspector present one node kind. The schema drives the form; a view
 * only adds what a schema cannot say: the icon, good starting values per variant, and, as an
 * escape hatch, extra inspector content.
 */
export interface NodeView {
  Icon: ComponentType<IconProps>;
  /**
   * The card's one line in the language ("Wait 3 days", "Vänta 3 dagar") from a config the kind's
   * schema accepted (typed by the kind's view; the card passes what the schema gave). A kind
   * without it shows the English summary its definition gives.
   */
  summary?: (config: never, t: Translate) => string;
  /** What the variant choice is called in the inspector: "Starts when", "Channel". */
  variantLabel?: MessageId;
  /** Config a node starts from when the marketer switches to another variant ("on", "mode", …). */
  variantDefaults?: Readonly<Record<string, Record<string, unknown>>>;
  fieldOptions?: Readonly<Record<string, FieldOptions>>;
  /** Fields of a config the generated form leaves out (another part of the inspector edits them). */
  hiddenFields?: (config: Readonly<Record<string, unknown>>) => readonly string[];
  /** Shown below the generated form, e.g. the message preview. */
  InspectorExtra?: ComponentType<{ node: JourneyNode }>;
}

export const CATEGORY_LABELS: Record<NodeCategory, string> = {
  entry: 'Start',
  timing: 'Timing',
  logic: 'Branching',
  action: 'Actions',
  end: 'End',
};
