// What screening keeps of the detector's output. Below this confidence a finding is about an
// organisation (its credit code, a gov.cn mailbox): public by nature, shown by the CLI only.
export const SCREENING_MIN_CONFIDENCE = 0.3;
