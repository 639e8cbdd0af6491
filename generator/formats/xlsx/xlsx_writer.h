// Writing .xlsx workbooks with libxlsxwriter: a path and the sheets' cells
// in; a workbook out, byte for byte the same on every run. Every workbook
// jixiao writes (评分表, 自评表, 汇总, 数据采集表, check's annotated copy)
// goes through this kit:
//   - where libxlsxwriter keeps its scratch files (ScratchDir, per thread);
//   - a new workbook with the fixed creation time, closed and renamed into
//     place (WriteProjectWorkbook, or NewProjectWorkbook + CloseWorkbook);
//   - the cell format every table starts from (BaseCellFormat);
//   - text measures for row heights (TextWidth, WrappedLines);
//   - Sheet: a worksheet with checked writes and the layout helpers.
// Cell references are formats/xlsx/cell_ref.h.
#pragma once

#include <xlsxwriter.h>

#include <ctime>
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "base/atomic_file.h"
#include "formats/xlsx/cell_ref.h"

namespace jixiao {

// 2024-01-01 00:00 UTC: the creation time every workbook jixiao writes carries.
constexpr std::time_t kWorkbookCreated = 1704067200;

// Points per wrapped line of 10-point text, the size every table uses.
constexpr double kLineHeight = 14;

// Where libxlsxwriter puts the scratch files it writes each part of a
// workbook to before zipping them (a scoring workbook makes 17, each made
// and deleted within the call): $TMPDIR when set, else /dev/shm, which is
// memory, so a batch does not wait on the disk for files nobody reads;
// else libxlsxwriter's own default (""). For workbooks whose size is
// bounded by one project; the batch summary keeps the default.
std::string ScratchDirFor(const char* tmpdir_env);
// ScratchDirFor($TMPDIR), decided once; nullptr for libxlsxwriter's default.
const char* ScratchDir();
// A folder of the calling thread's own inside ScratchDir(), removed when
// the thread ends: libxlsxwriter creates and deletes 17 scratch files per
// workbook, and two workers doing that in one folder queue on that folder's
// lock in the kernel. Falls back to ScratchDir() itself. Named
// jixiao-<pid>-XXXXXX: making one first removes those a killed process left
// (their pid no longer running).
const char* ThreadScratchDir();
// Removes the calling thread's folder now: for a process that ends with
// _exit (a batch worker), where thread-local destructors do not run.
void ReleaseThreadScratchDir();

// A new workbook at `temp_path` with its scratch files in ThreadScratchDir().
lxw_workbook* NewProjectWorkbook(const std::string& temp_path);
// A new workbook at `temp_path` that writes each row out as it is finished
// (constant memory, libxlsxwriter's own scratch folder), for workbooks of
// any number of rows: rows must be written in order.
lxw_workbook* NewStreamingWorkbook(const std::string& temp_path);

// Sets the document properties with the fixed creation time.
void SetWorkbookProperties(lxw_workbook* wb, lxw_doc_properties props);

// Closes the workbook written to `pending`'s temporary name and renames it
// into place; an error names `path` (InputError, cannot-write).
void CloseWorkbook(lxw_workbook* wb, PendingFile& pending, const std::string& path);

// A project workbook at `path`: made at a temporary name beside it
// (NewProjectWorkbook), filled by `fill`, closed and renamed into place.
// When `fill` throws, the workbook is closed and the temporary removed.
void WriteProjectWorkbook(const std::string& path, const std::function<void(lxw_workbook*)>& fill);

// Display width in Excel column units: a CJK character is about two digits.
double TextWidth(const std::string& s);
// Lines `text` wraps to in a column `width` units wide.
int WrappedLines(const std::string& text, double width);

// The cell format every table starts from: 宋体 at `size`, vertically
// centred, wrapped, with thin borders when asked.
lxw_format* BaseCellFormat(lxw_workbook* wb, double size, bool border);
// A number format with `places` fixed decimals: "0.00" for 2, "0" for 0.
std::string FixedNumFormat(int places);

// A worksheet with checked writes (libxlsxwriter reports problems, such as
// a string over 32767 characters or a bad range, as return codes that must
// not be lost: each becomes an InputError naming the file and sheet) and
// the layout helpers the writers share. Rows and columns are 0-based.
class Sheet {
 public:
  // (first column, last column, text): a cell or a merged block's text.
  using Span = std::tuple<int, int, std::string>;

  Sheet(lxw_workbook* wb, const char* name, const std::string& path);
  lxw_worksheet* ws() const { return ws_; }

  // Text; "" writes a formatted blank, as libxlsxwriter does.
  void Text(int r, int c, const std::string& s, lxw_format* f);
  void Number(int r, int c, double v, lxw_format* f);
  void Blank(int r, int c, lxw_format* f);
  // A formula stored with the value a reader that does not recalculate
  // shows: `cached` (a number) or `cached_text`.
  void Formula(int r, int c, const std::string& formula, lxw_format* f, double cached = 0);
  void FormulaText(int r, int c, const std::string& formula, lxw_format* f, const std::string& cached_text);
  // A merged block showing `s`; a single cell is written plainly.
  void Merge(int r1, int c1, int r2, int c2, const std::string& s, lxw_format* f);
  // A merged block holding a number: merge_range only writes text.
  void MergeNumber(int r1, int c1, int r2, int c2, double v, lxw_format* f);

  void Column(int c, double width);
  // The width of columns c1..c2 together (8.43 for a column never set).
  double Width(int c1, int c2) const;
  double Width(int c) const { return Width(c, c); }
  void RowHeight(int r, double points);
  double RowHeightOf(int r) const;  // 15 for a row never set
  double RowHeights() const;        // every row set so far, added up
  // Lines the tallest of `cells` wraps to, at least `min_lines`.
  int Lines(const std::vector<Span>& cells, int min_lines = 1) const;
  // The height of `lines` wrapped lines of 10-point text.
  static double LinesHeight(int lines) { return lines * kLineHeight + 4; }
  // Tall enough for each of `cells` to show whole.
  void Fit(int r, const std::vector<Span>& cells, int min_lines = 1);

  // Drop-downs and number checks: Excel and WPS refuse anything else
  // (text such as 九成) as it is typed.
  void List(int r1, int c1, int r2, int c2, std::vector<const char*> items);
  void ListFormula(int r, int c, const std::string& formula);
  void NumberRange(int r1, int c1, int r2, int c2, double min, double max, const std::string& message);
  void Whole(int r1, int c1, int r2, int c2);  // a count: a whole number ≥ 0

  // Locked cells stay selectable; rows and columns may be resized (and,
  // where `insert_rows`, rows inserted) without lifting the protection.
  void Protect(bool insert_rows);
  // A4, narrow margins, centred, one page wide, a page-number footer; the
  // header row `repeat_row` (when ≥ 0) repeated on every page.
  void PrintSetup(bool landscape, int repeat_row = -1);
  void RepeatRows(int first, int last);

  // Throws InputError (cannot-write) naming the file and sheet for an error.
  void Check(lxw_error e) const;

 private:
  void Validate(int r1, int c1, int r2, int c2, lxw_data_validation& v);

  lxw_worksheet* ws_;
  std::string name_;
  std::string path_;
  std::map<int, double> widths_;
  std::map<int, double> heights_;
};

}  // namespace jixiao
