// Instants shown to staff in Beijing time (instants are stored as UTC ISO strings).
import { legalDate } from '../../core/time/clock.ts';

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

export const shanghaiDate = (iso: string) => legalDate(new Date(iso));

export function shanghaiDateTime(iso: string): string {
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
