/**
 * The privacy feature's public face: what its commands call. Nothing outside `src/privacy/`
 * imports any other file of it.
 */
export { exportOwnData } from "./export";
export { askToForget } from "./forget";
