import path from 'node:path';
import { fileTypeFromFile, supportedExtensions, supportedMimeTypes } from 'file-type';
import { HttpError, problemTypes } from '../../http/problem.ts';

/**
 * Programs and installers are refused whatever they are called: a shared file must not be one
 * click away from running on a member's machine. Checked on the detected type and on the name.
 */
const EXECUTABLE_TYPES = new Set(['exe', 'elf', 'macho', 'dmg', 'deb', 'rpm', 'apk', 'class', 'jar', 'swf', 'wasm', 'lnk']);
const EXECUTABLE_EXTENSIONS = new Set([
  ...EXECUTABLE_TYPES,
  ...['dll', 'msi', 'scr', 'com', 'bat', 'cmd', 'pif', 'cpl', 'vbs', 'vbe', 'wsf', 'ps1', 'hta', 'msc', 'app'],
]);

/** Extensions the detector knows but that are text (or mean something else too): no signature to expect. */
const NO_SIGNATURE = new Set(['xml', 'ics', 'vcf', 'vtt', 'rtf', 'ps', 'eps', 'reg', 'dat', 'mts', 'ar']);
const ALIASES: Record<string, string> = { jpeg: 'jpg', jpe: 'jpg', tiff: 'tif' };

/** Formats that share one container, so the detector may name any of them for the others. */
const FAMILIES = [
  ['zip', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'odg', 'epub', 'xpi', 'crx', '3mf', 'vsdx', 'xlsm', 'docm', 'pptm'],
  ['mp4', 'm4a', 'm4v', 'm4b', 'm4p', 'mov', '3gp', '3g2', 'f4v', 'f4a', 'f4b', 'f4p'],
  ['ogg', 'oga', 'ogv', 'opus', 'ogm', 'ogx', 'spx'],
  ['gz', 'tar.gz'],
];
const sameFormat = (a: string, b: string) => a === b || FAMILIES.some((family) => family.includes(a) && family.includes(b));

const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+$/;
const GENERIC = 'application/octet-stream';

function refuse(detail: string): HttpError {
  return new HttpError(415, problemTypes.unsupportedMediaType, 'File type refused', detail, [
    { path: 'body.file', message: detail },
  ]);
}

/**
 * The type of an uploaded file, from its content. Refuses executables, and a file whose name
 * or declared type promises a format its content does not have (a script renamed `photo.png`).
 */
export async function checkFileType(file: { path: string; originalname: string; mimetype: string }): Promise<string> {
  const detected = await fileTypeFromFile(file.path);
  const rawExtension = path.extname(file.originalname).slice(1).toLowerCase();
  const extension = ALIASES[rawExtension] ?? rawExtension;
  if (EXECUTABLE_EXTENSIONS.has(extension) || (detected && EXECUTABLE_TYPES.has(detected.ext))) {
    throw refuse('Programs and installers cannot be uploaded');
  }
  const claimsFormat = supportedExtensions.has(extension as never) && !NO_SIGNATURE.has(extension);
  if (claimsFormat && !(detected && sameFormat(extension, detected.ext))) {
    throw refuse(`The content is not a .${rawExtension} file${detected ? ` (it is ${detected.ext})` : ''}`);
  }
  const declared = file.mimetype === 'image/jpg' ? 'image/jpeg' : file.mimetype;
  const declaresSignature = supportedMimeTypes.has(declared as never) && /^(image\/|application\/pdf$)/.test(declared);
  const declaresText = declared.startsWith('text/') && detected !== undefined;
  if ((declaresSignature || declaresText) && detected?.mime !== declared) {
    throw refuse(`The content is not ${declared}${detected ? ` (it is ${detected.mime})` : ''}`);
  }
  return detected?.mime ?? (MEDIA_TYPE.test(declared) ? declared.toLowerCase() : GENERIC);
}
