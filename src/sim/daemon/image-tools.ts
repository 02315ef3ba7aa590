// The programs each catalogue image ships (what `ls /bin /usr/bin` would show that matters to the
// lab): busybox applets on alpine/busybox, GNU userland on debian/ubuntu, everything on netshoot.
// Mirrors nothing in moby: it describes the images' root file systems.

/** BUSYBOX_APPLETS are the busybox applets alpine and busybox images have (no curl, no dig, no ss). */
export const BUSYBOX_APPLETS: readonly string[] = [
  'sh', 'ash', 'cat', 'echo', 'ls', 'ps', 'top', 'sleep', 'env', 'grep', 'sed', 'awk', 'head', 'tail', 'printf',
  'true', 'false', 'id', 'whoami', 'uname', 'date', 'mkdir', 'rm', 'cp', 'mv', 'touch', 'vi', 'which', 'kill',
  'uptime', 'free', 'df', 'du', 'tee', 'wc', 'sort', 'uniq', 'cut', 'tr', 'xargs', 'find', 'chmod', 'chown', 'ln',
  'pwd', 'test', '[', 'expr', 'seq', 'yes', 'basename', 'dirname', 'clear', 'more', 'less', 'timeout', 'watch',
  'nohup', 'su', 'stty', 'tty', 'dd', 'sync', 'mount', 'umount', 'dmesg', 'hexdump', 'od', 'base64', 'md5sum',
  'sha256sum', 'gzip', 'gunzip', 'zcat', 'tar', 'diff', 'nproc', 'hostname', 'ping', 'ping6', 'ip', 'ifconfig',
  'route', 'netstat', 'arp', 'arping', 'wget', 'nslookup', 'nc', 'traceroute', 'traceroute6', 'telnet', 'httpd',
  'udhcpc', 'ipcalc', 'brctl',
];

/** GNU_CORE are the commands of a slim debian/ubuntu image (no ping, no ip, no curl). */
export const GNU_CORE: readonly string[] = [
  'bash', 'sh', 'cat', 'echo', 'ls', 'env', 'hostname', 'grep', 'sed', 'awk', 'head', 'tail', 'sleep', 'printf',
  'true', 'false', 'id', 'whoami', 'uname', 'date', 'mkdir', 'rm', 'cp', 'mv', 'touch', 'pwd', 'test', '[', 'kill',
  'sort', 'uniq', 'cut', 'tr', 'wc', 'tee', 'xargs', 'find', 'chmod', 'chown', 'ln', 'basename', 'dirname',
  'timeout', 'seq', 'yes', 'df', 'du', 'mount', 'umount', 'dd', 'sync', 'tar', 'gzip', 'gunzip', 'zcat', 'more',
  'su', 'stty', 'tty', 'nohup', 'nice', 'expr', 'md5sum', 'sha256sum', 'base64', 'od', 'diff', 'nproc', 'dmesg',
];

/** NETSHOOT_TOOLS are nicolaka/netshoot's network tools on top of its shells. */
export const NETSHOOT_TOOLS: readonly string[] = [
  ...BUSYBOX_APPLETS, 'bash', 'zsh', 'curl', 'dig', 'host', 'drill', 'tcpdump', 'tshark', 'termshark', 'ss',
  'iptables', 'ip6tables', 'iptables-save', 'nft', 'ipvsadm', 'bridge', 'ethtool', 'mtr', 'nmap', 'socat', 'iperf',
  'iperf3', 'netcat', 'ngrep', 'conntrack', 'tracepath', 'fping', 'httpie', 'http', 'jq', 'strace', 'ipset', 'ps',
  'speedtest-cli', 'swaks', 'grpcurl', 'websocat', 'vim', 'iftop', 'tcptraceroute', 'arping', 'ethtool',
];
