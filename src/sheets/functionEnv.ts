import { headerKey } from '../core/common/headers.ts';
import { type DateOrder, localeDateOrder } from '../core/read/dateOrder.ts';
import type { ZoneClock } from '../core/time/zone.ts';
import type { FunctionEnv } from '../functions/types.ts';
import { appsScriptClock, settingsClock, spreadsheetLocale, spreadsheetTimeZone } from './clock.ts';
import { loadSettings } from './settingsStore.ts';
import { loadSheetReading } from './sheetReading.ts';

/** The read-only environment custom functions see; each piece is loaded on first use. */
export function functionEnv(): FunctionEnv {
  let settings: ReturnType<typeof loadSettings>['settings'] | undefined;
  let clock: ZoneClock | undefined;
  let sheetClock: ZoneClock | undefined;
  let order: DateOrder | undefined;
  let orders: Map<string, DateOrder> | undefined;
  return {
    settings: () => {
      settings ??= loadSettings().settings;
      return settings;
    },
    clock: () => {
      settings ??= loadSettings().settings;
      clock ??= settingsClock(settings);
      return clock;
    },
    sheetClock: () => {
      sheetClock ??= appsScriptClock(spreadsheetTimeZone());
      return sheetClock;
    },
    localeOrder: () => {
      order ??= localeDateOrder(spreadsheetLocale());
      return order;
    },
    knownOrder: (header) => {
      orders ??= new Map(loadSheetReading()?.dateOrders ?? []);
      return orders.get(headerKey(header)) ?? null;
    },
    nowMs: () => Date.now(),
  };
}
