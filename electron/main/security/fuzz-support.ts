/**
 * Test support for the security tests: fast-check arbitraries generated from the zod
 * schemas of the API contract (zod-fast-check supports neither zod 4 nor fast-check 4, so
 * this walks zod 4's schema definitions itself), with hostile values mixed in at any depth.
 *
 * Values are what IPC's structured clone can carry, not just JSON: NaN, ±Infinity, -0,
 * BigInt, undefined, Dates, Maps, Sets, typed arrays, sparse arrays, boxed primitives and
 * objects whose own keys are `__proto__` or `constructor` (as JSON.parse and structured
 * clone produce them). Functions and symbols are left out: they cannot cross either
 * transport.
 */
import fc from 'fast-check';
import type { z } from 'zod';

/** Values the generators pick ids, addresses and file contents from, so calls get past "not found". */
export interface FuzzPools {
  /** Ids of articles, claims and sources in the workspace under test, and some that are not. */
  readonly ids: readonly string[];
  /** Rating level ids on the scale, and some that are not. */
  readonly ratingIds: readonly string[];
  /** Addresses for url fields: web addresses and every scheme that must be refused. */
  readonly urls: readonly string[];
  /** Whole-file contents for `content` fields (backups, bundles): valid and broken. */
  readonly contents: readonly string[];
  /** Whether url fields may also get random web addresses (not for methods that fetch them). */
  readonly randomWebUrls: boolean;
}

/** The parts of zod 4's internal definition this walker reads. */
interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; format?: string; pattern?: RegExp } } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  format?: string;
  pattern?: RegExp;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strings that have broken parsers, renderers or file systems somewhere. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil\u202C',
  '\uFEFF',
  '\u2028\u2029',
  '<script>globalThis.__pwned = 1</script>',
  '<img src=x onerror="globalThis.__pwned = 1">',
  'javascript:globalThis.__pwned=1',
  '"><svg onload=alert(1)>',
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|\' /C calc\'!A0',
  '@SUM(1+1)',
  '-2+3',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'CON',
  '%00',
  '%E0%A4%A',
  '${7*7}{{7*7}}',
  "'; DROP TABLE claims; --",
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  '0',
  'NaN',
  'null',
  'undefined',
  'true',
  '💥🧨'.repeat(50),
  'e\u0301'.repeat(200),
  'A'.repeat(65_537),
];

/** An object with its own `__proto__` key, as JSON.parse (and structured clone) make it. */
export function ownProtoObject(value: unknown = { polluted: true }): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  Object.defineProperty(object, '__proto__', { value, enumerable: true, writable: true, configurable: true });
  return object;
}

const sparse = (): unknown[] => {
  const array: unknown[] = [];
  array[3] = 'x';
  return array;
};

/** Values of every kind structured clone carries, each wrong almost everywhere. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    -1,
    0.5,
    2 ** 53 + 2,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    0n,
    -(2n ** 64n),
    true,
    false,
  ),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constant(null).map(() => ownProtoObject()),
  fc.constant(null).map(() => ({ constructor: { prototype: { polluted: true } } })),
  fc.constant(null).map(() => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown),
  fc.constant(null).map(() => Object.create(null) as unknown),
  fc.constant(null).map(() => new Date(Number.NaN)),
  fc.constant(null).map(() => new Date(0)),
  fc.constant(null).map(() => new Map<unknown, unknown>([['id', 'x'], [1, 2]])),
  fc.constant(null).map(() => new Set(['a', 1])),
  fc.constant(null).map(() => new Uint8Array([0, 255, 60, 62])),
  fc.constant(null).map(() => new ArrayBuffer(8)),
  fc.constant(null).map(sparse),
  fc.constant(null).map(() => [[[[[[[[[[]]]]]]]]]]),
  fc.constant(null).map(() => Object.assign(new Error('boom'), { code: 'internal' })),
  fc.constant(null).map(() => /.*/gu),
  // Boxed primitives survive structured clone.
  fc.constant(null).map(() => new String('boxed')),
  fc.constant(null).map(() => new Number(7)),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Any value at all (the payload a confused or hostile caller sends instead of an input). */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileValue, weight: 3 },
  { arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true }), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 2 },
);

/** Keys a wrong object may carry besides its own. */
const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'id', 'extra', '', ' ', '0'];

