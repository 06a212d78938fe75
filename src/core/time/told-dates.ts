// How a stored date that was computed with the working-day calendar follows a calendar change
// (the administrator enters the State Council's holiday arrangement, 调休 days, late corrections).
// Two kinds of stored date:
// - the office's own duty (reply 第三十三条, correction notice 第三十条, publication 第二十六条):
//   recomputed both ways, because the law counts working days and the office must meet the real
//   period; the applicant is told on /track when a date shown to them moves;
// - a period somebody outside the office must act within, told to them in writing (the applicant's
//   correction period 第三十条, the payment window 国办函〔2020〕109号 第七条, a third party's
//   answer 第三十二条, another agency's answer to a coordination letter 第十一条): it follows a
//   holiday added inside it (more working days are owed), but never becomes earlier than the date
//   the letter gave, because the addressee relied on it (诚实守信, 国发〔2004〕10号《全面推进依法行政
//   实施纲要》: an agency does not change what it has told a party to the party's detriment).

/** The date a told period ends after a calendar change: the recomputed date, never before the date told. */
export function toldDateAfterCalendarChange(told: string | null, recomputed: string): string {
  return told !== null && told > recomputed ? told : recomputed;
}
