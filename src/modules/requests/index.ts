// Public surface of the requests module.
export * from './requests.contract.ts';
export * from './request.workflow.ts';
export * from './request.deadlines.ts';
export * from './outcomes.ts';
export { createRequestsService, type RequestsServiceDeps } from './requests.service.ts';
export { applicationInput, onlineApplicationInput, registeredApplicationInput, actInput, extendInput, splitInput, registerQueryInput, idNumberProblem } from './requests.schemas.ts';
export { normalizeTrackingCode } from './tracking-code.ts';
export { TRACKING_NOT_FOUND } from './intake.service.ts';
export { registerRequestJobs, REMINDER_SWEEP_JOB } from './requests.jobs.ts';
export { SEND_OUTBOX_JOB, type MailTransport } from './requests.notifier.ts';
export { registerRequestsRoutes } from './requests.routes.ts';
export { createMailTransport } from './mail-transport.ts';
export { MAX_APPLICATION_FILES } from './application-files.ts';
