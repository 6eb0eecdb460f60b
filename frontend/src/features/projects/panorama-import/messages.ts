import { addNamespace } from '../../../i18n/namespaces.ts';
import { en } from './messages-en.ts';
import { fr } from './messages-fr.ts';

addNamespace('panoramaImport', { fr, en });
