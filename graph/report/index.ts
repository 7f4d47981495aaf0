// Renders the coverage report for a Skate meeting — summary figures, gaps by severity with their quotes, the main
// coverage matrices — as markdown or as HTML that prints on A4. Norwegian bokmål unless `lang: 'en'`.
import type { Language } from '../schema/analysis.js';
import type { GraphSnapshot } from '../store/port.js';
import { writeHtml } from './html.js';
import { writeMarkdown } from './markdown.js';
import { buildReportModel, type ReportOptions } from './model.js';

export const REPORT_FORMATS = ['md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderReportOptions extends ReportOptions {
  format: ReportFormat;
  lang?: Language;
}

export function renderReport(snapshot: GraphSnapshot, options: RenderReportOptions): string {
  const model = buildReportModel(snapshot, options);
  return options.format === 'html' ? writeHtml(model) : writeMarkdown(model);
}

export { buildReportModel, type ReportModel } from './model.js';
