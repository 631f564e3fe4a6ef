import type { RegisterCommand } from './index.js';
import { action } from '../action.js';

/** `docket resolve FILE.csv ...`: deduplicate one file, or link and deduplicate several. */
export const registerResolve: RegisterCommand = (program) => {
  program
    .command('resolve')
    .description('resolve records into people: deduplicate one CSV file, or link and deduplicate several')
    .argument('<files...>', 'CSV files with a header row')
    .requiredOption('--id <column>', 'the column holding each record\'s id (unique across files)')
    .requiredOption('--out <file>', 'where to write the clusters: source,record_id,entity_id')
    .option('--pairs <file>', 'also write scored pairs with each comparison\'s level and weight')
    .option('--review <file>', 'also write the uncertain pairs for clerical review')
    .option('--schema <file>', 'JSON mapping of columns to roles: {"columns": {"HEADER": "ROLE" | "ignore"}, "dateOrder": "mdy" | "dmy"}')
    .option('--model <file>', 'score with a stored model instead of training on these records')
    .option('--save-model <file>', 'write the trained model as JSON')
    .option('--threads <n>', 'threads for comparing pairs, 1 or 2 (default: 2 for large runs on two or more cores)')
    .option('--quiet', 'no progress lines')
    .action(
      action(async (files: string[], options: { id: string; out: string; pairs?: string; review?: string; schema?: string; model?: string; saveModel?: string; threads?: string; quiet?: boolean }) => {
        const { runResolve } = await import('../resolve/run-resolve.js');
        runResolve(files, options);
      }),
    );
};
