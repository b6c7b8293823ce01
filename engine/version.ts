/**
 * The engine's own version, recorded with every result. Bump it whenever the same policy and
 * assessment could give a different output, so replays can tell engine changes from policy changes.
 */
export const ENGINE_VERSION = '1.0.0';
