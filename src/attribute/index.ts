/** Attribute stage: direction, passage kinds, pair relation. */
export { decideDirection, describeTime, type Direction, type DirectionBasis, type DatedDocument } from './direction';
export { classifyPassage, KIND_THRESHOLDS } from './passage-kind';
export { assessPair, coveredShare, DUPLICATE_SHARE, isDuplicate, round, type PairAssessment, type ClassifiedSpanPair } from './relation';
export { findCredits, findCreditFor, type Credit, type CreditKind, type CreditedSource } from './credit-lines';
