import { CHANNEL_DEFINITIONS } from '../channels/channel-list';
import { matchesFilters } from '../conditions/evaluate';
import type { JourneyEvent } from '../model/event';
import type { Profile } from '../model/profile';
import type { Enrollment, StepObserver, StepRecord } from '../runtime/ports';
import { COMPLAINED_EVENT, UNSUBSCRIBED_EVENT } from '../runtime/consent-events';
import type { PersonaOutcome } from './personas';
import { personaOf } from './personas';
import { DRAW, MessageDraws, responseDelay } from './draws';
import { eventValue } from './event-value';
import type { ForecastPlan, NodePlan } from './plan';

/** What a simulated person did with a message, as the forecast counts it. */
export type ResponseKind = 'opened' | 'clicked' | 'converted' | 'unsubscribed' | 'complained';

/** A response waiting for its time in the profile's stream. */
export interface PendingResponse {
  event: JourneyEvent;
  /** The journey whose message it responds to. */
  journeyId: string;
  nodeId: string;
  kind: ResponseKind;
  /** Generation order: responses due at one instant are applied in it. */
  seq: number;
}

const PERSON_CHANNELS = new Set<string>(
  CHANNEL_DEFINITIONS.filter((d) => d.person).map((d) => d.channel),
);

type MessageRecord = Extract<StepRecord, { type: 'message' }>;
type Goal = NonNullable<ForecastPlan['goal']>;

/**
 * The response model (DESIGN §7): for every message sent to a person, draws whether the person
 * opens, clicks (among opens), is caused to convert (only if they do not perform the goal event
 * in the window anyway), unsubscribes and complains, and when; and queues each response as an
 * event for the simulator to apply in the profile's stream. It observes the interpreter's
 * `message` records, so responses follow from what the journey really sent.
 *
 * One instance serves every profile and run in turn (`begin`); it holds one profile's state. It
 * draws for the messages of every journey it has a plan of (several journeys simulated together,
 * DESIGN §8): their responses share the profile's one stream, so each journey sees them all.
 */
export class Responses implements StepObserver {
  /** Whether a message of the current profile and run could respond (so runs may differ). */
  drew = false;
  /** Messages drawn for so far, in every profile and run (to tell whether a stretch drew). */
  drawn = 0;
  /** Where the profile's observed events not yet applied begin (for looking ahead). */
  cursor = 0;
  private readonly queue: PendingResponse[] = [];
  private readonly sentTimes: number[] = [];
  private readonly draws = new MessageDraws();
  private seq = 0;
  private run = 0;
  private events: readonly JourneyEvent[] = [];
  private last = 0;
  private persona: ReturnType<typeof personaOf>;
  private multipliers: Partial<Record<PersonaOutcome, number>> | undefined;
  /**
   * What a caused order of each message drawn for in this run is worth, looked up as it was
   * sent (a new enrollment is not in the store yet then: its trigger does not count). A later
   * run that draws again for run 0's messages (`drawAgain`) is given run 0's.
   */
  readonly values: (number | undefined)[] = [];
  private given: readonly (number | undefined)[] | undefined;
  private givenNext = 0;

  /**
   * `plans`: each journey's plan, by journey id (journeys whose messages cannot respond have
   * none; their messages still count towards fatigue).
   */
  constructor(
    private readonly plans: ReadonlyMap<string, ForecastPlan>,
    private readonly seed: number,
    private readonly enrollment: (id: string) => Enrollment | undefined,
  ) {}

  /**
   * Starts a profile's run; its observed events are `events[from..last)`, in time order. `sent`:
   * the times of the messages it already received, when the run starts part-way (a fork).
   */
  begin(
    run: number,
    profile: Profile,
    events: readonly JourneyEvent[],
    from: number,
    last: number,
    sent: readonly number[] = [],
  ): void {
    this.run = run;
    this.events = events;
    this.cursor = from;
    this.last = last;
    this.queue.length = 0;
    this.sentTimes.length = 0;
    for (const at of sent) this.sentTimes.push(at);
    this.seq = 0;
    this.drew = false;
    this.values.length = 0;
    if (run === 0) this.draws.forget();
    this.persona = personaOf(profile.attributes);
  }

