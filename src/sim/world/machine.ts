// What every simulated machine runs: one kernel and one distribution, so `uname`, `docker info`,
// /etc/os-release and nginx's startup notice agree. Containers share their host's kernel.

/** KERNEL is the hosts' kernel (`uname -r`, `uname -v`, `uname -m`): Ubuntu 24.04's HWE-less 6.8. */
export const KERNEL = {
  release: '6.8.0-60-generic',
  version: '#63-Ubuntu SMP PREEMPT_DYNAMIC Tue Apr 15 19:04:15 UTC 2025',
  machine: 'x86_64',
};

/** HOST_OS is the hosts' PRETTY_NAME (`docker info`'s Operating System). */
export const HOST_OS = 'Ubuntu 24.04.2 LTS';
