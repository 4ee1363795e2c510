import { useRef, useState } from "react";

/**
 * What a live region should say next. The same words twice in a row are still read: every other
 * announcement carries an invisible difference.
 */
export function useAnnouncer(): [announcement: string, announce: (message: string) => void] {
  const [announcement, setAnnouncement] = useState("");
  const count = useRef(0);
  function announce(message: string) {
    count.current += 1;
    setAnnouncement(count.current % 2 ? message : `${message}\u00a0`);
  }
  return [announcement, announce];
}
