// frame.mjs — the frame probe the benchmarks run in a page.

/**
 * In the page (`page.evaluate(armFrame, type)`): `window.__frame` resolves
 * with the milliseconds from the next `type` event to the end of the frame
 * after it. rAF callbacks run before style, layout and paint; a message
 * posted from one is handled after them.
 */
export const armFrame = (type) => {
  window.__frame = new Promise((resolve) =>
    addEventListener(
      type,
      (event) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - event.timeStamp);
          channel.port2.postMessage(null);
        }),
      { capture: true, once: true },
    ),
  );
};
