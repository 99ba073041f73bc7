// highlight.js publishes types for its main entry and its languages, not for the core build
// that html.ts imports to keep the bundle small (the full build registers ~190 languages).
declare module 'highlight.js/lib/core' {
  import hljs from 'highlight.js';
  export default hljs;
}
