// Standardization.
export { foldText, westernDigits } from './standardize/fold-text.js';
export { standardizeName, parseFullName, nameCore } from './standardize/name.js';
export type { NameParts } from './standardize/name.js';
export { areNameVariants, variantGroups } from './standardize/name-variants.js';
export type { NameKind } from './standardize/name-variants.js';
export { soundKey } from './standardize/sound-key.js';
export { parseDate, inferDateOrder, isRealDate, dayNumber } from './standardize/parse-date.js';
export type { DateOrder } from './standardize/parse-date.js';
export { standardizeCountry } from './standardize/country.js';
export { standardizeDocumentNumber } from './standardize/document-number.js';
export { standardizeStreet, standardizePostcode } from './standardize/address.js';
export { standardizeSex } from './standardize/sex.js';
export { standardizeField } from './standardize/standardize-field.js';

// String comparison.
export { jaroWinkler } from './compare/jaro-winkler.js';
export { damerauLevenshtein } from './compare/damerau-levenshtein.js';

// Schema and data.
export { FieldRole, fieldRoles, isFieldRole } from './schema/field-role.js';
export type { FieldSpec, LinkageSchema } from './schema/field-role.js';
export { inferRole, roleSlot } from './schema/infer-role.js';
export { comparisonLevels, levelLabels } from './schema/comparison-kind.js';
export type { ComparisonKind } from './schema/comparison-kind.js';
export { comparisonsFor, featuresFor } from './schema/comparison-spec.js';
export type { ComparisonSpec, FeatureSpec } from './schema/comparison-spec.js';
export { Dataset } from './dataset/dataset.js';
export type { DatasetOptions, DatasetParts } from './dataset/dataset.js';

// Blocking, model, resolution.
export { defaultBlockingRules, defaultMaxBlockSize } from './blocking/blocking-rule.js';
export type { BlockingRule, KeyPart, KeyTransform } from './blocking/blocking-rule.js';
export type { RuleStats } from './blocking/candidate-pairs.js';
export { LinkageModel, probabilityOf, weightOf } from './model/linkage-model.js';
export type { LinkageModelJson, ComparisonParameters, LevelParameters } from './model/linkage-model.js';
export type { TrainOptions, TrainReport } from './model/train-model.js';
export { resolveDataset } from './resolve/resolve-dataset.js';
export type { Resolution, ResolveOptions, ResolveStage, BlockingReport, ScoredCandidates } from './resolve/resolve-dataset.js';
export type { Clustering, RejectedLink } from './cluster/cluster-pairs.js';

// Evaluation.
export { pairwiseMetrics } from './evaluate/pairwise-metrics.js';
export type { PairwiseMetrics } from './evaluate/pairwise-metrics.js';

// Explanation.
export { PairExplainer } from './score/pair-explainer.js';
export type { PairExplanation, ComparisonEvidence } from './score/pair-explainer.js';

// Incremental resolution.
export { IncrementalIndex } from './incremental/incremental-index.js';
export type { IndexMatch } from './incremental/incremental-index.js';

// Canonical records.
export { personRecordSchema, personRecordValues } from './adapters/person-record.js';
