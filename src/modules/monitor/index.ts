// Public surface of the monitor module: column freshness and 网页防篡改 (later: link checks, health).
export { createMonitorService, canSeeFreshness, type MonitorService, type FreshnessReport, type ColumnFreshnessView } from './freshness.service.ts';
export { FRESHNESS_STATE_LABELS, INSPECTION_THRESHOLDS, LONG_STALE_DAYS, DEFAULT_INTERVALS, dueSoonMargin, columnFreshness, siteInspection, type FreshnessState, type SiteInspection } from './freshness.rules.ts';
export { registerMonitorJobs, FRESHNESS_SWEEP_JOB } from './monitor.jobs.ts';
export { createTamperService, canSeeTamperAlerts, TAMPER_CHECK_JOB, TAMPER_CHECK_NOW_JOB, TAMPER_RESOLUTIONS, TAMPER_KIND_LABELS, type TamperService, type TamperAlert, type TamperChange, type TamperResolution, type TamperBaselines, type TamperCheckResult } from './tamper.service.ts';
