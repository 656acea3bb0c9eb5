// Problems of codebooks and imported dictionaries (rule ids codebook/*, import/*, code/*).

export const EN_PROBLEMS_CODEBOOK = {
} as const satisfies Record<string, string>;
