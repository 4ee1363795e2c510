import { useEffect, useState } from "react";

export interface ChartColors {
  series: [string, string, string, string, string];
  text: string;
  grid: string;
}

const SERIES = ["--chart-1", "--chart-2", "--chart-3", "--chart-4", "--chart-5"] as const;

function read(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const value = (name: string) => style.getPropertyValue(name).trim();
  return {
    series: SERIES.map(value) as ChartColors["series"],
    text: value("--text-muted"),
    grid: value("--border"),
  };
}

/**
 * The charts' colours from the theme's custom properties (observatory.css), read again when the
 * system switches between light and dark: SVG presentation attributes take colours, not var().
 */
export function useChartColors(): ChartColors {
  const [colors, setColors] = useState(read);
  useEffect(() => {
    const dark = window.matchMedia("(prefers-color-scheme: dark)");
    const update = () => setColors(read());
    dark.addEventListener("change", update);
    return () => dark.removeEventListener("change", update);
  }, []);
  return colors;
}
