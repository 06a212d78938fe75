// Public surface of the review module.
export { createReviewService, type ReviewDeps } from './review.service.ts';
export * from './review.contract.ts';
export { TRANSITIONS, OPINION_REQUIRED, availableVerbs, isReviewVerb, type Transition } from './review.workflow.ts';
export { actInput } from './review.schemas.ts';
export { registerReviewRoutes } from './review.routes.ts';
