import { badRequest } from '../../../http/problem.ts';

/** A file the importer cannot read: a 400 naming the file part and saying what is wrong; nothing is stored. */
export const unreadable = (message: string) => badRequest(`body.file: ${message}`, [{ path: 'body.file', message }]);
