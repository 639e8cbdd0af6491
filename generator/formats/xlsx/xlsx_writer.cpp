#include "formats/xlsx/xlsx_writer.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <cstdlib>

#include "base/messages.h"

namespace jixiao {

std::string ScratchDirFor(const char* tmpdir_env) {
  auto usable = [](const char* d) {
    struct stat st;
    return d && *d && ::stat(d, &st) == 0 && S_ISDIR(st.st_mode) && ::access(d, W_OK | X_OK) == 0;
  };
  if (usable(tmpdir_env)) return tmpdir_env;
  if (usable("/dev/shm")) return "/dev/shm";
  return "";
}

const char* ScratchDir() {
  static const std::string dir = ScratchDirFor(std::getenv("TMPDIR"));
  return dir.empty() ? nullptr : dir.c_str();
}

namespace {

// Removes the jixiao-<pid>-XXXXXX folders in `base` whose process is gone
// (killed before it could remove them), with what they hold.
void RemoveStaleScratch(const std::string& base) {
  std::error_code ec;
  for (std::filesystem::directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.compare(0, 7, "jixiao-") != 0) continue;
    size_t dash = name.find('-', 7);
    if (dash == std::string::npos || dash == 7 || name.size() - dash != 7) continue;
    long pid = 0;
    bool digits = true;
    for (size_t i = 7; i < dash && digits; ++i) {
      digits = name[i] >= '0' && name[i] <= '9';
      pid = pid * 10 + (name[i] - '0');
      digits = digits && pid < (1L << 30);
    }
    if (!digits || pid == ::getpid() || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM) continue;
    std::error_code rm;
    std::filesystem::remove_all(it->path(), rm);
  }
}

// The calling thread's folder inside ScratchDir(), removed with the thread.
// A process forked from one that had made its folder (a batch worker) makes
// its own: the folder belongs to the process that made it.
class ThreadScratch {
 public:
  ThreadScratch() { Make(); }
  ~ThreadScratch() { Release(); }
  void Release() {
    if (!path_.empty() && owner_ == ::getpid()) ::rmdir(path_.c_str());
    path_.clear();
  }
  ThreadScratch(const ThreadScratch&) = delete;
  ThreadScratch& operator=(const ThreadScratch&) = delete;
  const char* Path() {
    if (owner_ != ::getpid()) Make();
    return path_.empty() ? ScratchDir() : path_.c_str();
  }

 private:
  void Make() {
    owner_ = ::getpid();
    path_.clear();
    const char* base = ScratchDir();
    if (!base) return;
    RemoveStaleScratch(base);
    std::string tmpl = std::string(base) + "/jixiao-" + std::to_string(owner_) + "-XXXXXX";
    if (::mkdtemp(tmpl.data())) path_ = tmpl;
  }

  std::string path_;
  pid_t owner_ = 0;
};

ThreadScratch& ThisThreadScratch() {
  thread_local ThreadScratch scratch;
  return scratch;
}

}  // namespace

const char* ThreadScratchDir() { return ThisThreadScratch().Path(); }

void ReleaseThreadScratchDir() { ThisThreadScratch().Release(); }

lxw_workbook* NewProjectWorkbook(const std::string& temp_path) {
  lxw_workbook_options options = {};
  options.tmpdir = const_cast<char*>(ThreadScratchDir());
  return workbook_new_opt(temp_path.c_str(), &options);
}

lxw_workbook* NewStreamingWorkbook(const std::string& temp_path) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  return workbook_new_opt(temp_path.c_str(), &options);
}

void SetWorkbookProperties(lxw_workbook* wb, lxw_doc_properties props) {
  props.created = kWorkbookCreated;
  workbook_set_properties(wb, &props);
}

void CloseWorkbook(lxw_workbook* wb, PendingFile& pending, const std::string& path) {
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) Fail(SourceLoc{path}, "", msg::kCannotWrite, lxw_strerror(e));
  pending.Commit();
}

void WriteProjectWorkbook(const std::string& path, const std::function<void(lxw_workbook*)>& fill) {
  PendingFile pending(path);
  lxw_workbook* wb = NewProjectWorkbook(pending.temp_path());
  if (!wb) Fail(SourceLoc{path}, "", msg::kCannotWrite, "workbook_new");
  try {
    fill(wb);
  } catch (...) {
    workbook_close(wb);
    throw;
  }
  CloseWorkbook(wb, pending, path);
}

double TextWidth(const std::string& s) {
  double w = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += len >= 3 ? 1.9 : 1.0;
    i += static_cast<size_t>(len);
  }
  return w;
}

int WrappedLines(const std::string& text, double width) {
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

std::string FixedNumFormat(int places) {
  return places > 0 ? "0." + std::string(static_cast<size_t>(places), '0') : "0";
}

lxw_format* BaseCellFormat(lxw_workbook* wb, double size, bool border) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, "宋体");
  format_set_font_size(f, size);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(f);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  return f;
}

// ---- Sheet ----

namespace {
lxw_row_t R(int r) { return static_cast<lxw_row_t>(r); }
lxw_col_t C(int c) { return static_cast<lxw_col_t>(c); }
}  // namespace

Sheet::Sheet(lxw_workbook* wb, const char* name, const std::string& path)
    : ws_(workbook_add_worksheet(wb, name)), name_(name), path_(path) {
  if (!ws_) Fail(SourceLoc{path_}, "", msg::kCannotWrite, std::string("worksheet ") + name);
}

