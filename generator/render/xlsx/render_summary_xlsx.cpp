// The batch summary workbook: one row per project, the grade distribution
// with a chart, and the projects that failed.
#include "render/xlsx/render_summary_xlsx.h"

#include <xlsxwriter.h>

#include <cstdlib>
#include <ctime>
#include <algorithm>
#include <map>

#include "base/atomic_file.h"
#include "base/messages.h"
#include "base/precision.h"
#include "formats/xlsx/xlsx_writer.h"

namespace jixiao {
namespace {

double Number(const Decimal& d) { return std::strtod(d.ToShort(kScorePlaces).c_str(), nullptr); }

}  // namespace

void RenderSummaryXlsx(const BatchSummary& result, const std::string& path) {
  PendingFile pending(path);
  // Rows go out as written: memory stays flat for any number of projects.
  lxw_workbook* wb = NewStreamingWorkbook(pending.temp_path());
  if (!wb) Fail(SourceLoc{path}, "", msg::kCannotWrite, "workbook_new");
  lxw_doc_properties props = {};
  props.title = const_cast<char*>("绩效评价汇总");
  SetWorkbookProperties(wb, props);

  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xECEAE2);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_CENTER);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* text = workbook_add_format(wb);
  format_set_border(text, LXW_BORDER_THIN);
  lxw_format* number = workbook_add_format(wb);
  format_set_border(number, LXW_BORDER_THIN);
  lxw_format* score = workbook_add_format(wb);  // scores at kScorePlaces: 64.90, as the forms print them
  format_set_border(score, LXW_BORDER_THIN);
  format_set_num_format(score, FixedNumFormat(kScorePlaces).c_str());
  lxw_format* center = workbook_add_format(wb);
  format_set_border(center, LXW_BORDER_THIN);
  format_set_align(center, LXW_ALIGN_CENTER);
  lxw_format* link = workbook_add_format(wb);
  format_set_border(link, LXW_BORDER_THIN);
  format_set_font_color(link, LXW_COLOR_BLUE);
  format_set_underline(link, LXW_UNDERLINE_SINGLE);
  lxw_format* percent = workbook_add_format(wb);
  format_set_border(percent, LXW_BORDER_THIN);
  format_set_num_format(percent, "0.00%");

  // Columns for the 一级 indicators: their union, in order of first appearance.
  std::vector<std::string> level1;
  for (const auto& r : result.rows)
    for (const auto& [name, score] : r.level1)
      if (std::find(level1.begin(), level1.end(), name) == level1.end()) level1.push_back(name);

  lxw_worksheet* ws = workbook_add_worksheet(wb, "项目");
  // What a reviewer sorts and filters by comes first and is what prints (A4
  // landscape, one page wide); the 一级 scores and the folder follow,
  // outside the print area.
  std::vector<std::string> heads = {"序号", "项目",   "主管部门", "年度", "报送总分", "审核总分", "差额",
                                    "报送等级", "审核等级", "减分", "错误", "警告", "报告"};
  // With an archive (--db) holding last year: 上年得分 and 变动 after the grades.
  const bool previous = std::any_of(result.rows.begin(), result.rows.end(),
                                    [](const BatchRow& r) { return r.ok && r.previous_total; });
  const lxw_col_t shift = previous ? 2 : 0;
  if (previous) heads.insert(heads.begin() + 9, {"上年得分", "变动"});
  const lxw_col_t printed_last = static_cast<lxw_col_t>(heads.size() - 1);
  for (const auto& n : level1) heads.push_back(n);
  heads.push_back("项目文件夹");
  const lxw_col_t last_col = static_cast<lxw_col_t>(heads.size() - 1);
  for (lxw_col_t c = 0; c <= last_col; ++c) worksheet_write_string(ws, 0, c, heads[c].c_str(), header);
  worksheet_set_row(ws, 0, 30, nullptr);
  worksheet_set_column(ws, 0, 0, 5, nullptr);
  worksheet_set_column(ws, 1, 1, 30, nullptr);
  worksheet_set_column(ws, 2, 2, 20, nullptr);
  worksheet_set_column(ws, 3, 3, 6, nullptr);
  worksheet_set_column(ws, 4, 6, 9, nullptr);
  worksheet_set_column(ws, 7, 8, 7, nullptr);
  if (previous) worksheet_set_column(ws, 9, 10, 9, nullptr);
  worksheet_set_column(ws, 9 + shift, 11 + shift, 6, nullptr);
  worksheet_set_column(ws, 12 + shift, 12 + shift, 6, nullptr);
  worksheet_set_column(ws, printed_last + 1, last_col - 1, 10, nullptr);
  worksheet_set_column(ws, last_col, last_col, 36, nullptr);
  lxw_format* changed = workbook_add_format(wb);
  format_set_border(changed, LXW_BORDER_THIN);
  format_set_font_color(changed, 0x9C0006);
  format_set_bold(changed);
  format_set_num_format(changed, FixedNumFormat(kScorePlaces).c_str());

  lxw_row_t row = 1;
  for (const auto& r : result.rows) {
    if (!r.ok) continue;
    lxw_col_t c = 0;
    worksheet_write_number(ws, row, c++, row, center);
    worksheet_write_string(ws, row, c++, r.name.c_str(), text);
    worksheet_write_string(ws, row, c++, r.department.c_str(), text);
    worksheet_write_string(ws, row, c++, r.year.c_str(), center);
    if (r.stated_total) worksheet_write_number(ws, row, c, Number(*r.stated_total), score);
    else worksheet_write_blank(ws, row, c, text);
    ++c;
    worksheet_write_number(ws, row, c++, Number(r.total), score);
    if (r.stated_total) {
      Decimal diff = r.total.Round(kScorePlaces) - r.stated_total->Round(kScorePlaces);
      worksheet_write_number(ws, row, c, Number(diff), diff.IsZero() ? score : changed);
    } else {
      worksheet_write_blank(ws, row, c, text);
    }
    ++c;
    worksheet_write_string(ws, row, c++, r.stated_grade.c_str(), center);
    worksheet_write_string(ws, row, c++, r.grade.c_str(), !r.stated_grade.empty() && r.stated_grade != r.grade ? changed : center);
    if (previous) {
      if (r.previous_total) {
        worksheet_write_number(ws, row, c++, Number(*r.previous_total), score);
        Decimal change = r.total.Round(kScorePlaces) - r.previous_total->Round(kScorePlaces);
        worksheet_write_number(ws, row, c++, Number(change), change.Sign() < 0 ? changed : score);
      } else {
        worksheet_write_blank(ws, row, c++, text);
        worksheet_write_blank(ws, row, c++, text);
      }
    }
    worksheet_write_number(ws, row, c++, Number(r.deductions), score);
    worksheet_write_number(ws, row, c++, static_cast<double>(r.errors), number);
    worksheet_write_number(ws, row, c++, static_cast<double>(r.warnings), number);
    if (!r.report.empty()) {
      // A HYPERLINK formula rather than a hyperlink record: libxlsxwriter
      // keeps every record until the file closes, a formula streams out
      // with its row, so a summary of thousands of projects stays small.
      std::string target;
      for (char ch : r.report) target += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      std::string f = "=HYPERLINK(\"" + target + "\",\"报告\")";
      worksheet_write_formula_str(ws, row, c, f.c_str(), link, "报告");
    } else {
      worksheet_write_blank(ws, row, c, text);
    }
    ++c;
    for (const auto& n : level1) {
      auto it = std::find_if(r.level1.begin(), r.level1.end(), [&](const auto& p) { return p.first == n; });
      if (it != r.level1.end()) worksheet_write_number(ws, row, c, std::strtod(it->second.c_str(), nullptr), score);
      else worksheet_write_blank(ws, row, c, text);
      ++c;
    }
    worksheet_write_string(ws, row, c++, r.dir.c_str(), text);
    ++row;
  }
  worksheet_print_area(ws, 0, 0, row > 1 ? row - 1 : 1, printed_last);
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_repeat_rows(ws, 0, 0);
  worksheet_fit_to_pages(ws, 1, 99);  // one page wide; LibreOffice drops rows with "any" (0) tall
  if (row > 1) {
    worksheet_autofilter(ws, 0, 0, row - 1, last_col);
    // Grade colours: 优 green, 良 blue, 中 amber, 差 red.
    const std::pair<const char*, lxw_color_t> colours[] = {
        {"\"优\"", 0xC6EFCE}, {"\"良\"", 0xDDEBF7}, {"\"中\"", 0xFFEB9C}, {"\"差\"", 0xFFC7CE}};
    for (const auto& [grade, colour] : colours) {
      lxw_format* f = workbook_add_format(wb);
      format_set_bg_color(f, colour);
      lxw_conditional_format cf = {};
      cf.type = LXW_CONDITIONAL_TYPE_CELL;
      cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
      cf.value_string = const_cast<char*>(grade);
      cf.format = f;
      worksheet_conditional_format_range(ws, 1, 8, row - 1, 8, &cf);
    }
  }

  // 等级分布.
  lxw_worksheet* dist = workbook_add_worksheet(wb, "等级分布");
  worksheet_write_string(dist, 0, 0, "等级", header);
  worksheet_write_string(dist, 0, 1, "项目数", header);
  worksheet_write_string(dist, 0, 2, "占比", header);
  worksheet_set_column(dist, 0, 2, 10, nullptr);
  std::vector<std::string> grades = {"优", "良", "中", "差"};
  for (const auto& r : result.rows)
    if (r.ok && std::find(grades.begin(), grades.end(), r.grade) == grades.end()) grades.push_back(r.grade);
  size_t ok = result.done;
  for (size_t i = 0; i < grades.size(); ++i) {
    size_t n = 0;
    for (const auto& r : result.rows) n += r.ok && r.grade == grades[i] ? 1 : 0;
    lxw_row_t rr = static_cast<lxw_row_t>(i + 1);
    worksheet_write_string(dist, rr, 0, grades[i].c_str(), center);
    worksheet_write_number(dist, rr, 1, static_cast<double>(n), number);
    std::string f = fmt::format("=IF(SUM($B$2:$B${0})=0,0,ROUND(B{1}/SUM($B$2:$B${0}),{2}))", grades.size() + 1, rr + 1,
                                kRatePlaces);
    double share = ok ? std::strtod((Decimal(static_cast<long>(n)) / Decimal(static_cast<long>(ok))).ToShort(kRatePlaces).c_str(), nullptr) : 0;
    worksheet_write_formula_num(dist, rr, 2, f.c_str(), percent, share);
  }
  lxw_row_t total_row = static_cast<lxw_row_t>(grades.size() + 1);
  worksheet_write_string(dist, total_row, 0, "合计", header);
  worksheet_write_formula_num(dist, total_row, 1, fmt::format("=SUM(B2:B{})", total_row).c_str(), number,
                              static_cast<double>(ok));
  lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
  std::string cats = fmt::format("='等级分布'!$A$2:$A${}", grades.size() + 1);
  std::string vals = fmt::format("='等级分布'!$B$2:$B${}", grades.size() + 1);
  chart_add_series(chart, cats.c_str(), vals.c_str());
  chart_title_set_name(chart, "评价等级分布");
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  chart_axis_set_min(chart->y_axis, 0);
  worksheet_insert_chart(dist, static_cast<lxw_row_t>(grades.size() + 3), 0, chart);  // below the table: one printed page

  // 失败: only when a project failed (an empty sheet would print a blank page).
  if (result.failed == 0) {
    CloseWorkbook(wb, pending, path);
    return;
  }
  lxw_worksheet* failed = workbook_add_worksheet(wb, "失败");
  worksheet_write_string(failed, 0, 0, "项目文件夹", header);
  worksheet_write_string(failed, 0, 1, "原因", header);
  worksheet_set_column(failed, 0, 0, 36, nullptr);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_border(wrap, LXW_BORDER_THIN);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  worksheet_set_column(failed, 1, 1, 100, nullptr);
  worksheet_set_landscape(failed);
  worksheet_set_paper(failed, 9);
  worksheet_fit_to_pages(failed, 1, 99);
  lxw_row_t fr = 1;
  for (const auto& r : result.rows) {
    if (r.ok) continue;
    worksheet_write_string(failed, fr, 0, r.dir.c_str(), wrap);
    worksheet_write_string(failed, fr, 1, r.error.c_str(), wrap);
    ++fr;
  }

  CloseWorkbook(wb, pending, path);
}

}  // namespace jixiao
