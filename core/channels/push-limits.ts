/**
 * What the platforms show of a push notification before they cut it, on a locked phone: iOS
 * shows about 178 characters of title and body together and Android about 65 of the title and
 * 240 of the body. The composer counts against the tighter of each.
 */
export const PUSH_LIMITS = { title: 50, body: 178 } as const;

export interface PushCount {
  field: keyof typeof PUSH_LIMITS;
  length: number;
  limit: number;
  over: boolean;
}

/** Characters as people see them (an emoji is one), against the platforms' limit. */
export function countPush(field: keyof typeof PUSH_LIMITS, text: string): PushCount {
  const length = Array.from(text).length;
  const limit = PUSH_LIMITS[field];
  return { field, length, limit, over: length > limit };
}
