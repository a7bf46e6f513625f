import type { Entities, EntityCount, PersonEntity } from '../types.js';
import { surnameKey, type Mentions } from './mentions.js';

/**
 * Stage 8: people, places and organizations with mention counts. People are counted under
 * the fullest name the article gives (a later "Karimov" counts for "Islam Karimov"); places
 * and organizations under their common name ("U.S." counts for "United States", "the
 * Ministry" for "Russia’s Defense Ministry"). Sorted by mentions, then name.
 */
export function collectEntities(mentions: Mentions): Entities {
  const people = new Map<string, PersonEntity>();
  const places = new Map<string, EntityCount>();
  const organizations = new Map<string, EntityCount>();
  for (const r of mentions.all) {
    if (r.type === 'person') {
      const name = mentions.fullNames.get(surnameKey(r.name)) ?? r.name;
      const entry = people.get(name) ?? { name, role: mentions.roles.get(name) ?? null, mentions: 0 };
      entry.mentions++;
      people.set(name, entry);
    } else if (r.type === 'place') {
      bump(places, r.entity ?? r.name);
    } else if (r.type === 'organization') {
      bump(organizations, r.entity ?? r.name);
    }
  }
  return { people: sorted(people), places: sorted(places), organizations: sorted(mergeShortForms(organizations)) };
}

/**
 * The entity lists of several chunks of one text (pipeline.ts reads long texts in chunks) as
 * one, counted as within one text: a person under the fullest name given anywhere for their
 * surname, with the first role any chunk gives; short forms of organizations under their full
 * names; the same order.
 */
export function mergeEntities(lists: Entities[]): Entities {
  const fullNames = new Map<string, string>();
  for (const { people } of lists) for (const { name } of people) keepFullest(fullNames, name);
  const people = new Map<string, PersonEntity>();
  const places = new Map<string, EntityCount>();
  const organizations = new Map<string, EntityCount>();
  for (const list of lists) {
    for (const person of list.people) {
      const name = fullNames.get(surnameKey(person.name))!;
      const entry = people.get(name) ?? { name, role: null, mentions: 0 };
      entry.role ??= person.role;
      entry.mentions += person.mentions;
      people.set(name, entry);
    }
    for (const place of list.places) bump(places, place.name, place.mentions);
    for (const organization of list.organizations) bump(organizations, organization.name, organization.mentions);
  }
  return { people: sorted(people), places: sorted(places), organizations: sorted(mergeShortForms(organizations)) };
}

/** Records `name` as the fullest name for its surname when it has more words than the one known (as mentions.ts does). */
function keepFullest(fullNames: Map<string, string>, name: string): void {
  const key = surnameKey(name);
  const known = fullNames.get(key);
  if (!known || name.split(/\s+/).length > known.split(/\s+/).length) fullNames.set(key, name);
}

/** "the Ministry" counts for "Russia’s Defense Ministry" when the article names it in full. */
function mergeShortForms(organizations: Map<string, EntityCount>): Map<string, EntityCount> {
  const names = [...organizations.keys()].sort((a, b) => b.length - a.length);
  const merged = new Map<string, EntityCount>();
  for (const name of [...names].reverse()) {
    const full = names.find((other) => other.length > name.length && other.endsWith(` ${name}`)) ?? name;
    const entry = merged.get(full) ?? { name: full, mentions: 0 };
    entry.mentions += organizations.get(name)!.mentions;
    merged.set(full, entry);
  }
  return merged;
}

function bump(map: Map<string, EntityCount>, name: string, count = 1): void {
  const entry = map.get(name) ?? { name, mentions: 0 };
  entry.mentions += count;
  map.set(name, entry);
}

function sorted<T extends EntityCount>(map: Map<string, T>): T[] {
  return [...map.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}
