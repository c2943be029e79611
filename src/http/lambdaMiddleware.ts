import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { MAX_BODY_BYTES } from './limits.js';

/**
 * What the Lambda integration (@as-integrations/aws-lambda) does not answer well by itself, as its
 * middleware: a body over the size limit is refused with 413 before it is parsed, and a body that
 * cannot be read (malformed JSON) is answered with a fixed message, not JSON.parse's, which
 * quotes the body back (and the body may hold personal data).
 */
type Result = APIGatewayProxyStructuredResultV2;

/** A GraphQL-shaped error answer with a status and a code. */
export function errorAnswer(statusCode: number, code: string, message: string): Result {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
  };
}

export const tooLarge = () =>
  errorAnswer(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than the ${MAX_BODY_BYTES.toLocaleString('en-GB')} bytes the API reads.`);

/** The body's size in bytes, without decoding it. */
export function bodyBytes(event: Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded'>): number {
  if (!event.body) return 0;
  if (!event.isBase64Encoded) return Buffer.byteLength(event.body, 'utf8');
  const padding = event.body.endsWith('==') ? 2 : event.body.endsWith('=') ? 1 : 0;
  return Math.floor((event.body.length * 3) / 4) - padding;
}

export async function bodyLimit(event: APIGatewayProxyEventV2): Promise<Result | void> {
  if (bodyBytes(event) > MAX_BODY_BYTES) return tooLarge();
}

/**
 * The integration answers a request it could not parse with its exception's message as a bare
 * 400 (no headers). Only a body that is not JSON gets there: answer it without repeating it.
 */
export async function unreadableBody(): Promise<(result: Result) => Promise<void>> {
  return async (result) => {
    if (result.headers !== undefined || result.statusCode !== 400) return;
    Object.assign(result, errorAnswer(400, 'BAD_REQUEST', 'The request body is not valid JSON: send a JSON object with a query.'));
  };
}
