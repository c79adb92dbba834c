// Text edits to a module's source, with the source map a Vite/rolldown `transform` hook returns for them.
// Used by the build's source transforms (scripts/minify-templates.ts, scripts/compact-locales.ts).

/** Replace `[start, end)` of the original with `text` (which must not contain a line break). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The edited source; `edits` sorted by `start`, not overlapping. */
export function applyEdits(code: string, edits: readonly Edit[]): string {
  let out = '';
  let pos = 0;
  for (const edit of edits) {
    out += code.slice(pos, edit.start) + edit.text;
    pos = edit.end;
  }
  return out + code.slice(pos);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(value: number): string {
  let v = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += BASE64[digit];
  } while (v > 0);
  return out;
}

/**
 * A source map from the edited code back to the original: a segment at the start of every output line, at each
 * edit and just after it. Edits never add line breaks, so the output's lines are the original's, some merged.
 */
export function editMap(code: string, edits: readonly Edit[], file: string) {
  // Original offset -> line/column.
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const locate = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: offset - lineStarts[lo]! };
  };

  const lines: string[][] = [[]];
  let outColumn = 0;
  let prevOutColumn = 0;
  let prevLine = 0;
  let prevColumn = 0;
  const segment = (offset: number) => {
    const { line, column } = locate(offset);
    lines[lines.length - 1]!.push(vlq(outColumn - prevOutColumn) + 'A' + vlq(line - prevLine) + vlq(column - prevColumn));
    prevOutColumn = outColumn;
    prevLine = line;
    prevColumn = column;
  };
  const copy = (from: number, to: number) => {
    if (from >= to) return;
    segment(from);
    for (let i = from; i < to; i++) {
      if (code[i] === '\n') {
        lines.push([]);
        outColumn = 0;
        prevOutColumn = 0;
        if (i + 1 < to) segment(i + 1);
      } else outColumn++;
    }
  };
  let pos = 0;
  for (const edit of edits) {
    copy(pos, edit.start);
    if (edit.text.length > 0) {
      segment(edit.start);
      outColumn += edit.text.length;
    }
    pos = edit.end;
  }
  copy(pos, code.length);
  return {
    version: 3 as const,
    file,
    sources: [file],
    sourcesContent: [code],
    names: [],
    mappings: lines.map((segments) => segments.join(',')).join(';'),
  };
}
