/**
 * The web app's build. @sigma/node-image makes two ready programs when it is imported (its
 * `NodeImageProgram` and `NodePictogramProgram`), each opening a WebGL context of its own to read the
 * texture size limit: 60-85 ms of the page's start in software WebGL. The app makes its own program
 * (renderer.ts) and uses neither, so the factory is declared free of side effects and the two unused
 * programs are left out of the bundle.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    rolldownOptions: { treeshake: { manualPureFunctions: ['createNodeImageProgram'] } },
  },
});
