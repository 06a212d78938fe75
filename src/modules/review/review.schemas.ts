// Input of a review step.
import { z } from 'zod';

export const actInput = z.object({
  opinion: z.string().trim().max(2000, '意见最多 2000 字').default(''),
  basis: z.string().trim().max(2000, '依据最多 2000 字').default(''),
});
export type ActInput = z.input<typeof actInput>;
