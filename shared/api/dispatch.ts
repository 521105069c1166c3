import type { z } from 'zod';
import { contract, isMethodName, type Handlers, type MethodName, type ParsedInput } from './contract';
import { ApiError, failure, type ApiIssue, type ApiResult } from './result';

/**
 * The single entry point every transport (IPC, HTTP) calls: it checks that the method
 * exists, validates the input with the contract's schema, runs the handler and answers
 * with a result. Nothing reaches a handler unvalidated, and no exception escapes.
 */
export async function dispatch<M extends MethodName>(
  handlers: Partial<Handlers<M>>,
  method: unknown,
  rawInput: unknown,
  onInternalError: (method: string, error: unknown) => void = () => {},
): Promise<ApiResult<unknown>> {
  if (!isMethodName(method) || !Object.hasOwn(handlers, method)) {
    // Not String(method): an object without a prototype cannot be converted, and dispatch never throws.
    const name = typeof method === 'string' ? method : `(a ${method === null ? 'null' : typeof method})`;
    return failure('unknown_method', `There is no API method called ${JSON.stringify(name).slice(0, 80)}.`);
  }
  const parsed = validInput(method, rawInput);
  if (!parsed.ok) return parsed;
  const handler = handlers[method as M] as (input: unknown) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(parsed.value) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    onInternalError(method, error);
    const reason = error instanceof Error ? error.message : String(error);
    return failure('internal', `${method} failed: ${reason}`);
  }
}

/** `rawInput` checked against `method`'s input schema: the parsed input, or the invalid_input failure dispatch answers with. */
export function validInput<M extends MethodName>(method: M, rawInput: unknown): ApiResult<ParsedInput<M>> {
  const parsed = contract[method].input.safeParse(rawInput);
  if (parsed.success) return { ok: true, value: parsed.data as ParsedInput<M> };
  const issues = describeIssues(parsed.error);
  const detail = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return failure('invalid_input', `Invalid input for ${method}: ${detail}`, issues);
}

export function describeIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
