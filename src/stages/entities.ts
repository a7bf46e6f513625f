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

function bump(map: Map<string, EntityCount>, name: string): void {
  const entry = map.get(name) ?? { name, mentions: 0 };
  entry.mentions++;
  map.set(name, entry);
}

function sorted<T extends EntityCount>(map: Map<string, T>): T[] {
  return [...map.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}
