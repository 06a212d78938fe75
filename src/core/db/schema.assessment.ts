// Row types: assessment (考核) scoring rules (migration 20261122060200). See schema.ts for the conventions.
/** One agency's scoring rule: points deducted from the base score per event. */
export interface AssessmentRuleTable {
  agencyId: string;
  baseScore: number;
  perLateItem: number;
  perLateReply: number;
  perIgnoredReminder: number;
  /** Per full 10 percentage points of review send-backs / submissions. */
  perTenPercentSentBack: number;
  /** Per full 10 percentage points of reply returns / reply submissions. */
  perTenPercentReturned: number;
  updatedBy: string;
  updatedAt: string;
}
