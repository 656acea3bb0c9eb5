/**
 * Plain, JSON-serialisable data shared by all pipeline stages:
 * read → segment → tokenize → code → aggregate → render.
 *
 * Conventions used throughout:
 * - lines and columns start at 1; `offset` values are 0-based UTF-16 code units into a string;
 * - times are seconds from the start of the recording (fractions allowed);
 * - a category's "full code" joins the codes of its ancestors with `/` (`bedarfe/personal`).
 */
export type * from './types/problem.js';
export type * from './types/transcript.js';
export type * from './types/codebook.js';
export type * from './types/report.js';
