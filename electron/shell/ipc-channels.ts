/** The two IPC channel names, defined once for the preload and the main side. */
export const CALL_CHANNEL = 'syndic:call';
export const EVENT_CHANNEL = 'syndic:event';
