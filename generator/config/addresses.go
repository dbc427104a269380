package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// The rules for the addresses site.yaml gives. A browser reads an address
// more loosely than Go's url package does: it takes a backslash for a
// slash, and a path that starts with "//" for another site's address, so
// base_url https://clinic.example//evil.example/ made every page load the
// theme from evil.example. These functions accept only what both read the
// same way, and say what to write instead.

// hostPattern matches a host name in ASCII (an IPv4 address is one too).
var hostPattern = regexp.MustCompile(`^(?i:[a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.(?i:[a-z0-9]([a-z0-9-]*[a-z0-9])?))*$`)

// folderPattern matches one folder of a base path.
var folderPattern = regexp.MustCompile(`^[A-Za-z0-9._~-]+$`)

// parseBaseURL reads a base URL: an absolute http(s) address without user
// name, query or fragment, whose path is clean folders. The path always
// ends in a slash (https://clinic.example/library is /library/), and the
// scheme and host are in lower case. Errors start with the address quoted.
func parseBaseURL(raw string) (*url.URL, error) {
	u, err := parseAbsolute(raw)
	if err != nil {
		return nil, err
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(raw, "#") {
		return nil, fmt.Errorf("%q must not have a query (?) or fragment (#): write only the address, such as https://clinic.example/library/", raw)
	}
	if err := checkBasePath(raw, u.Path); err != nil {
		return nil, fmt.Errorf("%q: the path %w; write folders of letters, digits, \"-\", \"_\", \".\" and \"~\" between single slashes, such as /library/", raw, err)
	}
	base := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}
	if !strings.HasSuffix(base.Path, "/") {
		base.Path += "/"
	}
	return base, nil
}

// parseAbsolute reads an absolute http(s) address with a valid host and no
// user name, with the scheme and host in lower case.
func parseAbsolute(raw string) (*url.URL, error) {
	if i := strings.IndexFunc(raw, func(r rune) bool { return r <= ' ' || r == 0x7f || unicode.IsSpace(r) }); i >= 0 {
		return nil, fmt.Errorf("%q holds a space or control character (%U); remove it, or write a space in a folder name as a hyphen", raw, []rune(raw[i:])[0])
	}
	if strings.Contains(raw, `\`) {
		return nil, fmt.Errorf("%q holds a backslash (\\), which browsers read as a slash; write / instead", raw)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Opaque != "" || u.Host == "" || !strings.HasPrefix(raw[len(u.Scheme):], "://") {
		return nil, fmt.Errorf("%q must be an absolute http(s) address, such as https://clinic.example/", raw)
	}
	if u.User != nil {
		return nil, fmt.Errorf("%q holds a user name or password (the part before \"@\"); write only the address, such as https://clinic.example/", raw)
	}
	host, err := checkHost(u)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", raw, err)
	}
	u.Host = host
	return u, nil
}

// checkHost returns the host and port of u in lower case, or why they are
// not a plain host name, IP address and port.
func checkHost(u *url.URL) (string, error) {
	name := strings.ToLower(u.Hostname())
	switch {
	case strings.Contains(name, ":"):
		if net.ParseIP(name) == nil {
			return "", fmt.Errorf("the host [%s] is not an IPv6 address", name)
		}
		name = "[" + name + "]"
	case !hostPattern.MatchString(name):
		for _, r := range name {
			if r > unicode.MaxASCII {
				return "", fmt.Errorf("the host %s has letters outside ASCII: write it in its xn-- form, as the domain registrar shows it", name)
			}
		}
		return "", fmt.Errorf("the host %s must be a host name of letters, digits, hyphens and dots, such as clinic.example", name)
	}
	port := u.Port()
	if port == "" {
		return name, nil
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return "", fmt.Errorf("the port %s must be a number from 1 to 65535", port)
	}
	return name + ":" + port, nil
}

// checkBasePath says what is wrong with the path of the base URL raw:
// nil for "", "/" and folders between single slashes.
func checkBasePath(raw, path string) error {
	if strings.Contains(raw, "%") {
		return errors.New("holds %-encoded characters (such as %2e for a dot or %2f for a slash), which hide what the path is")
	}
	if path == "" || path == "/" {
		return nil
	}
	folders := strings.Split(strings.TrimSuffix(strings.TrimPrefix(path, "/"), "/"), "/")
	for _, f := range folders {
		switch {
		case f == "":
			return errors.New("has an empty folder (//), which browsers read as the start of another site's address")
		case f == "." || f == "..":
			return fmt.Errorf("has the folder %q, which browsers remove or read as the folder above", f)
		case !folderPattern.MatchString(f):
			return fmt.Errorf("has the folder %q, with characters other than letters, digits, \"-\", \"_\", \".\" and \"~\"", f)
		}
	}
	return nil
}

// parseOrigin reads an origin of consent.allowed_origins: an http(s)
// scheme and host, with an optional port and nothing else (a single
// trailing slash is allowed). It returns the origin in lower case.
func parseOrigin(raw string) (string, error) {
	u, err := parseAbsolute(raw)
	if err != nil {
		return "", err
	}
	if u.Path != "" && u.Path != "/" || u.RawQuery != "" || u.ForceQuery || strings.Contains(raw, "#") {
		return "", fmt.Errorf("%q must be an origin only: the scheme and host, such as https://cdn.clinic.example, without a path, query or fragment", raw)
	}
	return u.Scheme + "://" + u.Host, nil
}

// checkScriptSrc says what is wrong with the src of a consent script: an
// absolute http(s) address, or a site address such as js/stats.js or
// /js/stats.js, with no "..", backslash or space.
func checkScriptSrc(raw string) error {
	lower := strings.ToLower(raw)
	if strings.HasPrefix(lower, "http:") || strings.HasPrefix(lower, "https:") {
		_, err := parseAbsolute(raw)
		return err
	}
	switch {
	case raw == "":
		return errors.New("is empty: write the script's address, such as https://analytics.example/script.js or js/stats.js")
	case strings.HasPrefix(raw, "//"):
		return fmt.Errorf("%q leaves out the scheme; write the full address, such as https:%s", raw, raw)
	case strings.ContainsFunc(raw, func(r rune) bool { return r <= ' ' || r == 0x7f || r == '\\' || unicode.IsSpace(r) }):
		return fmt.Errorf("%q holds a space, backslash or control character, which browsers read in their own way; remove it", raw)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return fmt.Errorf("%q must be an http(s) address or a site address such as js/stats.js", raw)
	}
	for _, f := range strings.Split(u.Path, "/") {
		if f == ".." {
			return fmt.Errorf("%q has the folder \"..\"; write the address from the site's root, such as js/stats.js", raw)
		}
	}
	return nil
}
