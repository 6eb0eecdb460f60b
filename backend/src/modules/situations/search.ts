import { modelSource } from '../../ml/index/sources.ts';
import type { SearchSource } from '../../ml/index/sources.ts';
import { SituationModel } from './model.ts';

const source = modelSource({
  kind: 'situation',
  model: SituationModel,
  events: ['situation.created', 'situation.updated', 'situation.deleted'],
  title: (doc) => String(doc.title),
  text: (doc) => String(doc.description ?? ''),
  target: (doc) => `/situations/${String(doc._id)}`,
});

/** A deleted situation leaves search at once (its `situation.deleted`), not when the cascade removes it. */
export const situationSearch: SearchSource = {
  ...source,
  async load(ids) {
    const alive = await SituationModel.find({ _id: { $in: ids }, deletingAt: null }, { _id: 1 })
      .setOptions({ tenancy: 'system' })
      .lean();
    const kept = new Set(alive.map((doc) => String(doc._id)));
    return (await source.load(ids)).filter((item) => kept.has(item.id));
  },
};
