// Mirrors xterm.js src/common/Event.ts: an Emitter with a typed event and Disposable listeners.
// The simulator emits; views subscribe. Listeners run synchronously, in subscription order.

/** Disposable is something that can be undone (a listener removed). */
export interface Disposable {
  dispose(): void;
}

/** Emitter fires values of type T to its listeners. */
export class Emitter<T> {
  private listeners: Array<(value: T) => void> = [];

  /** event subscribes a listener; dispose() unsubscribes it. */
  readonly event = (listener: (value: T) => void): Disposable => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };

  /** fire calls every listener with value. A throwing listener does not stop the others. */
  fire(value: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(value);
      } catch {
        // a broken view must never break the simulator
      }
    }
  }
}
