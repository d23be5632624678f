/**
 * Bring your own CSV: read the file in chunks (progress bar), detect UTF-8/CP949, sniff the delimiter,
 * preview 20 rows with editable column types, then load it as a table. The file stays in this tab: it is
 * never sent anywhere (connect-src 'self' and no code path that uploads), and nothing is stored.
 */
import type { ConsoleSession } from "../db/client";
import { PUBLISHED_TABLES } from "../db/client";
import {
  COLUMN_TYPES,
  CsvError,
  decodeUpload,
  normaliseCsv,
  previewCsv,
  tableNameFor,
  type ColumnType,
  type Preview,
} from "./csv";
import { fmt, type Strings } from "./console";

const READ_CHUNK = 4 << 20;

async function readFile(file: File, onProgress: (f: number) => void): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  for (let off = 0; off < file.size; off += READ_CHUNK) {
    const buf = await file.slice(off, off + READ_CHUNK).arrayBuffer();
    out.set(new Uint8Array(buf), off);
    onProgress(Math.min(1, (off + buf.byteLength) / Math.max(1, file.size)));
  }
  return out;
}

export function initUpload(root: HTMLElement, session: ConsoleSession, s: Strings): void {
  const box = root.querySelector<HTMLElement>("[data-upload]");
  if (!box) return;
  const input = box.querySelector<HTMLInputElement>("[data-file]")!;
  const zone = box.querySelector<HTMLElement>("[data-dropzone]")!;
  const progress = box.querySelector<HTMLProgressElement>("[data-progress]")!;
  const status = box.querySelector<HTMLElement>("[data-upload-status]")!;
  const errorBox = box.querySelector<HTMLElement>("[data-upload-error]")!;
  const previewBox = box.querySelector<HTMLElement>("[data-preview]")!;
  const caption = box.querySelector<HTMLElement>("[data-preview-caption]")!;
  const table = box.querySelector<HTMLTableElement>("[data-preview-table]")!;
  const nameInput = box.querySelector<HTMLInputElement>("[data-table-name]")!;
  const loadBtn = box.querySelector<HTMLButtonElement>("[data-load]")!;

  let current: { text: string; preview: Preview; types: ColumnType[] } | null = null;
  const taken: string[] = [...PUBLISHED_TABLES];

  const problem = (e: unknown): string => {
    if (e instanceof CsvError) {
      const p = fmt(s, `explore.bad.${e.problem.code}`, { detail: e.problem.detail ?? "" });
      return fmt(s, "explore.bad", {
        problem: e.problem.row ? fmt(s, "explore.bad.row", { problem: p, row: e.problem.row }) : p,
      });
    }
    return fmt(s, "explore.upload.failed", { reason: e instanceof Error ? e.message : String(e) });
  };
  const fail = (e: unknown) => {
    errorBox.hidden = false;
    errorBox.textContent = problem(e);
    errorBox.dataset.code = e instanceof CsvError ? e.problem.code : "load";
    progress.hidden = true;
    status.textContent = "";
    box.dispatchEvent(new CustomEvent("explore:upload-error", { bubbles: true }));
  };

  const showPreview = (name: string, encoding: string, p: Preview) => {
    const t = document.createElement("table");
    t.className = "data text-xs";
    const head = t.createTHead();
    const names = head.insertRow();
    const types = head.insertRow();
    p.header.forEach((h, i) => {
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
    });
    const body = t.createTBody();
    for (const r of p.rows) {
      const tr = body.insertRow();
      p.header.forEach((_, i) => (tr.insertCell().textContent = r[i] ?? ""));
    }
    table.replaceChildren(...t.childNodes);
    const delim = p.delimiter === "\t" ? "TAB" : p.delimiter;
    caption.textContent = fmt(s, "explore.upload.preview", {
      n: p.rows.length,
      name,
      encoding: encoding === "cp949" ? "CP949/EUC-KR" : "UTF-8",
      delimiter: `"${delim}"`,
    });
    nameInput.value = tableNameFor(name, taken);
    previewBox.hidden = false;
  };

  const handle = async (file: File) => {
    errorBox.hidden = true;
    previewBox.hidden = true;
    current = null;
    progress.hidden = false;
    progress.value = 0;
    status.textContent = fmt(s, "explore.upload.reading", { name: file.name });
    try {
      const bytes = await readFile(file, (f) => (progress.value = f * 0.5));
      const { text, encoding } = decodeUpload(bytes);
      const preview = previewCsv(text);
      current = { text, preview, types: [...preview.types] };
      progress.value = 0.5;
      status.textContent = "";
      showPreview(file.name, encoding, preview);
      box.dispatchEvent(new CustomEvent("explore:preview", { bubbles: true }));
    } catch (e) {
      fail(e);
    }
  };

  loadBtn.addEventListener("click", () => {
    if (!current) return;
    const cur = current;
    const name = tableNameFor(`${nameInput.value}.csv`, taken);
    loadBtn.disabled = true;
    errorBox.hidden = true;
    progress.hidden = false;
    const t0 = performance.now();
    void (async () => {
      try {
        const norm = await normaliseCsv(cur.text, cur.preview.delimiter, (f) => (progress.value = 0.5 + f * 0.4));
        status.textContent = fmt(s, "explore.upload.loading");
        const columns = Object.fromEntries(norm.header.map((h, i) => [h, cur.types[i] ?? "VARCHAR"]));
        const rows = await session.loadCsv(name, norm.csv, columns);
        progress.value = 1;
        taken.push(name);
        status.textContent = fmt(s, "explore.upload.loaded", {
          rows: rows.toLocaleString(),
          table: name,
          ms: Math.round(performance.now() - t0),
        });
        box.dataset.loadedTable = name;
        box.dispatchEvent(new CustomEvent("explore:tables", { bubbles: true }));
        box.dispatchEvent(new CustomEvent("explore:loaded", { bubbles: true, detail: { table: name, rows } }));
      } catch (e) {
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
