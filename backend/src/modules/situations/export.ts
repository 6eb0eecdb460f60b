import type { ExportedCollection } from '../export/registry.ts';
import {
  SituationActorModel,
  SituationModel,
  SituationNoteModel,
  SituationQuestionsModel,
  SituationSummaryModel,
} from './model.ts';
import type { SituationActorDoc } from './model.ts';

/** Actors imported without the `personKey` this schema added (Panorama's archives): derived as on every write. */
async function keyActors() {
  const missing = await SituationActorModel.find({ personKey: { $exists: false } }, { personId: 1 })
    .setOptions({ tenancy: 'system' })
    .lean<SituationActorDoc[]>();
  for (const actor of missing) {
    await SituationActorModel.updateOne(
      { _id: actor._id },
      { $set: { personKey: String(actor.personId ?? actor._id) } },
    ).setOptions({
      tenancy: 'system',
    });
  }
}

/** Parents first: an import writes situations before what points at them. */
export const situationExports: ExportedCollection[] = [
  { name: 'situations', model: SituationModel, scope: 'owner' },
  { name: 'situationActors', model: SituationActorModel, scope: 'owner', upgrade: keyActors },
  { name: 'situationNotes', model: SituationNoteModel, scope: 'owner' },
  { name: 'situationQuestions', model: SituationQuestionsModel, scope: 'owner' },
  { name: 'situationSummaries', model: SituationSummaryModel, scope: 'owner' },
];
