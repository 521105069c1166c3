/**
 * Imported first by the page's entry points (the renderer and browser mode's bridge), before
 * any schema is made: zod probes for `new Function` when it builds an object schema, which
 * the app's CSP (no 'unsafe-eval') blocks and reports as a violation on every start. Told
 * up front, zod does not try. Not for Node, where compiling its fast parsers is allowed.
 */
import { z } from 'zod';

z.config({ jitless: true });
