// Every CLI command, in the order `--help` lists them. A new command is one module plus a line here.
import type { Command } from '../command.js';
import { diffCommand } from './diff.js';
import { exportCommand } from './export.js';
import { gapsCommand } from './gaps.js';
import { loadCommand } from './load.js';
import { compactCommand, recoverCommand } from './maintenance.js';
import { queryCommand } from './query.js';
import { reportCommand } from './report.js';
import { reviewCommand } from './review.js';
import { serveCommand } from './serve.js';
import { statsCommand } from './stats.js';
import { validateCommand } from './validate.js';

export const commands: Command[] = [
  validateCommand,
  loadCommand,
  statsCommand,
  queryCommand,
  exportCommand,
  gapsCommand,
  reportCommand,
  diffCommand,
  reviewCommand,
  serveCommand,
  recoverCommand,
  compactCommand,
];
