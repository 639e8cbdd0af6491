// The rules every request to `jixiao serve` passes before it is served,
// as pure functions of its headers (the server applies them; the tests
// call them directly too):
//   - Host must name the server as bound (or a name given with
//     --allow-host, for a reverse proxy): a page elsewhere that rebinds its
//     own DNS name to 127.0.0.1 still sends its own name, and is refused;
//   - Origin, when a browser sends one, must be this server's page;
//   - a POST carries the session's token (X-Jixiao-Token), which only the
//     server's own page can read, and the session's cookie.
#pragma once

#include <string>
#include <vector>

namespace jixiao {

// The Host values a server bound to `address`:`port` answers to: the
// address and port as bound ("127.0.0.1:8080"; "[::1]:8080"), "localhost:port"
// for a loopback address, the loopback names for a wildcard address
// ("0.0.0.0", "::"), and each of `extra` as given ("jixiao.example.org",
// "desk.example.org:443").
std::vector<std::string> AllowedHosts(const std::string& address, int port, const std::vector<std::string>& extra);

// Whether a Host header names one of `allowed` (case-insensitive; a default
// port ":80" may be left out of an extra name).
bool HostAllowed(const std::string& host, const std::vector<std::string>& allowed);

// Whether an Origin header is "http://" or "https://" followed by an allowed
// host. An absent Origin is the caller's to judge.
bool OriginAllowed(const std::string& origin, const std::vector<std::string>& allowed);

// The value of cookie `name` in a Cookie header, or "".
std::string CookieValue(const std::string& header, const std::string& name);

// Constant-time comparison of a token a client sent with the one kept.
bool SameToken(const std::string& a, const std::string& b);

}  // namespace jixiao
