// Which copy of a reply file the applicant may receive (条例 第三十七条 区分处理): a file of an
// item that is partly granted, or of a reply that is partly granted as a whole, is given out only
// as its redacted copy; a file of a granted item as it is (or redacted, if staff redacted it);
// a file of an item that was not granted is never given out.
import type { Outcome } from './outcomes.ts';

export type FileRelease = 'original' | 'redacted' | 'needsRedaction' | 'withheld';

export interface ReleaseInput {
  hasRedactedCopy: boolean;
  /** The outcome of the reply item the file belongs to; null when it belongs to the reply as a whole. */
  itemOutcome: Outcome | null;
  /** The request's reported outcome (reportedOutcome of its items). */
  replyOutcome: Outcome | null;
}

export function fileRelease(f: ReleaseInput): FileRelease {
  const outcome = f.itemOutcome ?? f.replyOutcome;
  if (outcome !== 'granted' && outcome !== 'partlyGranted') return 'withheld';
  if (f.hasRedactedCopy) return 'redacted';
  // A file not tied to an item shares the reply's partial disclosure: only a redacted copy goes out.
  const partial = outcome === 'partlyGranted' || (f.itemOutcome === null && f.replyOutcome === 'partlyGranted');
  return partial ? 'needsRedaction' : 'original';
}

/** Reply files: PDF, DOCX, JPEG and PNG, recognised by content. */
export const REPLY_FILE_TYPES = new Map([
  ['application/pdf', 'pdf'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
]);
export const MAX_REPLY_FILES = 20;
