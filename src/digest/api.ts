/**
 * The digest feature's public face: what its command calls. Nothing outside `src/digest/`
 * imports any other file of it.
 */
export { configureDigest, parseDigestRequest, type DigestRequest } from "./admin";
