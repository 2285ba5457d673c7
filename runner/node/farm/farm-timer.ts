// Entry of a cart farm's slice timer thread in Node (see slice-timer.ts). It hears the main thread
// (workers come and go) and each worker directly (its carts, as soon as they are made: the main
// thread may be too busy to pass them on).
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { SliceTimer, type ToSliceTimer } from '../../common/farm/slice-timer.js';

export interface FarmTimerData {
  wake: Int32Array;
  sliceMs: number;
  /** The farm's clock origin (farmClock). */
  origin: number;
  /** From the main thread. The thread sleeps in Atomics.wait, not in an event loop: ports are read between looks. */
  port: MessagePort;
}

/** A 'worker' message from the main thread carries the port that worker speaks through. */
export type ToFarmTimer = ToSliceTimer & { port?: MessagePort };

const data = workerData as FarmTimerData;
const workerPorts = new Map<number, MessagePort>();

function receive(): ToSliceTimer | undefined {
  const fromMain = receiveMessageOnPort(data.port)?.message as ToFarmTimer | undefined;
  if (fromMain) {
    if (fromMain.type === 'worker' && fromMain.port) workerPorts.set(fromMain.index, fromMain.port);
    if (fromMain.type === 'retire') {
      workerPorts.get(fromMain.index)?.close();
      workerPorts.delete(fromMain.index);
    }
    return fromMain;
  }
  for (const port of workerPorts.values()) {
    const msg = receiveMessageOnPort(port)?.message as ToSliceTimer | undefined;
    if (msg) return msg;
  }
  return undefined;
}

new SliceTimer(data.wake, data.sliceMs, data.origin, receive).run();
