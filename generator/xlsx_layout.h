// Shared by the workbook writers (render_xlsx, render_summary_xlsx, render_self_xlsx,
// collect_workbook): the fixed creation time that makes their output
// byte-identical run to run, and the text measures row heights need.
#pragma once

#include <xlsxwriter.h>

#include <algorithm>
#include <ctime>
#include <string>

#include "atomic_file.h"
#include "messages.h"

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

// The cell format every table starts from: 宋体 at `size`, vertically
// centred, wrapped, with thin borders when asked.
inline lxw_format* BaseCellFormat(lxw_workbook* wb, double size, bool border) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, "宋体");
  format_set_font_size(f, size);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(f);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  return f;
}

// Closes the workbook written to `pending`'s temporary name and renames it
// into place; an error names `path` (InputError, cannot-write).
inline void CloseWorkbook(lxw_workbook* wb, PendingFile& pending, const std::string& path) {
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) Fail(SourceLoc{path}, "", msg::kCannotWrite, lxw_strerror(e));
  pending.Commit();
}

}  // namespace jixiao
