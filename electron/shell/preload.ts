/**
 * The preload: the renderer's only bridge, exposed through contextBridge as two named
 * functions. ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventMessage, ReplyMessage } from '../../shared/protocol.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels.js';

let nextId = 1;

contextBridge.exposeInMainWorld('syndic', {
  call(method: string, args: unknown[]): Promise<ReplyMessage> {
    return ipcRenderer.invoke(CALL_CHANNEL, { id: nextId++, method, args }) as Promise<ReplyMessage>;
  },
  onEvent(listener: (message: EventMessage) => void): () => void {
    const wrapped = (_event: IpcRendererEvent, message: EventMessage) => listener(message);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
});
