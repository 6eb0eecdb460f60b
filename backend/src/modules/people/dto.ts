import type { PersonRecord } from '@panoramix/contracts';
import { idOrNull, isoOrNull, ownedBase } from '../../lib/dto.ts';
import type { PersonDoc } from './model.ts';

export const toPersonDto = (p: PersonDoc): PersonRecord => ({
  ...ownedBase(p),
  name: p.name,
  lastName: p.lastName,
  normalizedName: p.normalizedName,
  aliases: p.aliases,
  role: p.role,
  email: p.email,
  notes: p.notes,
  left: p.left,
  contactOnly: p.contactOnly,
  teamId: idOrNull(p.teamId),
  subteam: p.subteam,
  managerId: idOrNull(p.managerId),
  githubUsernames: p.githubUsernames,
  arrivalDate: isoOrNull(p.arrivalDate),
});
