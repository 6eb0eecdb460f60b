import {
  SituationActorModel,
  SituationModel,
  SituationNoteModel,
  SituationQuestionsModel,
  SituationSummaryModel,
} from '../../situations/model.ts';
import { situationSearch } from '../../situations/search.ts';
import { Hold } from '../mapping.ts';
import type { MapContext, Mapping, PanoramaDoc } from '../mapping.ts';
import { COMMON_FIELDS, idOf, text, timestamps } from '../mapping.ts';
import { reason } from '../reasons.ts';

/** Everything of a situation lives in it: without its situation our app could never show it. */
const situationOf = (doc: PanoramaDoc, ctx: MapContext) => ctx.ref('situations', doc.situationId, 'situationId');
const NO_SITUATION = reason('situationNotInArchive');

export const situationsMapping: Mapping = {
  collection: 'situations',
  model: SituationModel,
  searchKind: situationSearch.kind,
  known: [...COMMON_FIELDS, 'title', 'description'],
  map(doc, ctx) {
    const title = text(doc.title).trim();
    // Panorama's default title; ours is required.
    if (title === '') ctx.fix(reason('situationNoTitle'));
    return { title: title || 'New Situation', description: text(doc.description), deletingAt: null, ...timestamps(doc, ctx) };
  },
};

export const situationActorsMapping: Mapping = {
  collection: 'situationActors',
  model: SituationActorModel,
  known: [...COMMON_FIELDS, 'situationId', 'personId', 'name', 'role', 'situationRole'],
  map(doc, ctx) {
    const situationId = situationOf(doc, ctx);
    if (!situationId) return new Hold(NO_SITUATION);
    let personId = ctx.ref('people', doc.personId, 'personId');
    // A person is an actor once per situation here (Panorama's sparse unique index, not always kept): a second one stays free text.
    const twice = personId !== null && !ctx.firstTime(`actor:${String(situationId)}:${String(personId)}`);
    if (twice) {
      ctx.fix(reason('secondActor'));
      personId = null;
    }
    const name = text(doc.name).trim();
    if (name === '') ctx.fix(reason('actorNoName'));
    return {
      situationId,
      personId,
      personKey: String(personId ?? idOf(this, doc)),
      name: name || '?',
      role: text(doc.role),
      situationRole: text(doc.situationRole),
      ...timestamps(doc, ctx),
      ...(twice ? { extra: { personId: doc.personId } } : {}),
    };
  },
};

export const situationNotesMapping: Mapping = {
  collection: 'situationNotes',
  model: SituationNoteModel,
  known: [...COMMON_FIELDS, 'situationId', 'actorId', 'content'],
  map(doc, ctx) {
    const situationId = situationOf(doc, ctx);
    if (!situationId) return new Hold(NO_SITUATION);
    return {
      situationId,
      actorId: ctx.ref('situationActors', doc.actorId, 'actorId'),
      content: text(doc.content),
      ...timestamps(doc, ctx),
    };
  },
};

const questionList = (value: unknown) =>
  (Array.isArray(value) ? value : [])
    .filter((item): item is { q: string; r?: unknown } => typeof item?.q === 'string' && item.q !== '')
    .map((item) => ({ q: item.q, r: text(item.r) }));

/** One document per actor, its `_id` the actor's (as our module writes it): a second one for the same actor is held. */
export const situationQuestionsMapping: Mapping = {
  collection: 'situationQuestions',
  model: SituationQuestionsModel,
  known: [...COMMON_FIELDS, 'situationId', 'actorId', 'questions'],
  map(doc, ctx) {
    const situationId = situationOf(doc, ctx);
    if (!situationId) return new Hold(NO_SITUATION);
    const actorId = ctx.ref('situationActors', doc.actorId, 'actorId');
    if (!actorId) return new Hold(reason('actorNotInArchive'));
    if (!ctx.firstTime(`questions:${String(actorId)}`)) return new Hold(reason('secondQuestions'));
    const questions = questionList(doc.questions);
    const dropped = Array.isArray(doc.questions) ? doc.questions.length - questions.length : 0;
    if (dropped > 0) ctx.fix(reason('questionWithoutText'));
    return {
      _id: actorId,
      situationId,
      actorId,
      questions,
      ...timestamps(doc, ctx),
      ...(dropped > 0 ? { extra: { questions: doc.questions } } : {}),
    };
  },
};

/** One per situation, its `_id` the situation's: Panorama replaced it on regenerate, a second one is held. */
export const situationSummariesMapping: Mapping = {
  collection: 'situationSummaries',
  model: SituationSummaryModel,
  known: [...COMMON_FIELDS, 'situationId', 'text'],
  map(doc, ctx) {
    const situationId = situationOf(doc, ctx);
    if (!situationId) return new Hold(NO_SITUATION);
    if (!ctx.firstTime(`summary:${String(situationId)}`)) return new Hold(reason('secondSummary'));
    return { _id: situationId, situationId, text: text(doc.text), ...timestamps(doc, ctx) };
  },
};
