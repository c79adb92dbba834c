// Single-file components, for `tsc` (the repository's type check does not read .vue files itself).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
