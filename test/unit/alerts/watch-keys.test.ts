import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signature, webhookRefusal } from '../../../server/alerts/webhook.ts';
import { NewWatchSchema } from '../../../server/schema/api/watches.ts';
import { alertId } from '../../../server/store/alerts-write.ts';
import { nodeKeys, watchKeys } from '../../../server/store/watch-keys.ts';

const watch = (body: Record<string, unknown>) => NewWatchSchema.parse({ purpose: 'unit test', ...body });

describe('match keys', () => {
  it('file an identifier watch under the key the stored record carries, however the value was typed', () => {
    const cases: [Record<string, unknown>, Parameters<typeof nodeKeys>[0]][] = [
      [
        { kind: 'identifier', scheme: 'imo', value: 'IMO 9074729' },
        { id: 'v1', label: 'Vessel', props: { imo: '9074729' } },
      ],
      [
        { kind: 'identifier', scheme: 'document', value: 'xk-998 877', country: 'Syria' },
        { id: 'd1', label: 'Document', props: { number: 'XK998877', issuingCountry: 'SY' } },
      ],
      [
        { kind: 'identifier', scheme: 'iban', value: 'gb29 nwbk 6016 1331 9268 19' },
        { id: 'a1', label: 'Account', props: { iban: 'GB29NWBK60161331926819' } },
      ],
      [
        { kind: 'identifier', scheme: 'name', value: 'Omar Farouk', transliterations: ['Umar Fārūq'] },
        { id: 'p1', label: 'Person', props: { name: 'Karim B', aliases: ['UMAR FARUQ'] } },
      ],
    ];
    for (const [body, record] of cases) {
      const { keys } = watchKeys(watch(body));
      expect(nodeKeys(record).some((key) => keys.includes(key))).toBe(true);
    }
  });

  it('file a name watch under its name key, which other romanisations and word orders carry', () => {
    const { keys } = watchKeys(watch({ kind: 'identifier', scheme: 'name', value: 'Anwar Benali' }));
    const carried = (name: string) =>
      nodeKeys({ id: 'p', label: 'Person', props: { name } }).some((key) => keys.includes(key));
    expect(carried('Anouar Ben Ali')).toBe(true);
    expect(carried('BENALI, Anouar')).toBe(true);
    expect(carried('Anwar Haddad')).toBe(false);
    expect(carried('Anwar')).toBe(false);
  });

  it('does not match a document of another country, nor a vessel with another IMO', () => {
    const { keys } = watchKeys(
      watch({ kind: 'identifier', scheme: 'document', value: 'XK998877', country: 'SY' }),
    );
    const other = nodeKeys({
      id: 'd2',
      label: 'Document',
      props: { number: 'XK998877', issuingCountry: 'IQ' },
    });
    expect(other.filter((key) => keys.includes(key))).toEqual([]);
  });

  it('refuses an identifier that cannot be one, naming the field', () => {
    expect(() => watchKeys(watch({ kind: 'identifier', scheme: 'imo', value: '1234568' }))).toThrow(
      /check digit|IMO/i,
    );
  });
});

describe('alert ids', () => {
  it('are the same for the same watch, instance and records in any order, and differ otherwise', () => {
    const nodes = [
      { id: 'a', label: 'Person' as const },
      { id: 'b', label: 'Person' as const },
    ];
    const one = alertId({ watch: 'w', instance: 'i', nodes, links: [] });
    expect(alertId({ watch: 'w', instance: 'i', nodes: [...nodes].reverse(), links: [] })).toBe(one);
    expect(alertId({ watch: 'w', instance: 'j', nodes, links: [] })).not.toBe(one);
    expect(one).toMatch(/^alert:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe('webhooks', () => {
  it('deliver to loopback and listed hosts only, without credentials in the URL', () => {
    expect(webhookRefusal('http://127.0.0.1:9000/hook', [])).toBeUndefined();
    expect(webhookRefusal('https://alerts.example.org/in', ['alerts.example.org'])).toBeUndefined();
    expect(webhookRefusal('https://evil.example.com/in', ['alerts.example.org'])).toMatch(
      /ARIADNE_WEBHOOK_HOSTS/,
    );
    expect(webhookRefusal('http://user:pw@127.0.0.1/hook', [])).toMatch(/credentials/);
    expect(webhookRefusal('file:///etc/passwd', [])).toMatch(/http/);
  });

  it('sign the body with HMAC-SHA256 under the watch secret', () => {
    const expected = createHmac('sha256', 'secret').update('{"a":1}').digest('hex');
    expect(signature('secret', '{"a":1}')).toBe(`sha256=${expected}`);
  });
});
