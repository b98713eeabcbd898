import type { Timers } from '../executor/ports';

/** The event loop's own timers. */
export const systemTimers: Timers = {
  soon(work) {
    setImmediate(work);
  },
  after(ms, work) {
    const timer = setTimeout(work, ms);
    return () => clearTimeout(timer);
  },
  every(ms, work) {
    const timer = setInterval(work, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};
