/**
 * Whether an IPC call comes from a Syndic window: its main frame, alive, showing the app's
 * own origin. Plain types, no Electron import, so a unit test can put every refusal to it;
 * Electron's IpcMainInvokeEvent fits these shapes as it is (ipc.ts passes it through).
 */
import { originOf } from './window-options.js';

/** What is read of the frame that sent a call (Electron's WebFrameMain). */
export interface SenderFrame {
  readonly url: string;
  /** Reading `url` of a destroyed frame throws in Electron: asked first. */
  isDestroyed(): boolean;
}

/** What is read of an IPC call's event (Electron's IpcMainInvokeEvent). */
export interface SenderEvent {
  /** Null once the frame has navigated away or been destroyed. */
  readonly senderFrame: SenderFrame | null;
  readonly sender: { readonly id: number; readonly mainFrame: SenderFrame };
}

/** True only for a call from the main frame of one of `windows`, at `appOrigin`. */
export function trustedSender(event: SenderEvent, windows: ReadonlySet<number>, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.isDestroyed()) return false;
  if (frame !== event.sender.mainFrame) return false;
  if (!windows.has(event.sender.id)) return false;
  return originOf(frame.url) === appOrigin;
}
