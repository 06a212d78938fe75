// Query and path parameters of the portal pages. Malformed filters are dropped rather than
// rejected: a citizen following an old or edited link still gets a useful page.
import { z } from 'zod';
import { VALIDITIES } from '../catalog/index.ts';

const MAX_PAGE = 10_000;

const page = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1).default(1);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);

export const agencyQuery = z.object({ agency: optionalText(64) }).loose();

export const pageQuery = z.object({ page }).loose();

export const idParams = z.object({ id: z.string().min(1).max(64) });

export const searchQuery = z.object({
  q: z.string().trim().max(100).catch('').default(''),
  column: optionalText(64),
  year: z.coerce.number().int().min(1949).max(9999).optional().catch(undefined),
  validity: z.enum(VALIDITIES).optional().catch(undefined),
  page,
});
