// The privacy service: screening (with the reviewer's decisions) and the lexicon.
import type { PrivacyService } from './privacy.contract.ts';
import { createLexicon } from './lexicon.service.ts';
import { createScreening, type PrivacyDeps } from './screening.service.ts';

export function createPrivacyService(deps: PrivacyDeps): PrivacyService {
  return { ...createScreening(deps), ...createLexicon(deps) };
}
