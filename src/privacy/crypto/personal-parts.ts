import { CASE_PERSONAL_DATA } from '../../../domain/case/case.events';
import { CITIZEN_PERSONAL_DATA } from '../../../domain/citizen/citizen.events';
import type { Sensitivity } from '../../../domain/shared/personal';
import { VISITOR_PERSONAL_DATA } from '../../../domain/visitor/visitor.events';
import { OFFER_PERSONAL_DATA } from '../../../domain/offer/offer.events';
import { PARTNER_PERSONAL_DATA } from '../../../domain/partner/partner.events';
import { INTAKE_PERSONAL_DATA } from '../../../domain/intake/intake.events';
import { SCREENING_PERSONAL_DATA } from '../../../domain/screening/screening.events';
import { PROGRAMME_PERSONAL_DATA } from '../../../domain/programme/programme.events';

/**
 * Every stream's declaration of its events' personal parts, by event type
 * (docs/event-catalogue.md, "Personal data"): what the cipher seals, and what the
 * marker test (test/contract/personal-data-sealed.spec.ts) fills with markers.
 */
export const EVENT_CATALOGUE: Readonly<Record<string, object>> = {
  ...CASE_PERSONAL_DATA,
  ...CITIZEN_PERSONAL_DATA,
  ...VISITOR_PERSONAL_DATA,
  ...OFFER_PERSONAL_DATA,
  ...PARTNER_PERSONAL_DATA,
  ...INTAKE_PERSONAL_DATA,
  ...SCREENING_PERSONAL_DATA,
  ...PROGRAMME_PERSONAL_DATA,
};

/** The personal part of one event type as a tree: `true` where everything below is personal. */
export interface PersonalTree {
  readonly [key: string]: PersonalTree | true;
}

/** The declaration without its clear fields; undefined when nothing is personal. */
function treeOf(classified: object): PersonalTree | undefined {
  const tree: Record<string, PersonalTree | true> = {};
  for (const [key, value] of Object.entries(classified) as Array<[string, Sensitivity | object]>) {
    if (value === 'personal') tree[key] = true;
    else if (typeof value === 'object') {
      const below = treeOf(value);
      if (below) tree[key] = below;
    }
  }
  return Object.keys(tree).length > 0 ? tree : undefined;
}

const TREES: ReadonlyMap<string, PersonalTree> = new Map(
  Object.entries(EVENT_CATALOGUE).flatMap(([type, classified]) => {
    const tree = treeOf(classified);
    return tree ? [[type, tree] as const] : [];
  }),
);

/** The personal part of an event type, or undefined when it has none (or is unknown: a type is declared or holds nothing personal). */
export const personalTreeOf = (type: string): PersonalTree | undefined => TREES.get(type);

/**
 * A copy of `data` with every string in its personal part replaced by `leaf(string)`,
 * copying only the objects on the way; `data` itself when nothing was replaced.
 */
export function mapPersonal(data: unknown, tree: PersonalTree, leaf: (value: string) => string): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const fields = data as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const key in tree) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) continue;
    const below = tree[key]!;
    const value = fields[key];
    const mapped = below === true ? mapStrings(value, leaf) : mapPersonal(value, below, leaf);
    if (mapped === value) continue;
    out ??= { ...fields };
    out[key] = mapped;
  }
  return out ?? data;
}

/** Every string below a personal field (a whole object or list of them is personal). */
function mapStrings(value: unknown, leaf: (value: string) => string): unknown {
  if (typeof value === 'string') return leaf(value);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item, i) => {
      const mapped = mapStrings(item, leaf);
      if (mapped !== item) (out ??= [...value])[i] = mapped;
    });
    return out ?? value;
  }
  if (value !== null && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const mapped = mapStrings(item, leaf);
      if (mapped !== item) (out ??= { ...(value as Record<string, unknown>) })[key] = mapped;
    }
    return out ?? value;
  }
  return value;
}

/**
 * Replaces, in place, every string in the personal part by `leaf(string)`: for
 * data just parsed from a store, which nothing else holds yet (no copies made).
 */
export function replacePersonal(data: unknown, tree: PersonalTree, leaf: (value: string) => string): void {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return;
  const fields = data as Record<string, unknown>;
  for (const key in tree) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) continue;
    const below = tree[key]!;
    if (below === true) fields[key] = replaceStrings(fields[key], leaf);
    else replacePersonal(fields[key], below, leaf);
  }
}

function replaceStrings(value: unknown, leaf: (value: string) => string): unknown {
  if (typeof value === 'string') return leaf(value);
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] = replaceStrings(value[i], leaf);
  else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) (value as Record<string, unknown>)[key] = replaceStrings((value as Record<string, unknown>)[key], leaf);
  return value;
}
