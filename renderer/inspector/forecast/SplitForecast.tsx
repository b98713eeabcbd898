import type { JourneyNode } from '../../../core/model/journey';
import { SplitPlanner } from './SplitPlanner';

/** Below a split's form: the A/B planner. */
export function SplitForecast({ node }: { node: JourneyNode }) {
  return <SplitPlanner node={node} />;
}
