/** Modules the build makes (see vite.config.ts). */
declare module 'virtual:pcc-urgent-rules' {
  /** `knowledge/urgent.yaml`, compiled; `null` in the standalone build, whose built-in knowledge has them. */
  const groups: import('./knowledge/schema.js').UrgentGroup[] | null;
  export default groups;
}
