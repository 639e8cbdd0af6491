#include "serve/upload.h"

#include <cctype>
#include <cstring>

namespace jixiao {
namespace {

constexpr std::size_t kMaxNameBytes = 120;

// The length of the UTF-8 sequence that starts with `lead`; 0 when it is no lead byte.
std::size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 0;
}

bool Continuations(const std::string& s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return false;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[at + k]) & 0xC0) != 0x80) return false;
  return true;
}

}  // namespace

std::string SafeUploadName(const std::string& client_name) {
  std::size_t slash = client_name.find_last_of("/\\");
  const std::string base = slash == std::string::npos ? client_name : client_name.substr(slash + 1);
  std::string out;
  for (std::size_t i = 0; i < base.size();) {
    const unsigned char c = static_cast<unsigned char>(base[i]);
    std::size_t n = SequenceLength(c);
    if (n == 0 || !Continuations(base, i, n)) {  // not UTF-8: dropped
      ++i;
      continue;
    }
    bool keep = false;
    if (n == 1) keep = c != 0 && (std::isalnum(c) || std::strchr(" ._-()[]", static_cast<char>(c)) != nullptr);
    else if (n == 2) keep = c >= 0xC3;  // letters beyond Latin-1's controls and symbols
    else  // not U+2000–U+207F: spaces, bidirectional controls and invisible operators
      keep = !(c == 0xE2 && (static_cast<unsigned char>(base[i + 1]) & 0xFE) == 0x80);
    if (keep) {
      if (out.size() + n > kMaxNameBytes) break;
      out.append(base, i, n);
    }
    i += n;
  }
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(0, 1);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? "upload" : out;
}

}  // namespace jixiao
