/** Up to two initials from a display name: "Maria Rossi" → "MR", "anna" → "A". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/u).filter(Boolean);
  const first = parts[0]?.[0] ?? "?";
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return (first + last).toLocaleUpperCase();
}

interface AvatarProps {
  name: string;
  size?: "sm" | "md" | "lg";
}

/** Decorative: the name is always written next to it, so assistive technology skips it. */
export function Avatar({ name, size = "md" }: AvatarProps) {
  return (
    <span className={`avatar avatar--${size}`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
