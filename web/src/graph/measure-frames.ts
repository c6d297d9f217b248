/**
 * Frame timing for benchmarks: pans and zooms the camera one step per animation frame and reports
 * the mean and worst interval between rendered frames. Used identically on the app and on a bare
 * sigma page, so the two are compared like for like.
 */
import type Sigma from 'sigma';

/** Mean and worst frame interval in milliseconds over `frames` camera moves. */
export function measureFrames(sigma: Sigma, frames = 30): Promise<{ mean: number; worst: number }> {
  const camera = sigma.getCamera();
  const start = camera.getState();
  const times: number[] = [];
  return new Promise((resolve) => {
    let last = performance.now();
    let i = 0;
    const step = () => {
      const now = performance.now();
      if (i > 0) times.push(now - last);
      last = now;
      if (i >= frames) {
        camera.setState(start);
        const mean = times.reduce((a, b) => a + b, 0) / times.length;
        resolve({ mean, worst: Math.max(...times) });
        return;
      }
      const t = i / frames;
      camera.setState({
        x: start.x + 0.2 * Math.sin(t * 2 * Math.PI),
        y: start.y,
        ratio: start.ratio * (1 - 0.5 * Math.sin(t * Math.PI)),
      });
      i++;
      sigma.once('afterRender', () => requestAnimationFrame(step));
      // A camera left where it was schedules nothing: ask for the frame, so every step draws one.
      sigma.scheduleRender();
    };
    requestAnimationFrame(step);
  });
}
