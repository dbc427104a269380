package serve

import (
	"net"
	"net/netip"
	"strconv"
	"strings"
)

// exposure says where a preview listening on an address can be opened,
// and warns when that is beyond this computer.
type exposure struct {
	// here is the host:port a browser on this computer opens.
	here string
	// others are the host:port other devices open: this computer's
	// network addresses, or a placeholder when none is known.
	others []string
	// warning is "" when only this computer can reach the preview.
	warning string
}

// exposureOf describes a preview bound with --bind bind and listening on
// addr. 0.0.0.0 and [::] are never announced: no browser can open them.
func exposureOf(bind string, addr net.Addr) exposure {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return exposure{here: addr.String()}
	}
	ip := tcp.AddrPort().Addr().Unmap()
	port := strconv.Itoa(tcp.Port)
	named := isHostName(bind)
	switch {
	case ip.IsLoopback() && !named:
		return exposure{here: tcp.String()}
	case ip.IsLoopback():
		return exposure{here: net.JoinHostPort(bind, port)}
	case ip.IsUnspecified():
		others := networkAddresses(ip.Is4(), port)
		if len(others) == 0 {
			others = []string{"<this computer's address>:" + port}
		}
		return exposure{
			here:   net.JoinHostPort("127.0.0.1", port),
			others: others,
			warning: "Warning: the preview is open to every network this computer is on: " +
				"anyone there can read the site, drafts (with --drafts) and build errors included. " +
				"Use it only on a network you trust; the default, --bind 127.0.0.1, keeps the preview on this computer.",
		}
	}
	here := tcp.String()
	if named {
		here = net.JoinHostPort(bind, port)
	}
	return exposure{
		here: here,
		warning: "Warning: the preview is open to the network of " + ip.String() + ": " +
			"anyone there can read the site, drafts (with --drafts) and build errors included. " +
			"Use it only on a network you trust; the default, --bind 127.0.0.1, keeps the preview on this computer.",
	}
}

// networkAddresses returns host:port for each address of this computer
// that another device can use: not loopback, not link-local (which needs
// an interface name no browser accepts), IPv4 only when onlyIPv4.
func networkAddresses(onlyIPv4 bool, port string) []string {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var out []string
	for _, a := range addrs {
		prefix, err := netip.ParsePrefix(a.String())
		if err != nil {
			continue
		}
		ip := prefix.Addr().Unmap()
		if ip.IsLoopback() || ip.IsLinkLocalUnicast() || (onlyIPv4 && !ip.Is4()) {
			continue
		}
		out = append(out, net.JoinHostPort(ip.String(), port))
	}
	return out
}

// isHostName reports whether a --bind value is a name other than
// localhost, which requests may then use.
func isHostName(bind string) bool {
	return bind != "" && !strings.EqualFold(bind, "localhost") && net.ParseIP(bind) == nil
}
