/**
 * The table's and board's filter and sort rules live in shared/ so the service that opens a
 * large workspace can send the first page of the saved view first, decided by the same rules.
 */
export * from '../../../shared/domain/claim-query';
