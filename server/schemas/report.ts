// Query shape of the Skate meeting's coverage report (GET /api/report): its language, the year and the last meeting.
import { z } from 'zod';
import { DEFAULT_SINCE_DAYS } from '../../graph/work/followup/digest.js';
import { asOfParam } from './time.js';

export const REPORT_LANGUAGES = ['nb', 'en'] as const;

export const ReportQuery = z.strictObject({
  lang: z
    .enum(REPORT_LANGUAGES, { error: (issue) => `must be one of ${REPORT_LANGUAGES.join(', ')} (got ${JSON.stringify(issue.input)})` })
    .default('nb')
    .describe('The language of the report: nb (Norwegian bokmål, default) or en'),
  asOf: asOfParam,
  since: z.iso
    .date('must be a calendar date written YYYY-MM-DD')
    .optional()
    .describe(`The date of the last meeting: findings new or closed since then are listed (default: ${DEFAULT_SINCE_DAYS} days before today)`)
    .meta({ example: '2026-03-01' }),
});
