import type { ComponentType } from 'react';
import type { JourneyNode } from '../../core/model/journey';
import type { NodeCategory } from '../../core/nodes/node-definition';
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
  /** What the variant choice is called in the inspector: "Starts when", "Channel". */
  variantLabel?: string;
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
