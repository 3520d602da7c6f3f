/** DOM ids for a question's controls, so focus can follow it after add, move and delete. */
const safe = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, (char) => `_${char.charCodeAt(0).toString(16)}`);

export const questionButtonId = (name: string) => `question-${safe(name)}`;
export const questionEditorId = (name: string) => `question-editor-${safe(name)}`;
export const moveButtonId = (name: string, direction: -1 | 1) => `question-move-${direction < 0 ? 'up' : 'down'}-${safe(name)}`;
