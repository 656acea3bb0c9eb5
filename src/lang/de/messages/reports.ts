// Text reports printed to the terminal: agreement, evaluation, codebook check, show/kwic/explain/suggest.

import type { EN_REPORTS } from '../../en/messages/reports.js';

export const DE_REPORTS: Readonly<Record<keyof typeof EN_REPORTS, string>> = {
};
