// Text reports printed to the terminal: agreement, evaluation, codebook check, show/kwic/explain/suggest.

export const EN_REPORTS = {
} as const satisfies Record<string, string>;
