import type { StringKey } from "../../i18n";
import type { ChartSpec, SpecBounds } from "../spec";

/**
 * A year as the catalog writes it: a number (an editorial choice, e.g. an index's base year) or resolved from
 * the data at build time over the chart's series: `earliest`/`latest` year with a published figure,
 * `latest-full` the last year whose figure covers the whole period (no partial year).
 */
export type YearRef = number | "earliest" | "latest" | "latest-full" | "before-latest-full";

/** How a chart sits on its page: the page's main chart (reads and writes the URL), one that takes its compared
 * years from another chart on the page, or a panel of its own. */
export type Role = "primary" | "panel" | { follows: string };

/** The site's chart pages (slug after /{lang}/; "" is the overview). */
export type ChartPage = "" | "trends" | "compare" | "deepfakes" | "victims" | "justice" | "international";

/**
 * One chart, complete and serialisable: where it lives, how it sits there, what it shows and what readers may
 * change. Embeds, static images, permalinks, citations and full-view links are all derived from it.
 */
export interface ChartDef {
  id: string;
  page: ChartPage;
  role: Role;
  /** Page section (its heading's string key), for pages that group charts. */
  section?: StringKey;
  /** Drawing size; `half` charts sit two to a row on wide screens. */
  size?: { width?: number; height?: number; half?: boolean };
  /** Notes under the chart (string keys). */
  notes?: StringKey[];
  /** Also show each of the chart's series' own caveats as a comparability note. */
  caveats?: boolean;
  /** Also say what the overview's card says of a series published for windows: the change against the window
   * before, and the split by sex as published (src/charts/window-notes.ts). */
  windowNotes?: boolean;
  /** Where the series a reader may choose come from: `trendable` = every series with yearly figures. */
  seriesFrom?: "trendable";
  title: StringKey;
  /** One line under the title: unit and period in words. */
  subtitle?: StringKey;
  defaults: Omit<ChartSpec, "lang" | "from" | "to" | "a" | "b"> & Record<"from" | "to" | "a" | "b", YearRef>;
  bounds: Omit<SpecBounds, "years" | "available"> & { years: readonly [YearRef, YearRef] };
}

type Defaults = ChartDef["defaults"];

/** A catalog entry with the common defaults filled in (a line of one series' total, earliest to latest year). */
export function chart(
  c: Omit<ChartDef, "defaults" | "bounds" | "role" | "title" | "subtitle"> & {
    role?: Role;
    subtitle?: StringKey | null;
    d: Partial<Omit<Defaults, "id">> & Pick<Defaults, "series">;
    bounds?: Partial<ChartDef["bounds"]>;
  },
): ChartDef {
  const { d, bounds, role = "panel", subtitle, ...rest } = c;
  const defaults: Defaults = {
    id: c.id,
    view: "series",
    dimension: "total",
    categories: [],
    mode: "absolute",
    from: "earliest",
    to: "latest",
    a: "before-latest-full",
    b: "latest-full",
    mark: "line",
    ...d,
  };
  return {
    ...rest,
    role,
    title: `chart.${c.id}.title` as StringKey,
    ...(subtitle === null ? {} : { subtitle: subtitle ?? (`chart.${c.id}.subtitle` as StringKey) }),
    defaults,
    bounds: {
      series: defaults.series,
      dimensions: [defaults.dimension],
      years: ["earliest", "latest"],
      fields: [],
      ...bounds,
    },
  };
}
