// Facilitator notes for running the course as a workshop, one entry per lesson slug: a timing
// plan, the pitfalls learners hit, and what to demo on the projector. The workshop page
// (src/pages/workshop.astro) shows them next to each lesson's printable handout; the unit test
// beside this file checks that every lesson in content/lessons/ (and every planned one) has notes.

/** TimingStep is one block of a session plan: how many minutes, doing what. */
export interface TimingStep {
  minutes: number;
  what: string;
}

/** FacilitatorNotes are the notes for one lesson. */
export interface FacilitatorNotes {
  /** timing is the session plan, in order. */
  timing: readonly TimingStep[];
  /** pitfalls are the places learners usually get stuck, with what to say. */
  pitfalls: readonly string[];
  /** demo lists what to show live before learners try it themselves. */
  demo: readonly string[];
}

/** PLANNED_LESSONS are the slugs of the course's lessons, written or planned (issue 7), in order. */
export const PLANNED_LESSONS = [
  'how-this-course-works',
  'from-servers-to-containers',
  'docker-workflow',
  'what-container-networking-must-do',
  'container-network-model',
  'bridge',
  'host',
  'none',
  'overlay',
  'macvlan',
  'capstone',
  'playground',
] as const;

/** FACILITATOR_NOTES maps each lesson slug to its notes. */
export const FACILITATOR_NOTES: Readonly<Record<string, FacilitatorNotes>> = {
  'how-this-course-works': {
    timing: [
      { minutes: 3, what: 'Tour of a lesson page: objectives, prose, the lab column, the course map.' },
      { minutes: 5, what: 'Everyone runs a first command and solves one playground challenge.' },
    ],
    pitfalls: [
      'Learners expect a real Docker host: say early that the lab is a simulation that prints what Docker 28 prints, and that nothing is installed.',
      'Progress lives in the browser’s storage: a private window or another machine starts from zero.',
    ],
    demo: [
      'Click a command in the text and watch it typed into the terminal; then type one by hand with Tab completion.',
      'Open the topology pane, run a container, and point at the new node.',
    ],
  },
  'from-servers-to-containers': {
    timing: [
      {
        minutes: 5,
        what: 'Three ways to run an application: side by side, VMs, containers; what each shares.',
      },
      { minutes: 5, what: 'One kernel: `uname -r` on the host and in a container.' },
      { minutes: 5, what: 'Namespaces and cgroups: what a process can see and how much it may use.' },
      { minutes: 5, what: 'Every container has its own network namespace: `ip addr` inside and out.' },
      { minutes: 5, what: 'The short history, dotCloud to libnetwork and swarm mode; CNM versus CNI.' },
    ],
    pitfalls: [
      'Containers are not small VMs: they share the host kernel (`uname -r` is the same inside and out).',
      'Learners read the container’s `eth0` as the host’s: ask them to compare addresses and interface indexes.',
    ],
    demo: [
      'Run `ip addr` on the host, then `docker exec` into a container and run it again; count the interfaces.',
      'Show that two containers have separate network namespaces but the same kernel release.',
    ],
  },
  'docker-workflow': {
    timing: [
      { minutes: 5, what: 'Dockerfile → image → registry → container, drawn once.' },
      {
        minutes: 10,
        what: 'Write a Dockerfile in the editor and build it; layers, cached steps, ID and digest.',
      },
      { minutes: 8, what: 'Name the image for a registry, push it, then pull and run it on host2.' },
      { minutes: 7, what: 'The docker command is only a client: call the Engine API over the unix socket.' },
    ],
    pitfalls: [
      'The image name decides where it goes: without a registry host it means Docker Hub, so tag it first.',
      'Editing the Dockerfile does not change the image until it is built again.',
      'A second host has none of the first host’s images until it pulls them.',
    ],
    demo: [
      'Build an image twice and point at the cached steps in the output.',
      'Run the same image on host2 after a push and pull, and compare `docker images` on both hosts.',
    ],
  },
  'what-container-networking-must-do': {
    timing: [
      {
        minutes: 5,
        what: 'The goals: flexibility, cross-platform, scalability, decentralisation, ease of use, support.',
      },
      { minutes: 15, what: 'One lab moment per goal; learners say which goal each moment shows.' },
      { minutes: 5, what: 'The challenges, then the quiz together.' },
    ],
    pitfalls: [
      'The goals sound abstract: tie each one to a command the learner just ran.',
      'Learners confuse portability (same commands everywhere) with identical output everywhere: drivers differ by platform.',
    ],
    demo: [
      'Swap a container from one network driver to another without changing the application.',
      'Show the same `docker network create` on two hosts giving each its own local network.',
    ],
  },
  'container-network-model': {
    timing: [
      {
        minutes: 10,
        what: 'The five CNM objects, each found in `docker network inspect`, `docker inspect` and `ip link`.',
      },
      { minutes: 10, what: 'IPAM: default pools, then `--subnet`, `--ip-range`, `--gateway` and `--ip`.' },
      { minutes: 10, what: 'Plugins, the KV store and scopes; a one-node swarm for a swarm-scope network.' },
    ],
    pitfalls: [
      '`--ip` only works on a network whose subnet you chose: the error says “user configured subnets”.',
      'Overlapping subnets are refused (“Pool overlaps with other one on this address space”).',
      'An unknown driver is a missing plugin, not a typo in the CLI: `plugin "weave" not found`.',
    ],
    demo: [
      'Follow one container from its endpoint ID in `docker network inspect` to its sandbox key and its veth in `ip link`.',
      'Create a network with a custom subnet and ip-range, and show where the next address comes from.',
    ],
  },
  bridge: {
    timing: [
      { minutes: 5, what: 'What a bridge network is made of: Linux bridge, veth pairs, routes, iptables.' },
      { minutes: 10, what: 'Default bridge versus user-defined: names, aliases, connect and disconnect.' },
      { minutes: 10, what: 'Publishing ports, loopback binds and the NAT rules behind them.' },
      { minutes: 15, what: 'Internal networks, ICC, then the challenges.' },
    ],
    pitfalls: [
      'Names do not resolve on the default bridge (`ping: bad address`): only user-defined networks have the embedded DNS.',
      'Two bridge networks cannot reach each other: connect the container to both instead of opening the firewall.',
      'A port published on 127.0.0.1 is refused on the LAN address; that is the point of the bind.',
      '`--internal` removes the default route, so `Network unreachable` is the network working as designed.',
    ],
    demo: [
      'Ping by name on the default bridge (fails), then on a user-defined bridge (works), and show /etc/resolv.conf.',
      'Publish a port and read its DNAT rule in `iptables -t nat -S`; run the packet walk in the topology pane.',
    ],
  },
  host: {
    timing: [
      { minutes: 5, what: 'No isolation: the container sees the host’s interfaces.' },
      {
        minutes: 8,
        what: 'Two web servers, one port: diagnose the conflict from `docker ps` and `docker logs`.',
      },
      { minutes: 7, what: '`-p` is ignored; when host networking fits; Docker Desktop differences.' },
    ],
    pitfalls: [
      'The second nginx exits and Docker says nothing: the error is in `docker logs`, from nginx itself.',
      'Learners add `-p` to host-networked containers and expect a mapping; Docker only warns that it is discarded.',
      'On Docker Desktop the “host” is the VM, not the laptop.',
    ],
    demo: [
      'Start two nginx containers on the host network and read the `bind() … failed (98: Address in use)` line.',
      'Compare `ip addr` inside a host-networked container with the host’s.',
    ],
  },
  none: {
    timing: [
      { minutes: 5, what: 'Loopback only: what a container on none has and lacks.' },
      { minutes: 5, what: 'Cutting a running container off every network.' },
      { minutes: 5, what: 'When none is the right choice; the challenges.' },
    ],
    pitfalls: [
      'A container on none cannot also join another network: disconnect it from none first.',
      'Learners expect DNS to work without a network: it does not, there is no resolver to reach.',
    ],
    demo: [
      'Run `ip addr` in a container on none: only `lo`.',
      'Disconnect a running container from its networks and show that it keeps running.',
    ],
  },
  overlay: {
    timing: [
      { minutes: 10, what: 'Swarm init and join; overlay networks and their scope.' },
      { minutes: 10, what: 'VXLAN on the wire: tcpdump on eth0 shows UDP 4789 frames.' },
      { minutes: 15, what: 'Services, VIP and DNS round robin, the routing mesh.' },
      { minutes: 10, what: 'Attachable overlays, encryption, docker_gwbridge; the challenges.' },
    ],
    pitfalls: [
      'Plain containers cannot join an overlay unless it was created with `--attachable`.',
      'The join token and manager address come from `docker swarm init`: copy them to the right host tab.',
      'An overlay network shows up on a worker only when a task or container there uses it.',
      'The routing mesh answers on every node, even those running no replica: that surprises people.',
    ],
    demo: [
      'Ping across hosts on an overlay while tcpdump on eth0 shows the VXLAN encapsulation.',
      'Scale a service and resolve `tasks.<service>` against the service name (VIP).',
    ],
  },
  macvlan: {
    timing: [
      { minutes: 8, what: 'A network on the parent interface, with an ip-range clear of the LAN’s DHCP.' },
      { minutes: 8, what: 'The host cannot reach its own macvlan containers, and the shim that fixes it.' },
      { minutes: 7, what: '802.1q trunks: the sub-interface Docker creates and removes.' },
      { minutes: 7, what: 'Promiscuous mode, clouds and Wi-Fi; ipvlan L2 and L3.' },
    ],
    pitfalls: [
      'The host cannot ping its own macvlan containers: kernel design, not a Docker bug; add a macvlan shim on the host.',
      'An ip-range inside the LAN’s DHCP pool hands out duplicate addresses: keep them apart.',
      'Clouds and most Wi-Fi drop frames from unknown MAC addresses: use ipvlan there.',
    ],
    demo: [
      'Ping a macvlan container from another LAN host (works) and from its own host (fails), then add the shim.',
      'Create a network with `-o parent=eth0.50` and show the VLAN sub-interface appear in `ip link`.',
    ],
  },
  capstone: {
    timing: [
      {
        minutes: 5,
        what: 'Read the Compose file: frontend, backend, and the database on an internal network.',
      },
      {
        minutes: 10,
        what: 'Bring it up and check every path from the right place (host, frontend, backend, database).',
      },
      { minutes: 20, what: 'The broken shop: learners diagnose and fix it in pairs, following the routine.' },
      { minutes: 5, what: 'Debrief: which commands found the fault fastest.' },
    ],
    pitfalls: [
      'Services on different compose networks cannot resolve each other: check the `networks:` of each service.',
      'An internal network has no way out: the database is meant to be unreachable from outside.',
      'Learners restart everything instead of reading `docker compose ps` and logs first.',
    ],
    demo: [
      'Walk one request from the published port through the frontend to the backend in the topology pane.',
      'Show a systematic check: `docker network inspect`, DNS from inside a container, then the port.',
    ],
  },
  playground: {
    timing: [
      { minutes: 5, what: 'The free lab: three hosts, the cheat sheet and the glossary.' },
      {
        minutes: 20,
        what: 'Things to build: each pair rebuilds a setup from an earlier lesson from memory.',
      },
      { minutes: 5, what: 'Pairs show their topology pane and explain one term from the glossary.' },
    ],
    pitfalls: [
      'Without a goal, learners stall: give each pair a topology to build and check on the topology pane.',
      'The lab saves its state in the browser: use Reset to start clean.',
    ],
    demo: [
      'Build a small two-network app from scratch with the cheat sheet open.',
      'Use Undo to step back after a mistake, instead of starting over.',
    ],
  },
};

