/** How the contract declares a method (see contract.ts); kept apart so groups of methods can live in their own files. */
import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: 'service' | 'host';
  readonly summary: string;
  readonly input: I;
  readonly output: O;
}

export const service = <I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O) =>
  ({ kind: 'service', summary, input, output }) as const satisfies MethodSpec<I, O>;
export const host = <I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O) =>
  ({ kind: 'host', summary, input, output }) as const satisfies MethodSpec<I, O>;
