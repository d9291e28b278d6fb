import type { Principal } from '../principal';
import type { Roadshow } from '../schemas/roadshow';

/** Who runs an event: the bureau any (the city sees all); a district the ones it hosts for its region. */
export const hosts = (who: Principal, r: Pick<Roadshow, 'hostDistrict'>) => who.role === 'bureau' || (who.role === 'district' && !!r.hostDistrict && r.hostDistrict === who.district);
