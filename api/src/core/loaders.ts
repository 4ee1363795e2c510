/*
 * `ctx.loaders`, declared by the modules' index.ts files like `Services` (see services.ts, for
 * why declared rather than derived): each extends these with its groups' return types.
 */

/** Loaders whose answers are the same for every viewer: one set may serve many subscribers of an event. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' augmentations
export interface SharedLoaders {}

/** Loaders whose answers depend on who asks. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' augmentations
export interface ViewerLoaders {}

/** Every DataLoader of one request (or one subscription event), fresh each time. */
export type Loaders = SharedLoaders & ViewerLoaders;
