/** The zone every date and time in the UI is shown in; set from the signed-in user's preference. */
let current: string | null = null;

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function isTimeZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The user's own choice wins, then the tenant's default, then the browser's zone. */
export function resolveTimeZone(user: string | null | undefined, tenant: string | null | undefined, browser: string = browserTimeZone()): string {
  if (isTimeZone(user)) return user;
  if (isTimeZone(tenant)) return tenant;
  return browser;
}

export function setDisplayTimeZone(zone: string | null): void {
  current = isTimeZone(zone) ? zone : null;
}

export function displayTimeZone(): string {
  return current ?? browserTimeZone();
}

/** Every IANA zone the runtime knows, for pickers; a short list where the runtime cannot say. */
export function allTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [
    'Asia/Shanghai',
    'Asia/Hong_Kong',
    'Asia/Singapore',
    'Asia/Tokyo',
    'Europe/London',
    'America/New_York',
    'UTC',
  ];
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

/** "GMT+08:00" for a zone at a moment, so a picker can show the offset next to the name. */
export function zoneOffset(zone: string, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
    return part?.value === 'GMT' ? 'GMT+00:00' : (part?.value ?? '');
  } catch {
    return '';
  }
}

/** How far a zone's wall clock is ahead of UTC at an instant, in milliseconds. */
export function offsetMs(zone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * Date pickers work in the browser's zone; the user works in theirs. An instant becomes a browser-local
 * Date with the same wall clock as in `zone`, and back, so a picker shows and sets the user's time.
 */
export function toWallClock(iso: string, zone: string = displayTimeZone()): Date {
  const at = new Date(iso).getTime();
  const w = new Date(at + offsetMs(zone, at));
  return new Date(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds(), w.getUTCMilliseconds());
}

export function fromWallClock(local: Date, zone: string = displayTimeZone()): string {
  const wall = Date.UTC(
    local.getFullYear(),
    local.getMonth(),
    local.getDate(),
    local.getHours(),
    local.getMinutes(),
    local.getSeconds(),
    local.getMilliseconds(),
  );
  // Two passes settle the offset across a DST change.
  let at = wall - offsetMs(zone, wall);
  at = wall - offsetMs(zone, at);
  return new Date(at).toISOString();
}
