// Shared by the workbook writers (render_xlsx, render_summary_xlsx, render_self_xlsx,
// collect_workbook): the fixed creation time that makes their output
// byte-identical run to run, and the text measures row heights need.
#pragma once

#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <string>

#include "base/atomic_file.h"
#include "base/messages.h"

namespace jixiao {

// 2024-01-01 00:00 UTC: the creation time every workbook jixiao writes carries.
constexpr std::time_t kWorkbookCreated = 1704067200;

// Where libxlsxwriter puts the scratch files it writes each part of a
// workbook to before zipping them (a scoring workbook makes 17, each made
// and deleted within the call): $TMPDIR when set, else /dev/shm, which is
// memory, so a batch does not wait on the disk for files nobody reads;
// else libxlsxwriter's own default (nullptr). For workbooks whose size is
// bounded by one project; the batch summary keeps the default.
inline std::string ScratchDirFor(const char* tmpdir_env) {
  auto usable = [](const char* d) {
    struct stat st;
    return d && *d && ::stat(d, &st) == 0 && S_ISDIR(st.st_mode) && ::access(d, W_OK | X_OK) == 0;
  };
  if (usable(tmpdir_env)) return tmpdir_env;
  if (usable("/dev/shm")) return "/dev/shm";
  return "";
}
inline const char* ScratchDir() {
  static const std::string dir = ScratchDirFor(std::getenv("TMPDIR"));
  return dir.empty() ? nullptr : dir.c_str();
}

// A folder of the calling thread's own inside ScratchDir(), removed when
// the thread ends: libxlsxwriter creates and deletes 17 scratch files per
// workbook, and two workers doing that in one folder queue on that folder's
// lock in the kernel. Falls back to ScratchDir() itself.
class ThreadScratch {
 public:
  ThreadScratch() {
    const char* base = ScratchDir();
    if (!base) return;
    std::string tmpl = std::string(base) + "/jixiao-XXXXXX";
    if (::mkdtemp(tmpl.data())) path_ = tmpl;
  }
  ~ThreadScratch() {
    if (!path_.empty()) ::rmdir(path_.c_str());
  }
  ThreadScratch(const ThreadScratch&) = delete;
  ThreadScratch& operator=(const ThreadScratch&) = delete;
  const char* Path() const { return path_.empty() ? ScratchDir() : path_.c_str(); }

 private:
  std::string path_;
};
inline const char* ThreadScratchDir() {
  thread_local ThreadScratch scratch;
  return scratch.Path();
}

// A new workbook at `temp_path` with its scratch files in ThreadScratchDir().
inline lxw_workbook* NewProjectWorkbook(const std::string& temp_path) {
  lxw_workbook_options options = {};
  options.tmpdir = const_cast<char*>(ThreadScratchDir());
  return workbook_new_opt(temp_path.c_str(), &options);
}

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
