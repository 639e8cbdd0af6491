#include "serve/http_guard.h"

#include <algorithm>
#include <cctype>

namespace jixiao {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool IsLoopback(const std::string& address) {
  return address.rfind("127.", 0) == 0 || address == "::1" || address == "localhost";
}

}  // namespace

std::vector<std::string> AllowedHosts(const std::string& address, int port, const std::vector<std::string>& extra) {
  const std::string p = ":" + std::to_string(port);
  std::vector<std::string> hosts;
  hosts.push_back(Lower(address.find(':') != std::string::npos ? "[" + address + "]" + p : address + p));
  if (IsLoopback(address)) hosts.push_back("localhost" + p);
  if (address == "0.0.0.0" || address == "::")  // every interface: loopback among them
    for (const char* h : {"127.0.0.1", "localhost", "[::1]"}) hosts.push_back(h + p);
  for (const auto& e : extra) hosts.push_back(Lower(e));
  return hosts;
}

bool HostAllowed(const std::string& host, const std::vector<std::string>& allowed) {
  const std::string h = Lower(host);
  if (h.empty()) return false;
  for (const auto& a : allowed) {
    if (h == a) return true;
    // An extra name without a port is reached on the default port; browsers leave :80 and :443 out.
    if (a.find(':') == std::string::npos && (h == a + ":80" || h == a + ":443")) return true;
  }
  return false;
}

bool OriginAllowed(const std::string& origin, const std::vector<std::string>& allowed) {
  const std::string o = Lower(origin);
  for (const char* scheme : {"http://", "https://"}) {
    const std::string s = scheme;
    if (o.rfind(s, 0) == 0 && HostAllowed(o.substr(s.size()), allowed)) return true;
  }
  return false;
}

std::string CookieValue(const std::string& header, const std::string& name) {
  std::size_t at = 0;
  while (at < header.size()) {
    std::size_t end = header.find(';', at);
    if (end == std::string::npos) end = header.size();
    std::size_t b = header.find_first_not_of(' ', at);
    if (b < end) {
      std::size_t eq = header.find('=', b);
      if (eq < end && header.compare(b, eq - b, name) == 0) return header.substr(eq + 1, end - eq - 1);
    }
    at = end + 1;
  }
  return "";
}

bool SameToken(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace jixiao
