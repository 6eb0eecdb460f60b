import type { Preferences } from '@panoramix/contracts';

type Language = Preferences['language'];

/**
 * The AI actions' instructions, in the user's language (French unless they chose English). Each
 * asks for one JSON object; the shape is validated (ai-plans.ts), and a model that does not
 * follow it gets one more try.
 */
const texts = {
  fr: {
    extractActors:
      'Tu aides à préparer une situation délicate entre personnes ou dans une organisation. À partir de la description et de la liste des personnes connues, liste les acteurs de la situation : les personnes qu\'elle concerne ou qui peuvent y jouer un rôle. Pour une personne de la liste, reprends son id ; sinon mets null et donne son prénom et son nom tels qu\'écrits. Le rôle dans la situation est court et en français. N\'invente personne qui n\'est pas dans la description. Réponds uniquement par un objet JSON : {"actors":[{"personId":"<id ou null>","name":"<prénom nom>","situationRole":"<rôle dans la situation>"}]}',
    generateQuestions:
      'Tu prépares des entretiens individuels sur une situation délicate. Pour chaque acteur, propose de 5 à 7 questions ouvertes et neutres : sans jugement, sans présupposé, sans prendre parti. Tiens compte des réponses déjà obtenues pour approfondir, et ne repose pas une question déjà posée. Réponds uniquement par un objet JSON : {"actors":[{"actorId":"<id de l\'acteur>","questions":["…"]}]}, avec chaque acteur de la liste.',
    generateSummary:
      'Tu aides à comprendre une situation délicate. À partir de la description, des acteurs, des notes et des réponses aux questions, rédige en français une synthèse factuelle de la situation, puis un plan d\'action concret (qui, quoi, dans quel ordre). N\'invente aucun fait. Écris en Markdown. Réponds uniquement par un objet JSON : {"summary":"<texte Markdown>"}',
    description: 'Description',
    people: 'Personnes connues (id | prénom | nom | alias | rôle)',
    actors: 'Acteurs (id | nom | rôle | rôle dans la situation)',
    notes: 'Notes',
    general: 'générale',
    answers: 'Questions déjà posées et réponses',
    none: '(aucune)',
    noAnswer: '(pas encore de réponse)',
  },
  en: {
    extractActors:
      'You help prepare a tricky situation between people or in an organisation. From the description and the list of known people, list the actors of the situation: the people it concerns or who may play a part in it. For a person of the list, give their id; otherwise give null and their first and last name as written. The role in the situation is short and in English. Do not invent anyone who is not in the description. Answer only with a JSON object: {"actors":[{"personId":"<id or null>","name":"<first last>","situationRole":"<role in the situation>"}]}',
    generateQuestions:
      'You prepare one-to-one interviews about a tricky situation. For each actor, suggest 5 to 7 open, neutral questions: no judgement, no presupposition, taking no side. Build on the answers already given, and do not ask again a question already asked. Answer only with a JSON object: {"actors":[{"actorId":"<the actor\'s id>","questions":["…"]}]}, with every actor of the list.',
    generateSummary:
      'You help understand a tricky situation. From the description, the actors, the notes and the answers to the questions, write in English a factual summary of the situation, then a concrete action plan (who, what, in which order). Invent no fact. Write in Markdown. Answer only with a JSON object: {"summary":"<Markdown text>"}',
    description: 'Description',
    people: 'Known people (id | first name | last name | aliases | role)',
    actors: 'Actors (id | name | role | role in the situation)',
    notes: 'Notes',
    general: 'general',
    answers: 'Questions already asked and answers',
    none: '(none)',
    noAnswer: '(no answer yet)',
  },
} as const;

export type PromptTexts = (typeof texts)[Language];
export const promptTexts = (language: Language): PromptTexts => texts[language];

/** A titled block of the prompt; an empty one says so rather than vanishing. */
export const section = (t: PromptTexts, title: string, lines: string[]) =>
  `## ${title}\n${lines.length ? lines.join('\n') : t.none}`;
