/** The server's only window on the time, passed in so tests can fix it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function isoNow(clock: Clock): string {
  return clock().toISOString();
}

export function today(clock: Clock): string {
  return clock().toISOString().slice(0, 10);
}
