import type { RegisterCommand } from './index.js';
import { action } from '../action.js';

/** `docket evaluate CLUSTERS.csv --truth TRUTH.csv`: pairwise quality of a resolution against labels. */
export const registerEvaluate: RegisterCommand = (program) => {
  program
    .command('evaluate')
    .description('pairwise precision, recall and F1 of resolved clusters against labelled truth')
    .argument('<clusters>', 'clusters written by `docket resolve` (record_id,entity_id)')
    .requiredOption('--truth <file>', 'the true grouping: CSV with record_id and a label column (truth, or person_id as `docket demo generate` writes truth/records.csv)')
    .option('--truth-column <name>', 'the label column of the truth file, when it is neither truth nor person_id')
    .option('--json', 'print the figures as JSON')
    .action(
      action(async (clusters: string, options: { truth: string; truthColumn?: string; json?: boolean }) => {
        const { runEvaluate } = await import('../resolve/run-evaluate.js');
        runEvaluate(clusters, options.truth, options.json === true, options.truthColumn);
      }),
    );
};
