// Cytoscape extensions ship no types; each registers itself through cytoscape.use().
declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  const extension: Ext;
  export default extension;
}
declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const extension: Ext;
  export default extension;
}
