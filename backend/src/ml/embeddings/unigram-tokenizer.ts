/** The parts of a Hugging Face `tokenizer.json` that a SentencePiece-style Unigram tokenizer uses. */
export interface UnigramTokenizerJson {
  model: { type: string; unk_id: number; vocab: [string, number][] };
  pre_tokenizer?: { type: string; pretokenizers?: { type: string; replacement?: string }[] } | null;
}

/** Hugging Face's penalty below the rarest piece for a character no piece covers. */
const UNKNOWN_PENALTY = 10;

/**
 * Unigram tokenization as Hugging Face `tokenizers` does it for SentencePiece models: NFKC,
 * split on whitespace, "▁" before each word, then the most probable segmentation of each word
 * (Viterbi over the pieces' log-probabilities), runs of unknown characters fused into one
 * unknown piece. NFKC stands in for the model's precompiled character map, which is NFKC plus
 * a few control-character rules that matter little for embeddings.
 */
export function createUnigramTokenizer(json: UnigramTokenizerJson) {
  if (json.model.type !== 'Unigram') throw new Error(`expected a Unigram tokenizer, got ${json.model.type}`);
  const pieces = new Map<string, { id: number; score: number }>();
  let longest = 0;
  let minScore = Infinity;
  json.model.vocab.forEach(([piece, score], id) => {
    pieces.set(piece, { id, score });
    longest = Math.max(longest, [...piece].length);
    minScore = Math.min(minScore, score);
  });
  const unknownScore = minScore - UNKNOWN_PENALTY;
  const unknownId = json.model.unk_id;
  const marker = json.pre_tokenizer?.pretokenizers?.find((p) => p.type === 'Metaspace')?.replacement ?? '▁';

  function segment(word: string[], ids: number[]) {
    const n = word.length;
    // best[i]: score of the best segmentation of word[0..i), ending with piece `last[i]` from `from[i]`.
    const best = new Float64Array(n + 1).fill(-Infinity);
    const from = new Int32Array(n + 1);
    const last = new Int32Array(n + 1);
    best[0] = 0;
    for (let start = 0; start < n; start++) {
      if (best[start] === -Infinity) continue;
      let text = '';
      let coveredOneChar = false;
      for (let end = start + 1; end <= Math.min(n, start + longest); end++) {
        text += word[end - 1];
        const piece = pieces.get(text);
        if (!piece) continue;
        if (end === start + 1) coveredOneChar = true;
        const score = best[start]! + piece.score;
        if (score > best[end]!) [best[end], from[end], last[end]] = [score, start, piece.id];
      }
      if (!coveredOneChar && best[start]! + unknownScore > best[start + 1]!) {
        [best[start + 1], from[start + 1], last[start + 1]] = [best[start]! + unknownScore, start, -1];
      }
    }
    const found: number[] = [];
    for (let end = n; end > 0; end = from[end]!) {
      const id = last[end]!;
      if (!(id === -1 && found.at(-1) === -1)) found.push(id);
    }
    for (let i = found.length - 1; i >= 0; i--) ids.push(found[i] === -1 ? unknownId : found[i]!);
  }

  /** Piece ids of `text`, in order, at most `maxTokens` of them. */
  return function encode(text: string, maxTokens = Infinity): number[] {
    const ids: number[] = [];
    for (const word of text.normalize('NFKC').split(/\s+/u)) {
      if (!word) continue;
      segment([...`${marker}${word}`], ids);
      if (ids.length >= maxTokens) return ids.slice(0, maxTokens);
    }
    return ids;
  };
}
