/** Vite's `?url` imports: the URL of a bundled asset, fetched at run time. */
declare module '*?url' {
  const url: string;
  export default url;
}
