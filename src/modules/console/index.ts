// Public surface of the console module.
export { registerConsoleRoutes } from './console.routes.ts';
