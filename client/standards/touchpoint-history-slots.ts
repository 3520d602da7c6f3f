import type { ComponentType } from 'react';

/**
 * Sections a touchpoint's standard page shows below its version history, each given the touchpoint key.
 * The place for other histories of the touchpoint: the improvement actions (issue 18) add their
 * component here rather than editing the page.
 */
export const TOUCHPOINT_HISTORY_SECTIONS: ComponentType<{ touchpoint: string }>[] = [];
