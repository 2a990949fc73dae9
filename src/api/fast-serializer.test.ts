import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemSchema } from '../contract/common.ts';
import { worklistSchema } from '../contract/worklist.ts';
import { compileSerializer, nullablesOf } from './fast-serializer.ts';

const rowSchema = z.object({
  id: z.string(),
  count: z.number().int(),
  note: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  tags: z.array(z.string()),
  band: z.enum(['red', 'amber', 'green']),
  type: z.object({ key: z.string() }),
});

describe('nullablesOf', () => {
  it('turns zod’s nullable anyOf into nullable, however deep, and leaves other anyOfs alone', () => {
    const nullableString = { anyOf: [{ type: 'string' }, { type: 'null' }] };
    const union = { anyOf: [{ type: 'string' }, { type: 'number' }] };
    const refOrNull = { anyOf: [{ $ref: '#/$defs/x' }, { type: 'null' }] };
    expect(
      nullablesOf({
        type: 'object',
        properties: {
          a: nullableString,
          b: union,
          c: refOrNull,
          d: { type: 'array', items: nullableString },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        a: { type: 'string', nullable: true },
        b: union,
        c: refOrNull,
        d: { type: 'array', items: { type: 'string', nullable: true } },
      },
    });
  });
});

describe('compileSerializer', () => {
  const serialise = compileSerializer(rowSchema);

  it('writes what the zod contract writes', () => {
    const value = {
      id: 'a "quoted" \\ value\n',
      count: 3,
      note: null,
      owner: { id: 'u1', name: 'Ann' },
      tags: ['x', 'y'],
      band: 'red' as const,
      type: { key: 'debt' },
    };
    expect(serialise(value)).toBe(JSON.stringify(rowSchema.encode(value)));
    expect(serialise({ ...value, note: 'n', owner: null })).toBe(
      JSON.stringify(rowSchema.encode({ ...value, note: 'n', owner: null })),
    );
  });

  it('leaves out every property the contract does not declare, however deep', () => {
    const text = serialise({
      id: 'c1',
      count: 1,
      note: null,
      owner: null,
      tags: [],
      band: 'green',
      type: { key: 'debt', dateOfBirth: '1980-01-01' },
      clientAddress: '1 High Street',
    });
    expect(text).not.toContain('High Street');
    expect(text).not.toContain('1980');
    expect(JSON.parse(text)).toEqual({
      id: 'c1',
      count: 1,
      note: null,
      owner: null,
      tags: [],
      band: 'green',
      type: { key: 'debt' },
    });
  });

  it('leaves out an undeclared property of an object that may be null', () => {
    const owner = { id: 'u1', name: 'Ann', dateOfBirth: '1980-01-01' };
    const text = serialise({
      id: 'c1',
      count: 1,
      note: null,
      owner,
      tags: [],
      band: 'red',
      type: { key: 'debt' },
    });
    expect(text).not.toContain('1980');
    expect(JSON.parse(text).owner).toEqual({ id: 'u1', name: 'Ann' });
  });

  it('writes null for a nullable value that is null', () => {
    const text = serialise({
      id: 'c1',
      count: 1,
      note: null,
      owner: null,
      tags: [],
      band: 'red',
      type: { key: 'debt' },
    });
    expect(JSON.parse(text)).toMatchObject({ note: null, owner: null });
  });

  it('fails instead of sending an object without a required property', () => {
    expect(() =>
      serialise({ id: 'c1', count: 1, note: null, owner: null, band: 'red', type: { key: 'debt' } }),
    ).toThrow(/tags/);
  });

  it('compiles the worklist and problem-details contracts', () => {
    expect(() => compileSerializer(worklistSchema)).not.toThrow();
    const problem = {
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      code: 'FORBIDDEN',
      detail: 'No.',
      matches: [1],
    };
    expect(JSON.parse(compileSerializer(problemSchema)(problem))).toEqual(problemSchema.parse(problem));
  });
});
