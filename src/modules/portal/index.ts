// Public surface of the portal module.
export { registerPortalRoutes, PUBLIC_CACHE_CONTROL } from './portal.routes.ts';
export { portalErrorPage } from './error.pages.tsx';
export type { PortalContext, PortalDeps } from './portal.service.ts';
