// Public surface of the review module.
export { createReviewService, combinePublicationHooks, type ReviewDeps, type PublicationHooks } from './review.service.ts';
export { CLARIFICATION_STEP_WORKING_DAYS, clarificationStepDeadline } from './clarification.path.ts';
export * from './review.contract.ts';
export { TRANSITIONS, OPINION_REQUIRED, availableVerbs, hasRoleForVerb, isReviewVerb, type Transition } from './review.workflow.ts';
export { actInput } from './review.schemas.ts';
export { registerReviewRoutes } from './review.routes.ts';
