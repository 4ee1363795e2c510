import type { Request } from "express";
import type { Locale } from "../core/context.js";

/**
 * The language of a plain server-rendered page (print, unsubscribe): `?lang=it|en` first (links
 * carry it), then the browser's Accept-Language, else `fallback`.
 */
export function pageLocale(req: Request, fallback: Locale): Locale {
  if (req.query.lang === "it" || req.query.lang === "en") return req.query.lang;
  return (req.acceptsLanguages("it", "en") as Locale | false) || fallback;
}
