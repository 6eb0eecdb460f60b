import { healthFlags } from '@panoramix/contracts';
import { ProjectModel } from '../../projects/model.ts';
import { projectSearch } from '../../projects/search.ts';
import type { Mapping } from '../mapping.ts';
import { COMMON_FIELDS, dateOrNull, idOf, numberOrNull, strings, text, textOrNull, timestamps } from '../mapping.ts';
import { orderKey } from '../order-key.ts';
import { reason } from '../reasons.ts';

const flags: readonly unknown[] = healthFlags;

export const projectsMapping: Mapping = {
  collection: 'projects',
  model: ProjectModel,
  searchKind: projectSearch.kind,
  known: [
    ...COMMON_FIELDS,
    ...['memberIds', 'name', 'description', 'status', 'targetDate', 'colorLabel', 'panoramaRank'],
    ...['isFavorite', 'favoriteRank', 'panoramaStatus'],
  ],
  map(doc, ctx) {
    const memberIds = [ctx.userId];
    const pendingMemberIds: string[] = [];
    for (const legacy of strings(doc.memberIds)) {
      const member = ctx.member(legacy);
      if (!member) pendingMemberIds.push(legacy);
      else if (!memberIds.some((id) => id.equals(member))) memberIds.push(member);
    }
    if (pendingMemberIds.length > 0) ctx.fix(reason('memberNoAccount'));
    const flag = doc.panoramaStatus ?? null;
    if (!flags.includes(flag) && flag !== null) ctx.fix(reason('unknownPanoramaStatus', { value: JSON.stringify(flag) }));
    const times = timestamps(doc, ctx);
    return {
      memberIds,
      // Not a field of the model: read by the report and resolved into memberIds by a re-run with --map-user.
      ...(pendingMemberIds.length > 0 ? { pendingMemberIds } : {}),
      name: text(doc.name),
      description: text(doc.description),
      status: text(doc.status),
      targetDate: dateOrNull(doc.targetDate),
      healthFlag: flags.includes(flag) ? flag : null,
      colorLabel: textOrNull(doc.colorLabel),
      isFavorite: doc.isFavorite === true,
      favoriteRank: numberOrNull(doc.favoriteRank),
      rank: orderKey(numberOrNull(doc.panoramaRank) ?? 0, idOf(this, doc)),
      lastActivityAt: times.updatedAt,
      taskTopRank: null,
      deletingAt: null,
      ...times,
      ...(flag === null || flags.includes(flag) ? {} : { extra: { panoramaStatus: flag } }),
    };
  },
};
