// What other modules (the console) may use of the dashboards and the assessment (H7's part of
// the reports module; re-exported by the module's index.ts).
export { createDashboardService, type Dashboard, type DashboardService, type DepartmentLoad, type MonthlyTrend } from './dashboard.service.ts';
export { canSeeDashboards, resolveViewScope, type AgencyDirectory, type ViewScope } from './dashboard.scope.ts';
export { chartSvg, svgDataUrl, type ChartSeries, type ChartSpec } from './dashboard.charts.ts';
export { createAssessmentService, canEditScoringRule, RULE_FIELDS, type Assessment, type AssessmentService, type DepartmentAssessment } from './assessment.service.ts';
export { DEFAULT_SCORING_RULE, parsePeriod, type Period, type ScoringRule } from './assessment.rules.ts';
export { assessmentWorkbook, ASSESSMENT_COLUMNS } from './assessment.xlsx.ts';
