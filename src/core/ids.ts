// Sortable identifiers (ULID): time-ordered, so "newest first" is an index scan.
import { monotonicFactory } from 'ulid';

const next = monotonicFactory();

export function newId(): string {
  return next();
}
