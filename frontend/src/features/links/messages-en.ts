import type { LinksMessages } from './messages-fr.ts';

export const en: LinksMessages = {
  name: 'Name',
  url: 'Address',
  add: 'Add',
  empty: 'No saved link yet. Add the first one above.',
  created: 'Link added.',
  deleted: 'Link deleted.',
  deleteLabel: 'Delete {{name}}',
  clicks_one: '{{count}} click',
  clicks_other: '{{count}} clicks',
  addedOn: 'Added on {{date}}',
  projectFilter: 'Project',
  allProjects: 'All',
  noProject: 'No project',
  emptyFiltered: 'No link for this filter.',
  edit: 'Edit',
  editLabel: 'Edit {{name}}',
  save: 'Save',
  saved: 'Link saved.',
  editHint: 'Ctrl+Enter to save, Esc to cancel.',
};
