// Public surface of the participation module (在线咨询, 局长信箱, 监督投诉; issue 7 part 6).
export {
  createParticipationService, MESSAGE_NOT_FOUND,
  type ParticipationService, type ParticipationDeps, type MessageReceipt, type MessageView, type TrackedMessage, type PublicAnswer, type InspectionSummary,
} from './participation.service.ts';
export * from './participation.rules.ts';
export { messageInput, MESSAGE_MAX_LENGTHS, type MessageInput, type OnlineMessageInput } from './participation.schemas.ts';
export { canManageMessages, canSeeMessages, canDraftAnswer } from './participation.policy.ts';
export { maskForPublication } from './participation.publish.ts';
export { registerParticipationJobs, PARTICIPATION_SWEEP_JOB } from './participation.jobs.ts';
export { rebuildMessageSearchIndex, MESSAGE_REINDEX_BATCH, type MessageIndexProgress } from './participation.reindex.ts';
