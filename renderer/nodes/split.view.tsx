import { SplitForecast } from '../inspector/forecast/SplitForecast';
import { SplitIcon } from './icons';
import type { NodeView } from './node-view';

export const splitView: NodeView = { Icon: SplitIcon, InspectorExtra: SplitForecast };
