import { needText } from '#core/matching/negation';
import type { Scenario } from '#core/schemas/scenario';
import type { Solution } from '#core/schemas/solution';
import type { PlatformRecord } from '#db/platforms';

// What gets embedded for each thing. Changing these changes every content hash, so every vector is
// recomputed once on the next run; that is the intended invalidation.
// A scenario is embedded by what it asks for: words the manufacturer rules out are left out.
export const scenarioText = (s: Pick<Scenario, 'title' | 'description'>) => needText(s.title, s.description);
export const solutionText = (s: Pick<Solution, 'title' | 'description'>) => `${s.title}\n${s.description}`;
export const platformText = (p: Pick<PlatformRecord, 'name' | 'description'>) => `${p.name}\n${p.description}`;