void Sheet::Text(int r, int c, const std::string& s, lxw_format* f) {
  Check(worksheet_write_string(ws_, R(r), C(c), s.c_str(), f));
}
void Sheet::Number(int r, int c, double v, lxw_format* f) {
  Check(worksheet_write_number(ws_, R(r), C(c), v, f));
}
void Sheet::Blank(int r, int c, lxw_format* f) { Check(worksheet_write_blank(ws_, R(r), C(c), f)); }
void Sheet::Formula(int r, int c, const std::string& formula, lxw_format* f, double cached) {
  Check(worksheet_write_formula_num(ws_, R(r), C(c), formula.c_str(), f, cached));
}
void Sheet::FormulaText(int r, int c, const std::string& formula, lxw_format* f,
                        const std::string& cached_text) {
  Check(worksheet_write_formula_str(ws_, R(r), C(c), formula.c_str(), f, cached_text.c_str()));
}
void Sheet::Merge(int r1, int c1, int r2, int c2, const std::string& s, lxw_format* f) {
  if (r1 == r2 && c1 == c2) return Text(r1, c1, s, f);
  Check(worksheet_merge_range(ws_, R(r1), C(c1), R(r2), C(c2), s.c_str(), f));
}
void Sheet::MergeNumber(int r1, int c1, int r2, int c2, double v, lxw_format* f) {
  if (r1 != r2 || c1 != c2) Check(worksheet_merge_range(ws_, R(r1), C(c1), R(r2), C(c2), "", f));
  Number(r1, c1, v, f);
}

void Sheet::Column(int c, double width) {
  widths_[c] = width;
  Check(worksheet_set_column(ws_, C(c), C(c), width, nullptr));
}
double Sheet::Width(int c1, int c2) const {
  double w = 0;
  for (int c = c1; c <= c2; ++c) {
    auto it = widths_.find(c);
    w += it == widths_.end() ? 8.43 : it->second;
  }
  return w;
}
void Sheet::RowHeight(int r, double points) {
  heights_[r] = points;
  Check(worksheet_set_row(ws_, R(r), points, nullptr));
}
double Sheet::RowHeightOf(int r) const {
  auto it = heights_.find(r);
  return it == heights_.end() ? 15 : it->second;
}
double Sheet::RowHeights() const {
  double sum = 0;
  for (const auto& [r, h] : heights_) sum += h;
  return sum;
}
int Sheet::Lines(const std::vector<Span>& cells, int min_lines) const {
  int lines = min_lines;
  for (const auto& [c1, c2, s] : cells) lines = std::max(lines, WrappedLines(s, Width(c1, c2)));
  return lines;
}
void Sheet::Fit(int r, const std::vector<Span>& cells, int min_lines) {
  RowHeight(r, LinesHeight(Lines(cells, min_lines)));
}

void Sheet::List(int r1, int c1, int r2, int c2, std::vector<const char*> items) {
  items.push_back(nullptr);
  lxw_data_validation v = {};
  v.validate = LXW_VALIDATION_TYPE_LIST;
  v.value_list = const_cast<char**>(items.data());
  Validate(r1, c1, r2, c2, v);
}
void Sheet::ListFormula(int r, int c, const std::string& formula) {
  lxw_data_validation v = {};
  v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  v.value_formula = const_cast<char*>(formula.c_str());
  Validate(r, c, r, c, v);
}
void Sheet::NumberRange(int r1, int c1, int r2, int c2, double min, double max,
                        const std::string& message) {
  lxw_data_validation v = {};
  v.validate = LXW_VALIDATION_TYPE_DECIMAL;
  v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  v.minimum_number = min;
  v.maximum_number = max;
  v.error_title = const_cast<char*>("应填写数字");
  v.error_message = const_cast<char*>(message.c_str());
  Validate(r1, c1, r2, c2, v);
}
void Sheet::Whole(int r1, int c1, int r2, int c2) {
  lxw_data_validation v = {};
  v.validate = LXW_VALIDATION_TYPE_INTEGER;
  v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
  v.value_number = 0;
  v.error_title = const_cast<char*>("应填写人数");
  v.error_message = const_cast<char*>("人数应为非负整数。");
  Validate(r1, c1, r2, c2, v);
}

void Sheet::Protect(bool insert_rows) {
  lxw_protection p = {};
  p.format_columns = 1;
  p.format_rows = 1;
  p.insert_rows = insert_rows ? 1 : 0;
  worksheet_protect(ws_, nullptr, &p);
}

void Sheet::PrintSetup(bool landscape, int repeat_row) {
  if (landscape) worksheet_set_landscape(ws_);
  worksheet_set_paper(ws_, 9);  // A4
  worksheet_set_margins(ws_, 0.4, 0.4, 0.5, 0.6);
  worksheet_center_horizontally(ws_);
  // One page wide. "Any number tall" (0) would be the natural height, but
  // LibreOffice 7.4 then miscounts the pages and drops rows that spill
  // onto a last page; a generous cap prints the same in Excel and WPS.
  worksheet_fit_to_pages(ws_, 1, 99);
  if (repeat_row >= 0) RepeatRows(repeat_row, repeat_row);
  Check(worksheet_set_footer(ws_, "&C第 &P 页，共 &N 页"));
}
void Sheet::RepeatRows(int first, int last) { Check(worksheet_repeat_rows(ws_, R(first), R(last))); }

void Sheet::Check(lxw_error e) const {
  if (e != LXW_NO_ERROR) Fail(SourceLoc{path_}, "", msg::kCannotWrite, name_ + ": " + lxw_strerror(e));
}

void Sheet::Validate(int r1, int c1, int r2, int c2, lxw_data_validation& v) {
  Check(worksheet_data_validation_range(ws_, R(r1), C(c1), R(r2), C(c2), &v));
}

}  // namespace jixiao
