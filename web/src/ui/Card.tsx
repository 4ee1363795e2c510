import type { CSSProperties, ReactNode } from "react";

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Community colours come from the api; anything that is not a plain hex colour is ignored. */
export function accentStyle(color: string | null | undefined): CSSProperties | undefined {
  return color && HEX.test(color) ? ({ "--community": color } as CSSProperties) : undefined;
}

interface CardProps {
  /** A community colour, shown as a stripe along the card's edge. */
  accent?: string | null;
  as?: "article" | "section" | "div";
  className?: string;
  children: ReactNode;
  "aria-labelledby"?: string;
}

export function Card({ accent, as: Tag = "div", className, children, ...rest }: CardProps) {
  return (
    <Tag
      className={["card", accent ? "card--accent" : "", className ?? ""].filter(Boolean).join(" ")}
      style={accentStyle(accent)}
      {...rest}
    >
      {children}
    </Tag>
  );
}
