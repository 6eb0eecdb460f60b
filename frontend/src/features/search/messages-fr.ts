import type { SearchKind } from '@panoramix/contracts';

/** Strings of the Recherche tab, the palette's content results and the AI status panel, loaded with them. */
export const fr = {
  title: 'Recherche',
  label: 'Rechercher dans le contenu',
  placeholder: 'Projets, tâches, notes, sessions, liens, messages…',
  kind: 'Type',
  allKinds: 'Tous les types',
  project: 'Projet',
  allProjects: 'Tous les projets',
  kinds: {
    project: 'Projets',
    task: 'Tâches',
    note: 'Notes',
    session: 'Sessions',
    line: 'Lignes de session',
    link: 'Liens',
    message: 'Messages de discussion',
  } satisfies Record<SearchKind, string>, // a kind added to the contracts needs its label here
  results: 'Résultats',
  count_one: '{{count}} résultat',
  count_other: '{{count}} résultats',
  searching: 'Recherche…',
  idle: 'Tapez pour chercher dans tout votre contenu : les résultats arrivent pendant la frappe.',
  keys: '↑↓ pour choisir, Entrée pour ouvrir, Échap pour effacer',
  none: 'Aucun résultat pour « {{query}} ».',
  failed: 'La recherche a échoué.',
  keywordOnly: 'Résultats par mots-clés uniquement : la recherche sémantique est indisponible pour le moment.',
  updated: 'modifié le {{date}}',
  ai: {
    title: 'Recherche et IA',
    intro: 'État du moteur de recherche, en lecture seule. Il se règle dans la configuration du serveur.',
    embeddings: 'Vectorisation',
    vectorStore: 'Index vectoriel',
    chat: 'Conversation',
    summary: 'Résumés',
    queue: 'File d’indexation',
    collection: 'Éléments indexés',
    reachable: 'Joignable',
    unreachable: 'Injoignable',
    none: 'Aucun',
    dimension: 'dimension {{dimension}}',
    pending_one: '{{count}} en attente',
    pending_other: '{{count}} en attente',
    failed_one: '{{count}} en échec',
    failed_other: '{{count}} en échec',
    lastError: 'Dernière erreur ({{kind}} {{id}}, {{date}}) : {{reason}}',
    noError: 'Aucune erreur.',
    noItems: 'Rien d’indexé pour l’instant.',
  },
};

export type SearchMessages = typeof fr;
