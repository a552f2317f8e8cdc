import { utf8Bytes, VALUE_BUDGET } from '../core/common/propertyBytes.ts';
import type { DateOrder } from '../core/read/dateOrder.ts';
import type { SheetReading } from '../core/sla/liveEdit.ts';

/**
 * THE record of what the last check proved about the leads sheet (core/sla/liveEdit.ts
 * `SheetReading`: the sheet's id and name, each date column's proven order), in one document
 * property. The check stores it; the edit trigger (and the custom functions) read the same one.
 */

type Props = GoogleAppsScript.Properties.Properties;

const KEY = 'sla.sheetReading';

/** Stores the reading when it changed; the date orders are left out if they would not fit. */
export function storeSheetReading(
  reading: SheetReading,
  props: Props = PropertiesService.getDocumentProperties(),
): void {
  let json = JSON.stringify(reading);
  if (utf8Bytes(json) > VALUE_BUDGET) json = JSON.stringify({ ...reading, dateOrders: [] });
  if (utf8Bytes(json) > VALUE_BUDGET) return;
  if (props.getProperty(KEY) !== json) props.setProperty(KEY, json);
}

const isOrder = (v: unknown): v is DateOrder => v === 'dmy' || v === 'mdy';

/** The last check's reading; null when none was stored (or it cannot be read). */
export function loadSheetReading(
  props: Props = PropertiesService.getDocumentProperties(),
): SheetReading | null {
  try {
    const r = JSON.parse(props.getProperty(KEY) ?? 'null') as Partial<SheetReading> | null;
    if (typeof r?.sheetId !== 'number' || typeof r.name !== 'string') return null;
    const orders = Array.isArray(r.dateOrders) ? r.dateOrders : [];
    return {
      sheetId: r.sheetId,
      name: r.name,
      configured: typeof r.configured === 'string' ? r.configured : '',
      activitySheet: typeof r.activitySheet === 'string' ? r.activitySheet : '',
      dateOrders: orders.filter(
        (o): o is [string, DateOrder] =>
          Array.isArray(o) && typeof o[0] === 'string' && isOrder(o[1]),
      ),
    };
  } catch {
    return null;
  }
}