  /** Times of the messages the person received so far in this run (for fatigue). */
  get sent(): readonly number[] {
    return this.sentTimes;
  }

  /** When the next response is due, if one is. */
  nextTime(): number | undefined {
    return this.queue.length > 0 ? (this.queue[0] as PendingResponse).event.time : undefined;
  }

  /** Takes the next response due. */
  take(): PendingResponse {
    return this.queue.shift() as PendingResponse;
  }

  /**
   * Draws, in this run, for messages of run 0 (`steps`, in the order sent), each caused order
   * worth what `values` says it was worth then (run 0's `values` for those messages).
   */
  drawAgain(steps: Iterable<StepRecord>, values: readonly (number | undefined)[]): void {
    this.given = values;
    this.givenNext = 0;
    for (const step of steps) this.record(step);
    this.given = undefined;
  }

  record(step: StepRecord): void {
    if (step.type !== 'message' || !PERSON_CHANNELS.has(step.channel)) return;
    const journey = this.plans.get(step.journeyId);
    const plan = journey?.nodes.get(step.nodeId);
    // Fatigue counts every message the person received, from any journey, whether or not it can
    // respond itself.
    const factor = journey ? this.fatigue(journey, step.at) : 1;
    this.sentTimes.push(step.at);
    if (journey && plan) {
      const persona = this.persona && journey.personas?.get(this.persona);
      this.multipliers = persona;
      this.respond(step, journey, plan, factor);
    }
  }

  /** (1 − decay)^k, k = messages received in (t − per, t) before this one. */
  private fatigue(journey: ForecastPlan, at: number): number {
    const fatigue = journey.fatigue;
    if (!fatigue) return 1;
    let k = 0;
    for (let i = this.sentTimes.length - 1; i >= 0; i--) {
      const t = this.sentTimes[i] as number;
      if (t <= at - fatigue.perMs) break;
      if (t < at) k++;
    }
    return (1 - fatigue.decay) ** k;
  }

  private scaled(rate: number | undefined, factor: number, outcome?: PersonaOutcome): number {
    if (rate === undefined) return 0;
    const persona = outcome === undefined ? 1 : (this.multipliers?.[outcome] ?? 1);
    return Math.min(1, rate * factor * persona);
  }

