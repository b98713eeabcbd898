/** The drag-and-drop type a palette item carries: the node kind to create. */
export const PALETTE_MIME = 'application/x-journey-studio-kind';
