/**
 * Bring your own CSV: read the file in chunks (progress bar), check it is UTF-8 or turn CP949 into UTF-8 in
 * chunks, preview the start with papaparse (types inferred, Korean-style values recognised, editable), then
 * hand the bytes to DuckDB's own CSV reader. The file stays in this tab: it is never sent anywhere
 * (connect-src 'self' and no code path that uploads), and nothing is stored.
 */
import { BadCellError, getConsole } from "../db/console";
import { PUBLISHED_TABLES, type LoadColumn } from "../db/queries/explore";
import {
  COLUMN_TYPES,
  CsvError,
  decodeUpload,
  findCsvProblem,
  prepareBytes,
  previewCsv,
  tableNameFor,
  type ColumnType,
  type Preview,
} from "./csv";
import { fmt, num, type Strings } from "./strings";

const READ_CHUNK = 16 << 20;
/**
 * The engine runs in WebAssembly, which can address at most 4 GB; the file, DuckDB's copy of it and the
 * table must all fit. Larger files are refused before reading, naming both numbers.
 */
export const MAX_FILE_BYTES = 512 << 20;
export const ENGINE_MEMORY = "4 GB";
/** Columns drawn in the preview (each has a type menu); the rest keep their inferred types. */
export const PREVIEW_COLUMNS = 50;
/** Columns a file may have to be loaded (DuckDB runs out of memory long before 100,000). */
export const MAX_LOAD_COLUMNS = 5000;

/** Files up to this size are read in one call (more than twice as fast as slices); larger ones show progress. */
const READ_WHOLE = 64 << 20;

async function readFile(file: File, onProgress: (f: number) => void): Promise<Uint8Array> {
  if (file.size <= READ_WHOLE) {
    const whole = new Uint8Array(await file.arrayBuffer());
    onProgress(1);
    return whole;
  }
  const out = new Uint8Array(file.size);
  for (let off = 0; off < file.size; off += READ_CHUNK) {
    const buf = await file.slice(off, off + READ_CHUNK).arrayBuffer();
    out.set(new Uint8Array(buf), off);
    onProgress(Math.min(1, (off + buf.byteLength) / Math.max(1, file.size)));
  }
  return out;
}

const mb = (n: number) => (n / (1 << 20)).toFixed(n < 10 << 20 ? 1 : 0);

