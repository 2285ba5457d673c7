// The console runs 60 frames a second (reference §0): the one definition of a frame's length.

export const FRAMES_PER_SECOND = 60;
export const FRAME_MS = 1000 / FRAMES_PER_SECOND;
