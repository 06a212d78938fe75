// The services the console calls, typed by the catalog and review contracts.
import type { Services } from '../../services.ts';
import type { CatalogService } from '../catalog/catalog.contract.ts';
import type { ReviewService } from '../review/review.contract.ts';

export type ConsoleServices = Services & { catalog: CatalogService; review: ReviewService };