/** Long strings are built once: a 5 MB string per generated value would make the fuzzing slow. */
const longStrings = new Map<number, string>();
const repeatA = (length: number): string => {
  let text = longStrings.get(length);
  if (text === undefined) {
    text = 'a'.repeat(length);
    longStrings.set(length, text);
  }
  return text;
};

/** Above this, a string or array at its maximum size is only sent one over (refused): accepting 5 MB texts would slow every later write. */
const LARGEST_ACCEPTED_BOUNDARY = 100_000;

export interface ArbitraryOptions {
  /** Chance (0..1) that any one value in the input is replaced by a hostile one. */
  readonly mutate: number;
  readonly pools: FuzzPools;
}

/**
 * Inputs shaped by `schema` (its input side: before defaults and transforms), valid-looking
 * but for boundary values and, with `mutate`, hostile values and wrong keys at any depth.
 */
export function arbitraryFor(schema: z.ZodType, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  return build(schema, options, 0);
}

function build(schema: z.ZodType, options: ArbitraryOptions, depth: number): fc.Arbitrary<unknown> {
  const shaped = shapedBy(schema, options, depth);
  if (options.mutate <= 0) return shaped;
  const weight = Math.max(1, Math.round((1 - options.mutate) / options.mutate));
  return fc.oneof({ arbitrary: shaped, weight }, { arbitrary: hostileValue, weight: 1 });
}

function shapedBy(schema: z.ZodType, options: ArbitraryOptions, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringFor(def, options);
    case 'number':
      return numberFor(def);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.oneof({ arbitrary: fc.constantFrom(...Object.values(def.entries ?? {})), weight: 9 }, { arbitrary: fc.constantFrom('', 'NEW', 'new ', 'other'), weight: 1 });
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'nullable':
      return fc.oneof(fc.constant(null), build(def.innerType!, options, depth + 1));
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: build(def.innerType!, options, depth + 1), weight: 3 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return build(def.innerType!, options, depth + 1);
    case 'pipe':
      // The input side is what a caller sends; a transform's output is not an input.
      return defOf(def.in!).type === 'transform' ? build(def.out!, options, depth + 1) : build(def.in!, options, depth + 1);
    case 'object':
      return objectFor(def, options, depth);
    case 'array':
      return arrayFor(def, options, depth);
    case 'record':
      return fc
        .array(fc.tuple(fc.oneof(build(def.keyType!, options, depth + 1), fc.constantFrom(...EXTRA_KEYS)), build(def.valueType!, options, depth + 1)), { maxLength: 4 })
        .map((pairs) => {
          const record: Record<string, unknown> = {};
          for (const [key, value] of pairs) Object.defineProperty(record, propertyKey(key), { value, enumerable: true, writable: true, configurable: true });
          return record;
        });
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => build(option, options, depth + 1)));
    default:
      return anyValue;
  }
}

/** An object key from any generated value (a hostile one may have no string form: Object.create(null)). */
function propertyKey(key: unknown): string {
  if (typeof key === 'string') return key;
  try {
    return String(key);
  } catch {
    return Object.prototype.toString.call(key);
  }
}

function checksOf(def: Def) {
  return (def.checks ?? []).map((c) => c._zod.def);
}

function lengthBounds(def: Def): { min: number; max: number | undefined } {
  let min = 0;
  let max: number | undefined;
  for (const check of checksOf(def)) {
    if (check.check === 'min_length' && check.minimum !== undefined) min = Math.max(min, check.minimum);
    if (check.check === 'max_length' && check.maximum !== undefined) max = Math.min(max ?? Infinity, check.maximum);
  }
  return { min, max };
}

const TIMESTAMPS = ['2026-11-25T10:00:00.000Z', '2026-11-25T10:00:00+02:00', '2026-02-30T10:00:00Z', '2026-11-25 10:00', '', 'Tue, 25 Nov 2026'];
const DATES = ['2026-11-25', '2024-02-29', '2026-02-30', '2026-13-01', '25/11/2026', '2026-11-25T00:00:00Z', '', '0000-00-00', '+275760-09-13'];

