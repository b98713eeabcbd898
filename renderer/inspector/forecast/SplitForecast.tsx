import type { JourneyNode } from '../../../core/model/journey';
import { SplitPlanner } from './SplitPlanner';
import { WinnerDecisions } from './WinnerDecisions';

/** Below a split's form: the automatic winners decided, then the A/B planner. */
export function SplitForecast({ node }: { node: JourneyNode }) {
  return (
    <>
      <WinnerDecisions node={node} />
      <SplitPlanner node={node} />
    </>
  );
}