/** notesProblems lists what is wrong with the notes for `slugs`: missing or empty entries. */
export function notesProblems(
  slugs: readonly string[],
  notes: Readonly<Record<string, FacilitatorNotes>> = FACILITATOR_NOTES,
): string[] {
  const problems: string[] = [];
  for (const slug of slugs) {
    const entry = notes[slug];
    if (!entry) {
      problems.push(`${slug}: no facilitator notes (add them to src/content/facilitator.ts)`);
      continue;
    }
    if (entry.timing.length === 0) problems.push(`${slug}: timing is empty`);
    if (entry.timing.some((step) => !(step.minutes > 0) || !step.what.trim()))
      problems.push(`${slug}: every timing step needs minutes > 0 and a description`);
    if (entry.pitfalls.length === 0 || entry.pitfalls.some((p) => !p.trim()))
      problems.push(`${slug}: pitfalls are empty`);
    if (entry.demo.length === 0 || entry.demo.some((d) => !d.trim())) problems.push(`${slug}: demo is empty`);
  }
  return problems;
}

/** facilitatorNotes returns the notes of a lesson, or throws an error naming what is missing. */
export function facilitatorNotes(slug: string): FacilitatorNotes {
  const problems = notesProblems([slug]);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return FACILITATOR_NOTES[slug] as FacilitatorNotes;
}

/** totalMinutes adds up a timing plan. */
export function totalMinutes(notes: FacilitatorNotes): number {
  return notes.timing.reduce((sum, step) => sum + step.minutes, 0);
}
