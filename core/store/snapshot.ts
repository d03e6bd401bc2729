import { UNDEFINED_HANDLE, type ShapedJson } from './arena';
import type { CompactPart } from './collection';
import { emptyData } from './format';

/**
 * The snapshot file's text in parts, the same JSON as `JSON.stringify` of the whole store. The
 * parts are captured by the caller at one moment (small collections as text, compact ones as their
 * keys, handles and slabs, which do not change) and produced while the file is written: a large
 * store never becomes one string.
 */
export function snapshotText(seq: number, parts: readonly [string, string | CompactPart][]): Iterable<string | Buffer | ShapedJson> {
  const head = JSON.stringify({ ...emptyData(), seq, collections: {} }).slice(0, -2);
  return (function* () {
    yield head;
    let first = true;
    for (const [name, part] of parts) {
      yield (first ? '' : ',') + JSON.stringify(name) + ':';
      first = false;
      if (typeof part === 'string') {
        yield part;
        continue;
      }
      yield '{';
      let firstRecord = true;
      for (let i = 0; i < part.keys.length; i++) {
        const handle = part.handles[i]!;
        if (handle === UNDEFINED_HANDLE) continue; // JSON.stringify leaves out an undefined value
        yield (firstRecord ? '' : ',') + JSON.stringify(part.keys[i]) + ':';
        yield part.arena.json(handle, part.slabs);
        firstRecord = false;
      }
      yield '}';
    }
    yield '}}';
  })();
}
