// The lab runtime: the simulator (through the page store) and the topology view. <dnl-lab> loads
// this chunk with a dynamic import as soon as it connects, so the page's initial JavaScript stays
// small (xterm and the lab glue) while the simulator downloads in parallel.
export { LabStore } from '../state/lab-store.ts';
export { mountTopology } from '../topology/mount.ts';
