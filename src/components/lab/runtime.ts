// The lab runtime: the simulator (through the page store), the topology view, and for links the
// start state of a challenge and the saved lab kept aside when a link replaces it. <dnl-lab> loads
// this chunk with a dynamic import as soon as it connects, so the page's initial JavaScript stays
// small (xterm and the lab glue) while the simulator downloads in parallel.
export { challengeStart } from '../state/challenge-start.ts';
export { keepSavedLab, takeKeptLab } from '../state/lab-keep.ts';
export { LabStore } from '../state/lab-store.ts';
export { mountTopology } from '../topology/mount.ts';
