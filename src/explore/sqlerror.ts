/**
 * Locate a DuckDB error in the user's SQL. DuckDB prints the offending line with a caret:
 *   Parser Error: syntax error at or near "FORM"
 *
 *   LINE 2: SELECT * FORM x
 *                    ^
 * and shortens long lines with "..." on either side, so the column is found by matching the shown
 * snippet back into the real line. Pure: used by the console and unit-tested.
 */
export interface SqlErrorInfo {
  /** DuckDB's message without the LINE/caret block. */
  message: string;
  /** 1-based line and column in the user's SQL, when DuckDB gave a position. */
  line?: number;
  column?: number;
}

export function parseSqlError(raw: string, sql: string): SqlErrorInfo {
  // DuckDB-WASM reports some errors (parser errors) as JSON with the message and a character position.
  let position: number | undefined;
  if (raw.trimStart().startsWith("{")) {
    try {
      const j = JSON.parse(raw) as { exception_type?: string; exception_message?: string; position?: string };
      if (j.exception_message) {
        raw = `${j.exception_type ? `${j.exception_type} Error: ` : ""}${j.exception_message}`;
        if (j.position !== undefined && /^\d+$/.test(j.position)) position = Number(j.position);
      }
    } catch {
      /* not JSON after all: use the text as it is */
    }
  }
  const lines = raw.split("\n");
  const at = lines.findIndex((l) => /^LINE \d+: /.test(l));
  if (at < 0) {
    if (position === undefined) return { message: raw.trim() };
    return { message: raw.trim(), ...positionToLineColumn(sql, position) };
  }
  if (position !== undefined) {
    return { message: lines.slice(0, at).join("\n").trim(), ...positionToLineColumn(sql, position) };
  }
  const message = lines.slice(0, at).join("\n").trim();
  const head = /^LINE (\d+): /.exec(lines[at]!)!;
  const line = Number(head[1]);
  const shown = lines[at]!.slice(head[0].length);
  const caretLine = lines[at + 1] ?? "";
  const caret = caretLine.indexOf("^");
  if (caret < 0) return { message, line };
  let offset = caret - head[0].length;
  let snippet = shown;
  if (snippet.startsWith("...")) {
    snippet = snippet.slice(3);
    offset -= 3;
  }
  if (snippet.endsWith("...")) snippet = snippet.slice(0, -3);
  const source = sql.split("\n")[line - 1] ?? "";
  // DuckDB shows tabs as spaces; compare on a tab-free copy of the real line.
  const flat = source.replace(/\t/g, " ");
  const start = flat.indexOf(snippet);
  const column = (start >= 0 ? start : 0) + Math.max(0, offset) + 1;
  return { message, line, column: Math.min(column, source.length + 1) };
}

/** 1-based line/column of a 0-based character offset in `sql` (for errors that give a position instead). */
export function positionToLineColumn(sql: string, pos: number): { line: number; column: number } {
  const before = sql.slice(0, Math.max(0, Math.min(pos, sql.length)));
  const parts = before.split("\n");
  return { line: parts.length, column: parts[parts.length - 1]!.length + 1 };
}
