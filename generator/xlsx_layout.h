// Shared by the workbook writers (render_xlsx, render_summary_xlsx, render_self_xlsx,
// collect_workbook): the fixed creation time that makes their output
// byte-identical run to run, and the text measures row heights need.
#pragma once

#include <algorithm>
#include <ctime>
#include <string>

namespace jixiao {

// 2024-01-01 00:00 UTC: the creation time every workbook jixiao writes carries.
constexpr std::time_t kWorkbookCreated = 1704067200;

// Display width in Excel column units: a CJK character is about two digits.
inline double TextWidth(const std::string& s) {
  double w = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += len >= 3 ? 1.9 : 1.0;
    i += static_cast<size_t>(len);
  }
  return w;
}

// Lines `text` wraps to in a column `width` units wide.
inline int WrappedLines(const std::string& text, double width) {
  double usable = std::max(width - 1.2, 1.0);
  int lines = 0;
  size_t start = 0;
  for (;;) {
    size_t nl = text.find('\n', start);
    std::string para = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    lines += std::max(1, static_cast<int>((TextWidth(para) + usable - 0.01) / usable));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return lines;
}

}  // namespace jixiao
