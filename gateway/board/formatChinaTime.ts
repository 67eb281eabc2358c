/**
 * An instant as the board shows it: China wall-clock time to the minute, "2026-10-31 14:00". The
 * graph's DateTimes carry +08:00 (schema/formatCst.ts); any other offset is converted the same way.
 */
import { formatCst } from '../../schema/formatCst.ts';

export function formatChinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return formatCst(ms).slice(0, 16).replace('T', ' ');
}
