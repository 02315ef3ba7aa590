// Mirrors moby/moby libnetwork/netlabel/labels.go: the well-known option keys passed between the
// daemon, libnetwork and the drivers.

/** Prefix is the prefix of every libnetwork label. */
export const Prefix = 'com.docker.network';
/** DriverPrefix is the prefix of driver labels. */
export const DriverPrefix = `${Prefix}.driver`;
/** GenericData is the key of the driver options map inside a network's generic options. */
export const GenericData = `${Prefix}.generic`;
/** PortMap is the key of a sandbox's or endpoint's port bindings. */
export const PortMap = `${Prefix}.portmap`;
/** MacAddress is the key of a requested endpoint MAC address. */
export const MacAddress = `${Prefix}.endpoint.macaddress`;
/** ExposedPorts is the key of a container's exposed ports. */
export const ExposedPorts = `${Prefix}.endpoint.exposedports`;
/** Ifname is the endpoint option naming the container-side interface (v28). */
export const Ifname = `${Prefix}.endpoint.ifname`;
/** EnableIPv4 is the generic option enabling IPv4 on a network. */
export const EnableIPv4 = `${Prefix}.enable_ipv4`;
/** EnableIPv6 is the generic option enabling IPv6 on a network. */
export const EnableIPv6 = `${Prefix}.enable_ipv6`;
/** DriverMTU is the driver option setting the MTU. */
export const DriverMTU = `${DriverPrefix}.mtu`;
/** Gateway is the IPAM meta key of a driver-chosen gateway. */
export const Gateway = `${Prefix}.gateway`;
/** Internal is the generic option marking a network internal. */
export const Internal = `${Prefix}.internal`;
/** ContainerIfacePrefix is the driver option choosing the container interface prefix ("eth"). */
export const ContainerIfacePrefix = `${Prefix}.container_iface_prefix`;
/** HostIPv4 is the bridge option choosing the SNAT source address. */
export const HostIPv4 = `${Prefix}.host_ipv4`;
/** NoProxy6To4 tells the bridge driver not to proxy host IPv6 to a container IPv4 address. */
export const NoProxy6To4 = `${DriverPrefix}.private.no_proxy_6to4`;
/** OverlayVxlanIDList is the overlay driver option listing VNIs (for the next driver). */
export const OverlayVxlanIDList = `${DriverPrefix}.overlay.vxlanid_list`;
