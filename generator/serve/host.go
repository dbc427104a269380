package serve

import (
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// AllowHost lets requests name the server by name (such as the --bind
// address, when it is a host name), besides localhost and its addresses.
// Call it before serving.
func (s *Server) AllowHost(name string) {
	s.hostNames = append(s.hostNames, strings.ToLower(name))
}

// refusal says why r is refused, or "" when it may be answered.
//
// A web page the editor visits can rebind its own name to this machine
// (DNS rebinding) and then read the preview, drafts and build errors
// included: the browser sends that name as Host. So a request must name
// the server as a browser that really opened it would: localhost, a
// loopback address, the address the connection arrived on (which, when
// the preview listens on every interface, is the one another device
// used) or a name given with AllowHost, always with the server's port.
// An Origin, when a browser sends one, must be the preview itself, so
// another site's page cannot open the event stream either.
func (s *Server) refusal(r *http.Request) string {
	local, _ := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	tcp, ok := local.(*net.TCPAddr)
	if !ok {
		return "This preview answers only over TCP."
	}
	here := tcp.AddrPort()
	if !s.namesServer(r.Host, here) {
		open := netip.AddrPortFrom(here.Addr().Unmap().WithZone(""), here.Port())
		return "This preview answers only at the address handout serve announced, such as http://" + open.String() + "/. " +
			"To open it under a name of this computer, start it with --bind NAME."
	}
	if origin := r.Header.Get("Origin"); origin != "" && !strings.EqualFold(origin, "http://"+r.Host) {
		return "This preview does not answer requests from other sites' pages."
	}
	return ""
}

// namesServer reports whether a Host header names the server reached at
// here.
func (s *Server) namesServer(hostHeader string, here netip.AddrPort) bool {
	host, port, err := net.SplitHostPort(hostHeader)
	if err != nil {
		host, port = strings.TrimSuffix(strings.TrimPrefix(hostHeader, "["), "]"), "80"
	}
	if host == "" || port != strconv.Itoa(int(here.Port())) {
		return false
	}
	host = strings.ToLower(host)
	if host == "localhost" || slices.Contains(s.hostNames, host) {
		return true
	}
	// A zone is written %25 in a URL's host.
	ip, err := netip.ParseAddr(strings.Replace(host, "%25", "%", 1))
	if err != nil {
		return false
	}
	ip = ip.Unmap().WithZone("")
	return ip.IsLoopback() || ip == here.Addr().Unmap().WithZone("")
}
