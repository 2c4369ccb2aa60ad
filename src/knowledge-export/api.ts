/**
 * The knowledge export's public face: what its command and `npm run export` call. Nothing
 * outside `src/knowledge-export/` imports any other file of it.
 */
export { exportKnowledge } from "./admin";
export type { ExportSource } from "./collect";
export { writeKnowledgeExport, type ExportResult } from "./write-site";