function stringFor(def: Def, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  const { pools } = options;
  const format = def.format ?? checksOf(def).find((c) => c.check === 'string_format')?.format;
  if (format === 'url') return pools.randomWebUrls ? fc.oneof(fc.constantFrom(...pools.urls), fc.webUrl()) : fc.constantFrom(...pools.urls);
  if (format === 'datetime') return fc.oneof(fc.constantFrom(...TIMESTAMPS), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
  if (format === 'date') return fc.constantFrom(...DATES);
  const pattern = def.pattern ?? checksOf(def).find((c) => c.check === 'string_format' && c.pattern)?.pattern;
  if (pattern) {
    const known = pattern.source.includes('A-Z') ? pools.ids : pools.ratingIds;
    return fc.oneof(
      { arbitrary: fc.constantFrom(...known), weight: 6 },
      { arbitrary: fc.stringMatching(pattern), weight: 2 },
      { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 1 },
    );
  }
  const { min, max } = lengthBounds(def);
  const limit = max ?? 300;
  const boundaries: string[] = [];
  if (limit <= LARGEST_ACCEPTED_BOUNDARY) boundaries.push(repeatA(limit));
  boundaries.push(repeatA(limit + 1));
  if (min > 0) boundaries.push(repeatA(min - 1));
  return fc.oneof(
    { arbitrary: fc.string({ minLength: min, maxLength: Math.max(min, Math.min(limit, 80)), unit: 'grapheme' }), weight: 8 },
    { arbitrary: fc.string({ minLength: min, maxLength: Math.max(min, Math.min(limit, 40)), unit: 'binary' }), weight: 3 },
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 3 },
    { arbitrary: fc.constantFrom(...pools.contents), weight: 1 },
    { arbitrary: fc.constantFrom(...boundaries), weight: 1 },
  );
}

function numberFor(def: Def): fc.Arbitrary<unknown> {
  let min = -1e6;
  let max = 1e6;
  let integer = false;
  for (const check of checksOf(def)) {
    if (check.check === 'greater_than' && check.value !== undefined) min = check.inclusive ? check.value : check.value + (integer ? 1 : 1e-9);
    if (check.check === 'less_than' && check.value !== undefined) max = check.inclusive ? check.value : check.value - (integer ? 1 : 1e-9);
    if (check.check === 'number_format') integer = true;
  }
  // Offsets into the sample article are small: keep most integers where they mean something.
  const spread = integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, min + 2_000)) }) : fc.double({ min, max, noNaN: true });
  return fc.oneof(
    { arbitrary: spread, weight: 6 },
    { arbitrary: fc.constantFrom(min, max, min - 1, max + 1, 0, -1, 0.5, Number.NaN, Infinity, -Infinity, -0, 2 ** 53 + 1, 2 ** 31), weight: 2 },
  );
}

function objectFor(def: Def, options: ArbitraryOptions, depth: number): fc.Arbitrary<unknown> {
  const shape = def.shape ?? {};
  const fields = Object.entries(shape).map(([key, schema]) => fc.tuple(fc.constant(key), build(schema, options, depth + 1)));
  const extras = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 8 })), hostileValue), { maxLength: 2 });
  const withExtras = options.mutate > 0 ? fc.oneof({ arbitrary: fc.constant([] as [string, unknown][]), weight: 6 }, { arbitrary: extras, weight: 1 }) : fc.constant([] as [string, unknown][]);
  return fc.tuple(fc.tuple(...fields), withExtras).map(([pairs, more]) => {
    const object: Record<string, unknown> = {};
    // An optional field generated as undefined is left out, as JSON would leave it out.
    for (const [key, value] of pairs) if (value !== undefined || options.mutate > 0) object[key] = value;
    for (const [key, value] of more) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    return object;
  });
}

function arrayFor(def: Def, options: ArbitraryOptions, depth: number): fc.Arbitrary<unknown> {
  const { min, max } = lengthBounds(def);
  const element = build(def.element!, options, depth + 1);
  const sized = fc.array(element, { minLength: min, maxLength: Math.max(min, Math.min(max ?? 5, 5)) });
  if (max === undefined || max > 20_000 || depth > 2) return sized;
  // One over the maximum (refused), built from one element: a 20,001-id array costs nothing to make.
  const over = element.map((e) => Array.from({ length: max + 1 }, () => e));
  const choices = [{ arbitrary: sized, weight: 12 }, { arbitrary: over, weight: 1 }];
  if (max <= LARGEST_ACCEPTED_BOUNDARY / 10) choices.push({ arbitrary: element.map((e) => Array.from({ length: max }, () => e)), weight: 1 });
  return fc.oneof(...choices);
}
