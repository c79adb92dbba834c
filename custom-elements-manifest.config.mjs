// `cem analyze` (run by `npm run build`): the Custom Elements Manifest, from the element's header JSDoc
// (the public contract) and its Lit decorators, written to dist/custom-elements.json.
export default {
  globs: ['src/quaderno-checkout.ts', 'src/checkout/checkout.component.ts', 'src/checkout/events.ts'],
  outdir: 'dist',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [
    {
      // why: privates and `#private` helpers are implementation; the manifest lists only the public surface.
      name: 'quaderno-public-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.members) {
              decl.members = decl.members.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'));
            }
          }
        }
        // why: paths name the shipped modules (dist/lib/*.js), not sources a consumer does not have.
        const shipped = JSON.parse(JSON.stringify(customElementsManifest).replace(/"\/?src\/([^"]+)\.ts"/g, '"dist/lib/$1.js"'));
        Object.assign(customElementsManifest, shipped);
      },
    },
  ],
};
