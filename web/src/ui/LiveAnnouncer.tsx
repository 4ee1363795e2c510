/** Reads out, politely, what changed while the reader was on the page. */
export function LiveAnnouncer({ announcement }: { announcement: string }) {
  return (
    <div className="visually-hidden" aria-live="polite" data-testid="live-announcer">
      {announcement}
    </div>
  );
}
