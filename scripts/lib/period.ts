/** Period labels and ISO dates. Pure. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** Days from start to end inclusive (both ISO dates). */
export function spanDays(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD" as used in event dates. */
export function isLooseDate(s: string): boolean {
  if (/^\d{4}$/.test(s)) return true;
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12;
  return isIsoDate(s);
}

function expandStart(part: string): string | null {
  if (isIsoDate(part)) return part;
  const m = /^(\d{4})-(\d{2})$/.exec(part);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2]}-01`;
  return null;
}

function expandEnd(part: string): string | null {
  if (isIsoDate(part)) return part;
  const m = /^(\d{4})-(\d{2})$/.exec(part);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return `${m[1]}-${m[2]}-${pad(daysInMonth(Number(m[1]), Number(m[2])))}`;
  return null;
}

/** The start and end dates implied by a period label of the given type, or an error message. */
export function expectedDates(label: string, type: string): { start: string; end: string } | string {
  switch (type) {
    case "calendar_year": {
      if (!/^\d{4}$/.test(label)) return `period "${label}" is not a calendar year label like 2024`;
      return { start: `${label}-01-01`, end: `${label}-12-31` };
    }
    case "financial_year": {
      const m = /^FY(\d{4})\/(\d{2})$/.exec(label);
      if (!m) return `period "${label}" is not a financial year label like FY2022/23`;
      const y = Number(m[1]);
      if (Number(m[2]) !== (y + 1) % 100) return `period "${label}": the second year must follow the first`;
      return { start: `${y}-07-01`, end: `${y + 1}-06-30` };
    }
    case "half_year": {
      const m = /^(\d{4})-H([12])$/.exec(label);
      if (!m) return `period "${label}" is not a half-year label like 2024-H1`;
      return m[2] === "1"
        ? { start: `${m[1]}-01-01`, end: `${m[1]}-06-30` }
        : { start: `${m[1]}-07-01`, end: `${m[1]}-12-31` };
    }
    case "partial_year":
    case "window":
    case "cumulative": {
      const parts = label.split("/");
      if (parts.length !== 2) return `period "${label}" must look like 2024-01/2024-07 or 2023-08-01/2024-07-31`;
      const start = expandStart(parts[0] ?? "");
      const end = expandEnd(parts[1] ?? "");
      if (!start || !end) return `period "${label}" has a bad date (use YYYY-MM or YYYY-MM-DD on both sides)`;
      return { start, end };
    }
    default:
      return `period type "${type}" is not one of calendar_year, financial_year, partial_year, window, cumulative, half_year`;
  }
}

/** Normal length in days of a period type, for deciding whether a row is partial; null = no normal length. */
export function normalSpanDays(type: string): number | null {
  switch (type) {
    case "calendar_year":
    case "financial_year":
      return 365;
    case "half_year":
      return 181;
    default:
      return null;
  }
}

/** Validate one period; returns a list of plain-words problems keyed by column. */
export function checkPeriod(
  label: string,
  start: string,
  end: string,
  type: string,
): { column: string; message: string }[] {
  const out: { column: string; message: string }[] = [];
  if (!isIsoDate(start))
    out.push({ column: "period_start", message: `"${start}" is not a valid ISO date (YYYY-MM-DD)` });
  if (!isIsoDate(end)) out.push({ column: "period_end", message: `"${end}" is not a valid ISO date (YYYY-MM-DD)` });
  if (out.length === 0 && start > end)
    out.push({ column: "period_start", message: `period_start ${start} is after period_end ${end}` });
  const exp = expectedDates(label, type);
  if (typeof exp === "string") {
    out.push({ column: type.length > 0 && exp.startsWith("period type") ? "period_type" : "period", message: exp });
    return out;
  }
  if (out.length === 0 && (exp.start !== start || exp.end !== end)) {
    out.push({
      column: "period",
      message: `label "${label}" means ${exp.start}..${exp.end}, but the row says ${start}..${end}`,
    });
  }
  if (type === "partial_year" && out.length === 0 && spanDays(start, end) >= 365) {
    out.push({ column: "period_type", message: `partial_year "${label}" spans a full year or more` });
  }
  return out;
}
