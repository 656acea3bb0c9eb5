// Problems of codebooks and imported dictionaries (rule ids codebook/*, import/*, code/*).

import type { EN_PROBLEMS_CODEBOOK } from '../../en/messages/problems-codebook.js';

export const DE_PROBLEMS_CODEBOOK: Readonly<Record<keyof typeof EN_PROBLEMS_CODEBOOK, string>> = {
};
