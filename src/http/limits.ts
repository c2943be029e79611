/**
 * The largest request body the API reads, in bytes, locally and in Lambda alike (API Gateway would
 * pass up to 10 MB, Lambda 6 MB). The largest form the schema allows is well under this.
 */
export const MAX_BODY_BYTES = 1_000_000;
