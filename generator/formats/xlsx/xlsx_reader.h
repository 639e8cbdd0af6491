// Reading .xlsx workbooks: a file in, every worksheet's cells, merged
// ranges and date flags out. Used by `check` on submitted score sheets and
// by the tests of the Excel writer.
//
// Values are kept as the text the file holds ("4.71", never a double), so
// a checker compares exactly what the submitter wrote. Workbooks come from
// strangers: the zip and its XML are read under limits (entries, bytes
// actually inflated, nesting, cells), and a DOCTYPE is refused, so a zip
// bomb or an entity bomb fails fast with an InputError naming the file.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "formats/xlsx/cell_ref.h"  // CellRef, ParseCellRef: readers name cells too

namespace jixiao {

struct XlsxCell {
  int row = 0;      // 0-based
  int col = 0;      // 0-based
  std::string ref;  // "D7"
  // The value as text: a string's runs joined; a number exactly as written
  // in <v>; "TRUE"/"FALSE"; an error such as "#DIV/0!"; for a formula, its
  // cached value.
  std::string text;
  bool is_number = false;
  bool is_date = false;  // a number in a date or time format: a serial day count
  bool is_percent = false;  // a number in a percent format: 0.9056 shown as 90.56%
  bool is_formula = false;
  std::string formula;  // as stored, without '='; empty for a shared formula's followers
  int style = 0;        // its cell style (xf): XlsxWorkbook::style_fonts
};

// A cell style's font, for a copy that keeps the look.
struct XlsxFont {
  std::string name;  // "宋体", "仿宋_GB2312"; "" when the styles do not say
  double size = 0;   // points; 0 when not said
  bool bold = false;
};

struct MergeRange {
  // 0-based, inclusive; `ref` as Excel writes it, "A5:A10".
  int first_row = 0, first_col = 0, last_row = 0, last_col = 0;
  std::string ref;

  bool Contains(int row, int col) const {
    return row >= first_row && row <= last_row && col >= first_col && col <= last_col;
  }
};

struct XlsxSheet {
  std::string name;
  std::map<std::pair<int, int>, XlsxCell> cells;  // (row, col) → cell; blank cells absent
  std::vector<MergeRange> merges;
  // The layout as read, for a copy that keeps it: <col> widths (first and
  // last column, 0-based, and the width in characters), custom row heights
  // in points, and whether the page is set up landscape.
  struct ColumnWidth {
    int first = 0, last = 0;
    double width = 0;
  };
  std::vector<ColumnWidth> column_widths;
  std::map<int, double> row_heights;
  bool landscape = false;

  const XlsxCell* At(int row, int col) const;
  const XlsxCell* At(std::string_view ref) const;  // "D7"; null when blank or malformed
  // The cell's text, or "" when blank.
  std::string Text(int row, int col) const;
  // The merged range covering the cell, if any.
  const MergeRange* MergeAt(int row, int col) const;
  int RowCount() const;  // last used row + 1
};

struct XlsxWorkbook {
  std::string path;
  std::vector<XlsxSheet> sheets;  // worksheets in workbook order (chart sheets skipped)
  std::vector<XlsxFont> style_fonts;  // per cell style (xf), the font it uses

  const XlsxSheet* Sheet(const std::string& name) const;
  // "path: 评分表!D7", for diagnostics about a cell.
  SourceLoc Where(const XlsxSheet& sheet, const XlsxCell& cell) const;
};

struct XlsxLimits {
  std::uint64_t max_file_bytes = 256ull << 20;
  std::size_t max_entries = 10000;
  std::uint64_t max_entry_bytes = 64ull << 20;   // inflated, counted while reading
  std::uint64_t max_total_bytes = 256ull << 20;  // inflated, all parts read
  int max_depth = 64;                            // XML element nesting
  std::size_t max_cells = 1000000;
  std::uint64_t max_text_bytes = 256ull << 20;  // all cell texts, shared strings repeated
};

// Throws InputError naming the workbook (and the part or sheet!cell): a
// missing file, not a zip, a missing or malformed part, a limit exceeded.
XlsxWorkbook ReadXlsx(const std::string& path, const XlsxLimits& limits = XlsxLimits{});
// The same from a workbook held in memory (a server's upload): `path` names
// it in diagnostics; `bytes` null reads `path` from disk.
XlsxWorkbook ReadXlsxBytes(const std::string& path, const std::string* bytes,
                           const XlsxLimits& limits = XlsxLimits{});

// One part of an Office Open XML package (a .docx's word/styles.xml), read
// under the same limits as a workbook; throws InputError as ReadXlsx does.
std::string ReadPackagePart(const std::string& path, const std::string& part, const XlsxLimits& limits = XlsxLimits{});

// Every file in a zip archive held in memory (a project uploaded as a .zip),
// by its name in the archive, read under a workbook's limits: entries, bytes
// inflated per entry and in all. Folder entries are left out. Throws
// InputError naming `path`, as ReadXlsxBytes does.
std::vector<std::pair<std::string, std::string>> ReadZipEntries(const std::string& path, const std::string& bytes,
                                                                const XlsxLimits& limits = XlsxLimits{});

// A number's text with binary-float noise removed: writers that print a
// double with 16 or 17 significant digits store 90.71 as
// "90.70999999999999" (libxlsxwriter uses %.16G); this gives the shortest
// text that reads back as the same double, "90.71". Text with at most 15
// significant digits, or that is not a number, is returned unchanged.
std::string ShortestNumber(const std::string& text);

// A cell's label as the readers compare it: without spaces, line breaks or
// full-width spaces, which exports and hand edits put into labels freely
// ("实际\n完成值", "年度　指标值").
std::string CompactLabel(const std::string& s);

}  // namespace jixiao
