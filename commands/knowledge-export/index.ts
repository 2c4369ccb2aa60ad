import { exportKnowledgeCommand } from "./export-knowledge";

/** The knowledge export. */
export const knowledgeExportCommands = [exportKnowledgeCommand];
