import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type FactcheckBridge } from '../../../shared/api/contract';
import { createTestBridge, type TestBridge } from '../../test/bridge';
import { ClientError, createClient } from './client';

describe('createClient', () => {
  let t: TestBridge;
  beforeEach(async () => {
    t = await createTestBridge();
  });
  afterEach(() => t.dispose());

  it('has one function per contract method, and the live changes of the bridge', () => {
    const client = createClient(t.bridge);
    expect(Object.keys(client).sort()).toEqual([...METHOD_NAMES, 'onWorkspaceChanges'].sort());
    expect(client.onWorkspaceChanges).toBe(t.bridge.onWorkspaceChanges);
  });

  it('returns the value of a successful call', async () => {
    const client = createClient(t.bridge);
    const ws = await client.getWorkspace({});
    expect(ws.articles).toHaveLength(1);
    expect((await client.getAppInfo({})).dataFile).toBe(t.store.file);
  });

  it('turns ok:false into a ClientError carrying the code and message', async () => {
    const client = createClient(t.bridge);
    const error = await client.deleteClaim({ id: 'missing-claim' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({ code: 'not_found', method: 'deleteClaim', message: expect.stringContaining('There is no claim with id missing-claim') });
  });

  it('keeps validation issues so forms can show them next to the field', async () => {
    const client = createClient(t.bridge);
    const ws = await client.getWorkspace({});
    const claim = await client.createClaim({ articleId: ws.articles[0]!.id, start: 0, end: 10 });
    const error = await client
      .addSource({ claimId: claim.id, source: { url: 'javascript:alert(1)', title: 'x' }, stance: 'supports' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    const clientError = error as ClientError;
    expect(clientError.code).toBe('invalid_input');
    expect(clientError.issueAt('source.url')).toBe('must be a web address starting with http:// or https://');
  });

  it('reports a bridge that throws instead of answering', async () => {
    const broken = { ...t.bridge, getWorkspace: () => Promise.reject(new Error('channel closed')) } as FactcheckBridge;
    await expect(createClient(broken).getWorkspace({})).rejects.toThrow(/did not answer.*channel closed/);
  });
});