  private respond(
    step: MessageRecord,
    journey: ForecastPlan,
    plan: NodePlan,
    factor: number,
  ): void {
    this.drew = true;
    this.drawn++;
    const { rates } = plan;
    const open = this.scaled(rates.open, factor, 'open');
    const click = Math.min(
      this.scaled(rates.click, factor, 'click'),
      rates.open === undefined ? 1 : open,
    );
    const goal = journey.goal;
    const convert = goal ? this.scaled(rates.convert, factor, 'convert') : 0;
    // Run 0 keeps the values for the runs that draw again (`drawAgain`); the others look one up
    // only for a caused order.
    const given = this.given;
    let value: number | undefined;
    if (given) value = given[this.givenNext++];
    else if (this.run === 0) this.values.push((value = this.valueOf(journey, step.enrollmentId)));
    const looked = given !== undefined || this.run === 0;
    const draws = this.draws;
    draws.set(this.seed, step.key, this.run);
    const t0 = step.at;
    const end = t0 + plan.withinMs;
    // Whether each response happens: each drawn on its own, clicks among opens (or among all
    // deliveries where opens are not assumed, as for SMS).
    const opened = open > 0 && draws.uniform(DRAW.open) < open;
    const clicked =
      click > 0 &&
      (rates.open === undefined
        ? draws.uniform(DRAW.click) < click
        : opened && draws.uniform(DRAW.click) < click / open);
    const converted =
      convert > 0 &&
      draws.uniform(DRAW.convert) < convert &&
      !this.convertsAnyway(step.journeyId, goal as Goal, t0, end);
    const unsubscribed =
      rates.unsubscribe !== undefined &&
      draws.uniform(DRAW.unsubscribe) < this.scaled(rates.unsubscribe, factor);
    const complained =
      rates.complain !== undefined &&
      draws.uniform(DRAW.complain) < this.scaled(rates.complain, factor);
    const openAt = opened ? this.after(t0, end, DRAW.openTime) : undefined;
    const clickAt = clicked ? this.after(openAt ?? t0, end, DRAW.clickTime) : undefined;
    const props = { journey: step.journeyId, node: step.nodeId, channel: plan.channel };
    if (openAt !== undefined) this.push(step, plan.opened, openAt, props, 'opened');
    if (clickAt !== undefined) this.push(step, plan.clicked, clickAt, props, 'clicked');
    if (converted) {
      if (!looked) value = this.valueOf(journey, step.enrollmentId);
      this.push(
        step,
        (goal as Goal).event,
        this.after(clickAt ?? t0, end, DRAW.convertTime),
        {
          ...props,
          caused_by: step.nodeId,
          ...(goal as Goal).properties,
          ...(value !== undefined && { value }),
        },
        'converted',
      );
    }
    if (unsubscribed)
      this.push(
        step,
        UNSUBSCRIBED_EVENT,
        this.after(openAt ?? t0, end, DRAW.unsubscribeTime),
        props,
        'unsubscribed',
      );
    if (complained)
      this.push(
        step,
        COMPLAINED_EVENT,
        this.after(openAt ?? t0, end, DRAW.complainTime),
        props,
        'complained',
      );
  }

  /** When a response to something at `from` comes, within the window ending at `end`. */
  private after(from: number, end: number, draw: number): number {
    return from + responseDelay(end - from, this.draws.uniform(draw));
  }

  /** What a caused order is worth: the trigger event's value, else the data's mean. */
  private valueOf(journey: ForecastPlan, enrollmentId: string): number | undefined {
    const trigger = this.enrollment(enrollmentId)?.trigger;
    return (trigger && eventValue(trigger.properties)) ?? journey.meanValue;
  }

  /**
   * Whether the profile performs the goal event of `journeyId` in (t0, end] anyway: an observed
   * event (looked up ahead in its own events), an order another of the journey's messages already
   * caused, or one another journey's message caused that is this journey's goal event too.
   */
  private convertsAnyway(journeyId: string, goal: Goal, t0: number, end: number): boolean {
    const isGoal = (event: JourneyEvent) =>
      event.name === goal.event && matchesFilters(goal.where, event.properties);
    for (let i = this.cursor; i < this.last; i++) {
      const event = this.events[i] as JourneyEvent;
      if (event.time > end) break;
      if (event.time > t0 && isGoal(event)) return true;
    }
    for (const pending of this.queue) {
      if (
        pending.kind === 'converted' &&
        pending.event.time > t0 &&
        pending.event.time <= end &&
        (pending.journeyId === journeyId || isGoal(pending.event))
      )
        return true;
    }
    return false;
  }

  /** Queues a response in (time, generation) order. */
  private push(
    step: MessageRecord,
    name: string,
    time: number,
    properties: Readonly<Record<string, unknown>>,
    kind: ResponseKind,
  ): void {
    const pending: PendingResponse = {
      event: { profileId: step.profileId, name, time, properties },
      journeyId: step.journeyId,
      nodeId: step.nodeId,
      kind,
      seq: this.seq++,
    };
    const queue = this.queue;
    let i = queue.length;
    while (i > 0 && (queue[i - 1] as PendingResponse).event.time > time) i--;
    queue.splice(i, 0, pending);
  }
}
