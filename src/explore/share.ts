/**
 * The query in a shareable URL: `?q=<SQL>` (URL-encoded), length-limited. A shared query is only ever shown in
 * the editor: the reader runs it (no guess about what SQL "only reads" can be trusted). Pure.
 */
export const MAX_SHARED_SQL = 4000;

export interface SharedQuery {
  sql: string | null;
  /** Why a `q` parameter was ignored (too long / empty). */
  rejected?: string;
}

export function readSharedQuery(search: string): SharedQuery {
  const q = new URLSearchParams(search).get("q");
  if (q === null) return { sql: null };
  if (!q.trim()) return { sql: null, rejected: "empty" };
  if (q.length > MAX_SHARED_SQL) return { sql: null, rejected: `longer than ${MAX_SHARED_SQL} characters` };
  return { sql: q };
}

export function shareSearch(sql: string): string | null {
  if (!sql.trim() || sql.length > MAX_SHARED_SQL) return null;
  return `?${new URLSearchParams({ q: sql }).toString()}`;
}