/** An engine message without its internal details (file paths, hints about options the page does not offer). */
function engineMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  return (raw.split("\n")[0] ?? raw).replace(/\/user\/[^\s'"]*/g, "").slice(0, 300);
}

interface Current {
  file: File;
  bytes: Uint8Array;
  encoding: "utf-8" | "cp949";
  preview: Preview;
  types: ColumnType[];
}

export function initUpload(root: HTMLElement, s: Strings, lang: string, onLoaded: (table: string) => void): void {
  const box = root.querySelector<HTMLElement>("[data-upload]");
  if (!box) return;
  const input = box.querySelector<HTMLInputElement>("[data-file]")!;
  const zone = box.querySelector<HTMLElement>("[data-dropzone]")!;
  const progress = box.querySelector<HTMLProgressElement>("[data-progress]")!;
  const status = box.querySelector<HTMLElement>("[data-upload-status]")!;
  const errorBox = box.querySelector<HTMLElement>("[data-upload-error]")!;
  const previewBox = box.querySelector<HTMLElement>("[data-preview]")!;
  const caption = box.querySelector<HTMLElement>("[data-preview-caption]")!;
  const note = box.querySelector<HTMLElement>("[data-preview-note]")!;
  const table = box.querySelector<HTMLTableElement>("[data-preview-table]")!;
  const nameInput = box.querySelector<HTMLInputElement>("[data-table-name]")!;
  const loadBtn = box.querySelector<HTMLButtonElement>("[data-load]")!;

  let current: Current | null = null;
  const taken: string[] = [...PUBLISHED_TABLES];
  const typeName = (t: string) => fmt(s, `explore.type.${t}`);

  const problem = (e: unknown): string => {
    if (e instanceof CsvError) {
      const p = fmt(s, `explore.bad.${e.problem.code}`, { detail: e.problem.detail ?? "" });
      return fmt(s, "explore.bad", {
        problem: e.problem.row ? fmt(s, "explore.bad.row", { problem: p, row: e.problem.row }) : p,
      });
    }
    if (e instanceof BadCellError)
      return fmt(s, "explore.bad.cell", { row: e.row, column: e.column, value: e.value, type: typeName(e.type) });
    return fmt(s, "explore.upload.failed", { reason: engineMessage(e) });
  };
  const fail = (e: unknown) => {
    errorBox.hidden = false;
    errorBox.textContent = problem(e);
    errorBox.dataset.code = e instanceof CsvError ? e.problem.code : e instanceof BadCellError ? "type" : "load";
    progress.hidden = true;
    status.textContent = "";
    box.dispatchEvent(new CustomEvent("explore:upload-error", { bubbles: true }));
  };

  const showPreview = (name: string, cur: Current) => {
    const p = cur.preview;
    const shown = Math.min(p.header.length, PREVIEW_COLUMNS);
    const t = document.createElement("table");
    t.className = "data text-xs";
    const head = t.createTHead();
    const names = head.insertRow();
    const types = head.insertRow();
    const seen = head.insertRow();
    for (let i = 0; i < shown; i++) {
      const h = p.header[i]!;
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = h;
      names.append(th);
      const td = document.createElement("td");
      const sel = document.createElement("select");
      sel.dataset.col = String(i);
      sel.setAttribute("aria-label", `${h}: ${s["explore.upload.types"] ?? ""}`);
      for (const ty of COLUMN_TYPES) sel.add(new Option(ty, ty, false, ty === p.types[i]));
      sel.addEventListener("change", () => {
        if (current) current.types[i] = sel.value as ColumnType;
      });
      td.append(sel);
      types.append(td);
      // What the preview recognised, so the reader knows why "5,153" became a number.
      const rec = seen.insertCell();
      rec.className = "muted";
      rec.dataset.recognised = p.guesses[i]!.recognised.join(" ");
      rec.textContent = p.guesses[i]!.recognised.map((r) => fmt(s, `explore.seen.${r}`)).join(" · ");
    }
    const body = t.createTBody();
    for (const r of p.rows) {
      const tr = body.insertRow();
      for (let i = 0; i < shown; i++) tr.insertCell().textContent = r[i] ?? "";
    }
    table.replaceChildren(...t.childNodes);
    const delim = p.delimiter === "\t" ? "TAB" : p.delimiter;
    caption.textContent = fmt(s, "explore.upload.preview", {
      n: p.rows.length,
      name,
      encoding: cur.encoding === "cp949" ? "CP949/EUC-KR" : "UTF-8",
      delimiter: `"${delim}"`,
    });
    const notes: string[] = [];
    if (shown < p.header.length)
      notes.push(fmt(s, "explore.upload.cols", { shown: num(shown, lang), total: num(p.header.length, lang) }));
    const tooWide = p.header.length > MAX_LOAD_COLUMNS;
    if (tooWide) notes.push(fmt(s, "explore.upload.toowide", { max: num(MAX_LOAD_COLUMNS, lang) }));
    note.textContent = notes.join(" ");
    note.hidden = !notes.length;
    loadBtn.disabled = tooWide;
    nameInput.value = tableNameFor(name, taken);
    previewBox.hidden = false;
  };

  const handle = async (file: File) => {
    errorBox.hidden = true;
    previewBox.hidden = true;
    current = null;
    if (file.size > MAX_FILE_BYTES) {
      fail(
        new CsvError({
          code: "too-big",
          detail: fmt(s, "explore.upload.toobig", {
            size: mb(file.size),
            max: mb(MAX_FILE_BYTES),
            memory: ENGINE_MEMORY,
          }),
        }),
      );
      return;
    }
    progress.hidden = false;
    progress.value = 0;
    status.textContent = fmt(s, "explore.upload.reading", { name: file.name });
    try {
      const raw = await readFile(file, (f) => (progress.value = f * 0.4));
      status.textContent = fmt(s, "explore.upload.checking", { name: file.name });
      const prepared = await prepareBytes(raw, (f) => (progress.value = 0.4 + f * 0.1));
      await new Promise((r) => setTimeout(r, 0)); // let the bar paint before the parse
      const preview = previewCsv(prepared.head, 20, prepared.complete, {
        over: MAX_LOAD_COLUMNS,
        inspect: PREVIEW_COLUMNS,
      });
      current = { file, bytes: prepared.bytes, encoding: prepared.encoding, preview, types: [...preview.types] };
      progress.value = 0.5;
      status.textContent = "";
      showPreview(file.name, current);
      box.dispatchEvent(new CustomEvent("explore:preview", { bubbles: true }));
    } catch (e) {
      fail(e);
    }
  };

  /** After DuckDB refused the file: a located report from papaparse if it finds the problem. */
  const explain = async (cur: Current, e: unknown): Promise<unknown> => {
    if (e instanceof BadCellError) return e;
    try {
      const { text } = decodeUpload(await readFile(cur.file, () => {}));
      return (await findCsvProblem(text, cur.preview.delimiter)) ?? e;
    } catch (again) {
      return again instanceof CsvError ? again : e;
    }
  };

  loadBtn.addEventListener("click", () => {
    if (!current) return;
    const cur = current;
    const typed = nameInput.value.trim();
    const name = tableNameFor(`${typed}.csv`, taken);
    loadBtn.disabled = true;
    errorBox.hidden = true;
    progress.hidden = false;
    progress.removeAttribute("value"); // DuckDB reports no progress: an indeterminate bar and a clock.
    const t0 = performance.now();
    const tick = setInterval(() => {
      status.textContent = fmt(s, "explore.upload.loading", { s: ((performance.now() - t0) / 1000).toFixed(1) });
    }, 250);
    status.textContent = fmt(s, "explore.upload.loading", { s: "0.0" });
    void (async () => {
      try {
        // Registering hands the buffer to the engine's worker; a second load (after an error) reads the file again.
        if (cur.bytes.byteLength === 0) cur.bytes = (await prepareBytes(await readFile(cur.file, () => {}))).bytes;
        const columns: LoadColumn[] = cur.preview.header.map((h, i) => ({
          name: h,
          type: cur.types[i] ?? "VARCHAR",
          clean: cur.preview.guesses[i]?.clean ?? false,
        }));
        const session = await getConsole();
        let rows: number;
        try {
          rows = await session.loadCsv(name, cur.bytes, cur.preview.delimiter, columns);
        } catch (e) {
          throw await explain(cur, e);
        }
        clearInterval(tick);
        progress.value = 1;
        taken.push(name);
        const renamed =
          typed && typed !== name ? ` ${fmt(s, "explore.upload.renamed", { from: typed, to: name })}` : "";
        status.textContent =
          fmt(s, "explore.upload.loaded", {
            rows: num(rows, lang),
            table: name,
            ms: Math.round(performance.now() - t0),
          }) + renamed;
        box.dataset.loadedTable = name;
        onLoaded(name);
        box.dispatchEvent(new CustomEvent("explore:tables", { bubbles: true }));
        box.dispatchEvent(
          new CustomEvent("explore:loaded", {
            bubbles: true,
            detail: { table: name, rows, ms: performance.now() - t0 },
          }),
        );
      } catch (e) {
        clearInterval(tick);
        fail(e);
      } finally {
        loadBtn.disabled = false;
      }
    })();
  });

  input.disabled = false;
  input.addEventListener("change", () => {
    const f = input.files?.[0];
    if (f) void handle(f);
  });
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    const f = e.dataTransfer?.files[0];
    if (f) void handle(f);
  });
}
