// Every CLI command, in the order `--help` lists them. A new command is one module plus a line here.
import type { Command } from '../command.js';
import { loadCommand } from './load.js';
import { statsCommand } from './stats.js';
import { validateCommand } from './validate.js';

export const commands: Command[] = [validateCommand, loadCommand, statsCommand];
