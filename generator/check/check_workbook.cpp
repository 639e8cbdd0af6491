#include "check/check_workbook.h"

#include <xlsxwriter.h>

#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "base/atomic_file.h"
#include "base/messages.h"
#include "base/precision.h"
#include "formats/xlsx/layouts/scoring_sheet.h"
#include "formats/xlsx/xlsx_reader.h"
#include "formats/xlsx/xlsx_writer.h"
#include "load/load_scoring_sheet.h"

namespace fs = std::filesystem;

namespace jixiao {
namespace {

constexpr double kCopyFontSize = 10;  // the annotated copy's cells, in the workbooks' font (宋体)

Finding Make(Severity sev, const std::string& kind, const SourceLoc& loc, const std::string& code,
             const std::string& subject, const std::string& stated, const std::string& expected,
             const std::string& message, const Text& effect = {}) {
  return Finding{sev, kind, loc, code, subject, stated, expected, message, effect.zh, "", effect.en};
}

}  // namespace

SheetCheck CheckScoringSheet(const std::string& xlsx_path, const CheckOptions& opt, const std::string* bytes) {
  ScoringSheetOptions read;
  read.lenient = true;
  ScoringSheet im = LoadScoringSheet(xlsx_path, read, bytes);
  const SheetScores& st = im.scores;
  if (!st.has_score_column)
    Fail(SourceLoc{xlsx_path, 0, 0, im.sheet}, "", msg::kCheckNoScoreColumn);
  SheetCheck out;
  CheckResult& r = out.result;
  r.target = xlsx_path;
  r.name = im.system.name;
  r.source = xlsx_path + "（" + im.sheet + "）";
  r.stated = true;
  out.sheet = im.sheet;
  auto add = [&](Finding f) { r.findings.push_back(std::move(f)); };
  auto within = [&](const Decimal& diff) { return opt.tolerance.Sign() > 0 && diff <= opt.tolerance; };

  for (const auto& d : im.problems)
    add(Make(Severity::kError, d.id == msg::kWeightSum.id ? "weight-sum" : "root-weight-sum", d.loc, d.indicator,
             d.indicator.empty() ? "一级指标权重" : d.indicator + " 权重", "", "", Pick(d.message, opt.language)));

  // Leaves: blank, above the weight, lost points without a reason. Parents
  // and the total are made of the leaves' stated scores.
  std::function<Decimal(const Indicator&)> walk = [&](const Indicator& ind) -> Decimal {
    if (!ind.IsLeaf()) {
      Decimal sum;
      for (const auto& c : ind.children) sum += walk(c);
      out.recomputed[ind.code] = sum;
      return sum;
    }
    auto it = st.scores.find(ind.code);
    auto row_of = [](const SourceLoc& loc) {
      int row = -1, col = 0;
      size_t bang = loc.cell.rfind('!');
      if (bang != std::string::npos) ParseCellRef(loc.cell.substr(bang + 1), row, col);
      return row;
    };
    if (it == st.scores.end()) {
      for (const auto& [code, loc] : st.blank)
        if (code == ind.code) out.review.push_back(ReviewRow{row_of(loc), ind.code, std::nullopt, Decimal(0)});
      r.scores.push_back(ScoreLine{ind.code, ind.name, ind.weight, std::nullopt, Decimal(0), std::nullopt});
      for (const auto& [code, loc] : st.blank)
        if (code == ind.code)
          add(Make(Severity::kError, "blank-score", loc, ind.code, ind.code + " " + ind.name + " 得分", "", "",
                   fmt::format("{} {}：未填写得分，审核按 0 分计入合计。", ind.code, ind.name)));
      out.recomputed[ind.code] = Decimal(0);
      return Decimal(0);
    }
    const StatedNumber& s = it->second;
    std::string subject = ind.code + " " + ind.name + " 得分";
    if (s.value > ind.weight)
      add(Make(Severity::kError, "score-above-weight", s.loc, ind.code, subject, s.text, "≤ " + ind.weight.ToShort(kScorePlaces),
               fmt::format("{}：报告为 {} 分，超过该指标满分 {} 分。", subject, s.text, ind.weight.ToShort(kScorePlaces))));
    else if (s.value.Sign() < 0)
      add(Make(Severity::kError, "score-above-weight", s.loc, ind.code, subject, s.text, "≥ 0",
               fmt::format("{}：报告为 {} 分，得分不能为负。", subject, s.text)));
    if (s.value < ind.weight && st.reason_column >= 0 && !st.reasons.count(ind.code))
      add(Make(Severity::kWarning, "missing-reason", s.loc, ind.code, subject, s.text, "",
               fmt::format("{}：得 {} 分（满分 {} 分），未填写扣分原因。", subject, s.text, ind.weight.ToShort(kScorePlaces))));
    // The reviewed score: within 0 and the weight. Every figure below is made of these.
    Decimal accepted = Max(Decimal(0), Min(s.value, ind.weight));
    out.recomputed[ind.code] = accepted;
    out.review.push_back(ReviewRow{row_of(s.loc), ind.code, s.value, accepted});
    r.scores.push_back(ScoreLine{ind.code, ind.name, ind.weight, s.text, accepted, accepted - s.value});
    return accepted;
  };
  Decimal sum;
  for (const auto& root : im.system.roots) sum += walk(root);
  Decimal deductions;
  for (const auto& [label, n] : st.deductions) deductions += n.value.Abs();
  Decimal applied = im.system.deduction_cap ? Min(deductions, *im.system.deduction_cap) : deductions;
  if (im.system.deduction_cap && deductions > *im.system.deduction_cap && !st.deductions.empty())
    add(Make(Severity::kError, "deduction-cap", st.deductions.front().second.loc, "", "减分", deductions.ToFixed(kScorePlaces),
             "≤ " + im.system.deduction_cap->ToShort(kScorePlaces),
             fmt::format("减分合计 {} 分，超过上限 {} 分。", deductions.ToFixed(kScorePlaces), im.system.deduction_cap->ToShort(kScorePlaces))));
  Decimal total = Max(Decimal(0), sum - applied);
  out.total = total;
  std::string grade = GradeFor(im.system, total);
  if (st.total) {
    int row = -1, col = 0;
    size_t bang = st.total->loc.cell.rfind('!');
    if (bang != std::string::npos) ParseCellRef(st.total->loc.cell.substr(bang + 1), row, col);
    out.review.push_back(ReviewRow{row, "合计", st.total->value, total});
    r.scores.push_back(ScoreLine{"", "合计", im.system.total, st.total->text, total, total - st.total->value});
  }
  // What the stated figures claim: the grade as written, else the band of the stated total.
  const std::string stated_grade =
      st.grade ? st.grade->text : st.total ? GradeFor(im.system, st.total->value) : std::string();
  auto grade_effect = [&] {
    if (stated_grade.empty()) return Format(msg::kGradeReviewed, grade);
    return stated_grade == grade ? Format(msg::kGradeUnchanged, grade) : Format(msg::kGradeChanged, stated_grade, grade);
  };
  bool adjusted = false;
  for (const auto& rv : out.review) adjusted = adjusted || !rv.submitted || *rv.submitted != rv.accepted;
  const std::string how = fmt::format("各末级指标审核得分之和 {}{}{}", sum.ToFixed(kScorePlaces),
                                      applied.IsZero() ? "" : " − 减分 " + applied.ToFixed(kScorePlaces),
                                      adjusted ? "（超过满分的按满分、未填写的按 0 分计）" : "");
  if (st.total) {
    const StatedNumber& t = *st.total;
    Decimal want = total.Round(t.places);
    if (want != t.value) {
      Decimal diff = (want - t.value).Abs();
      add(Make(within(diff) ? Severity::kWarning : Severity::kError, "total", t.loc, "", "合计得分", t.text,
               total.ToFixed(kScorePlaces),
               fmt::format("合计得分：报告为 {}，{}，应为 {}。", t.text, how, total.ToFixed(kScorePlaces)),
               grade_effect()));
    }
  } else {
    add(Make(Severity::kError, "blank-total", st.total_loc.value_or(SourceLoc{xlsx_path, 0, 0, im.sheet}), "",
             "合计得分", "", total.ToFixed(kScorePlaces),
             fmt::format("评分表未填写合计得分；{}，为 {}。", how, total.ToFixed(kScorePlaces)), grade_effect()));
  }
  if (st.grade && st.grade->text != grade) {
    add(Make(Severity::kError, "grade", st.grade->loc, "", "评价等级", st.grade->text, grade,
             fmt::format("评价等级：报告为“{}”，按审核合计 {} 应为“{}”。", st.grade->text, total.ToFixed(kScorePlaces), grade),
             Format(msg::kGradeChanged, st.grade->text, grade)));
  }
  out.grade = grade;
  std::stable_sort(r.findings.begin(), r.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.severity < b.severity; });
  for (const auto& f : r.findings) (f.severity == Severity::kError ? r.errors : r.warnings)++;
  return out;
}

namespace {

// The copy's cell formats: one per font the submission uses and mark
// (none, error, warning), made once each.
class CopyFormats {
 public:
  explicit CopyFormats(lxw_workbook* wb) : wb_(wb) {}

  lxw_format* For(const XlsxFont& font, int mark) {
    std::string key = fmt::format("{}|{}|{}|{}", font.name, font.size, font.bold, mark);
    auto it = made_.find(key);
    if (it != made_.end()) return it->second;
    lxw_format* f = BaseCellFormat(wb_, font.size > 0 ? font.size : kCopyFontSize, true);
    if (!font.name.empty()) format_set_font_name(f, font.name.c_str());
    if (font.bold) format_set_bold(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (mark == 1) {
      format_set_bg_color(f, 0xFFC7CE);
      format_set_font_color(f, 0x9C0006);
    } else if (mark == 2) {
      format_set_bg_color(f, 0xFFEB9C);
    }
    return made_[key] = f;
  }

 private:
  lxw_workbook* wb_;
  std::map<std::string, lxw_format*> made_;
};

// One sheet copied: values, merges, fonts, column widths, row heights and
// orientation as read; the cells in `marks` coloured by severity.
lxw_worksheet* CopySheet(lxw_workbook* out, const XlsxWorkbook& wb, const XlsxSheet& sheet, CopyFormats& formats,
                         const std::map<std::string, Severity>& marks) {
  lxw_worksheet* ws = workbook_add_worksheet(out, sheet.name.c_str());
  if (!ws) Fail(SourceLoc{wb.path}, "", msg::kCannotWrite, sheet.name);
  auto format_of = [&](const XlsxCell* cell, const std::string& ref) {
    XlsxFont font;
    if (cell && static_cast<size_t>(cell->style) < wb.style_fonts.size())
      font = wb.style_fonts[static_cast<size_t>(cell->style)];
    auto m = marks.find(ref);
    return formats.For(font, m == marks.end() ? 0 : m->second == Severity::kError ? 1 : 2);
  };
  int last_col = 0;
  for (const auto& [pos, cell] : sheet.cells) last_col = std::max(last_col, pos.second);
  for (const auto& m : sheet.merges) {
    const XlsxCell* c = sheet.At(m.first_row, m.first_col);
    worksheet_merge_range(ws, static_cast<lxw_row_t>(m.first_row), static_cast<lxw_col_t>(m.first_col),
                          static_cast<lxw_row_t>(m.last_row), static_cast<lxw_col_t>(m.last_col),
                          c ? c->text.c_str() : "", format_of(c, CellRef(m.first_row, m.first_col)));
  }
  for (const auto& [pos, cell] : sheet.cells) {
    if (sheet.MergeAt(pos.first, pos.second)) continue;
    lxw_format* f = format_of(&cell, cell.ref);
    lxw_row_t row = static_cast<lxw_row_t>(pos.first);
    lxw_col_t col = static_cast<lxw_col_t>(pos.second);
    if (cell.is_number) worksheet_write_number(ws, row, col, std::strtod(ShortestNumber(cell.text).c_str(), nullptr), f);
    else worksheet_write_string(ws, row, col, cell.text.c_str(), f);
  }
  // The submission's column widths where it sets them, from the text where it does not.
  if (!sheet.column_widths.empty()) {
    // A <col> width includes the cell padding (5 px of a 7 px digit) that
    // worksheet_set_column adds again: given back without it.
    for (const auto& w : sheet.column_widths)
      worksheet_set_column(ws, static_cast<lxw_col_t>(w.first), static_cast<lxw_col_t>(w.last),
                           w.width > 12.0 / 7 ? w.width - 5.0 / 7 : w.width, nullptr);
  } else {
    for (int c = 0; c <= last_col; ++c) {
      double width = 8;
      for (const auto& [pos, cell] : sheet.cells)
        if (pos.second == c) width = std::max(width, std::min(TextWidth(cell.text) + 2, 40.0));
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr);
    }
  }
  for (const auto& [r, height] : sheet.row_heights) worksheet_set_row(ws, static_cast<lxw_row_t>(r), height, nullptr);
  if (sheet.landscape) worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);
  return ws;
}

}  // namespace

void WriteAnnotatedCopy(const std::string& xlsx_path, const SheetCheck& check, const std::string& out_path,
                        const std::string* bytes) {
  XlsxWorkbook wb = ReadXlsxBytes(xlsx_path, bytes);
  const XlsxSheet* sheet = wb.Sheet(check.sheet);
  if (!sheet) Fail(SourceLoc{xlsx_path}, "", msg::kImportNoSheet, check.sheet, "");
  PendingFile pending(out_path);
  lxw_workbook* out = NewProjectWorkbook(pending.temp_path());
  if (!out) Fail(SourceLoc{out_path}, "", msg::kCannotWrite, "workbook_new");
  SetWorkbookProperties(out, lxw_doc_properties{});
  lxw_format* plain = BaseCellFormat(out, kCopyFontSize, true);
  format_set_text_wrap(plain);
  format_set_border(plain, LXW_BORDER_THIN);
  format_set_align(plain, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* error = BaseCellFormat(out, kCopyFontSize, true);
  format_set_text_wrap(error);
  format_set_border(error, LXW_BORDER_THIN);
  format_set_bg_color(error, 0xFFC7CE);
  format_set_font_color(error, 0x9C0006);
  lxw_format* warning = BaseCellFormat(out, kCopyFontSize, true);
  format_set_text_wrap(warning);
  format_set_border(warning, LXW_BORDER_THIN);
  format_set_bg_color(warning, 0xFFEB9C);
  lxw_format* header = BaseCellFormat(out, kCopyFontSize, true);
  format_set_bold(header);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_bg_color(header, 0xECEAE2);
  format_set_text_wrap(header);

  // Each flagged cell: its worst severity and every finding's text, for its note.
  std::map<std::string, Severity> severity;
  std::map<std::string, std::string> notes;
  for (const auto& f : check.result.findings) {
    size_t bang = f.loc.cell.rfind('!');
    if (bang == std::string::npos || f.loc.cell.substr(0, bang) != sheet->name) continue;
    std::string ref = f.loc.cell.substr(bang + 1);
    if (!severity.count(ref) || f.severity < severity[ref]) severity[ref] = f.severity;
    std::string& note = notes[ref];
    note += (note.empty() ? "" : "\n") + std::string(f.severity == Severity::kError ? "错误：" : "警告：") + f.message;
  }
  // Every sheet of the submission in its order, values as submitted, in the
  // fonts, widths and heights it had; the checked one with its flagged
  // cells coloured and noted.
  CopyFormats formats(out);
  lxw_worksheet* ws = nullptr;
  int last_col = 0;
  for (const auto& each : wb.sheets) {
    const bool checked = &each == sheet;
    lxw_worksheet* copy = CopySheet(out, wb, each, formats, checked ? severity : std::map<std::string, Severity>{});
    if (!checked) continue;
    ws = copy;
    for (const auto& [pos, cell] : each.cells) last_col = std::max(last_col, pos.second);
  }
  // A flagged cell left blank (a 得分 not filled) is coloured too, and every
  // flagged cell carries its findings as a note.
  lxw_comment_options note_options = {};
  note_options.author = const_cast<char*>("jixiao 审核");
  note_options.width = 320;
  note_options.height = 120;
  for (const auto& [ref, sev] : severity) {
    int r = 0, c = 0;
    if (!ParseCellRef(ref, r, c)) continue;
    lxw_row_t row = static_cast<lxw_row_t>(r);
    lxw_col_t col = static_cast<lxw_col_t>(c);
    if (!sheet->At(r, c) && !sheet->MergeAt(r, c))
      worksheet_write_blank(ws, row, col, sev == Severity::kError ? error : warning);
    worksheet_write_comment_opt(ws, row, col, notes[ref].c_str(), &note_options);
  }
  // 审核得分 and 差额 beside the sheet, pre-filled, for the reviewer to amend.
  int print_last_col = last_col;
  if (!check.review.empty()) {
    print_last_col = last_col + 2;
    lxw_col_t rc = static_cast<lxw_col_t>(last_col + 1), dc = static_cast<lxw_col_t>(last_col + 2);
    int head = check.review.front().row - 1;
    for (const auto& r : check.review) head = std::min(head, r.row - 1);
    if (head >= 0) {
      worksheet_write_string(ws, static_cast<lxw_row_t>(head), rc, "审核得分", header);
      worksheet_write_string(ws, static_cast<lxw_row_t>(head), dc, "差额", header);
    }
    for (const auto& r : check.review) {
      if (r.row < 0) continue;
      lxw_row_t row = static_cast<lxw_row_t>(r.row);
      worksheet_write_number(ws, row, rc, std::strtod(r.accepted.ToFixed(kScorePlaces).c_str(), nullptr), plain);
      Decimal diff = r.accepted - r.submitted.value_or(Decimal(0));
      worksheet_write_number(ws, row, dc, std::strtod(diff.ToFixed(kScorePlaces).c_str(), nullptr),
                             diff.IsZero() ? plain : warning);
    }
    worksheet_set_column(ws, rc, dc, 10, nullptr);
  }
  // On A4 as the submission would print: landscape, one page wide, the
  // header rows repeated, 审核得分 and 差额 inside the print area.
  int last_row = 0;
  for (const auto& [pos, cell] : sheet->cells) last_row = std::max(last_row, pos.first);
  worksheet_set_paper(ws, 9);
  if (sheet->landscape || sheet->column_widths.empty()) worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_print_area(ws, 0, 0, static_cast<lxw_row_t>(last_row), static_cast<lxw_col_t>(print_last_col));
  if (!check.review.empty()) {
    int head = check.review.front().row - 1;
    for (const auto& r : check.review) head = std::min(head, r.row - 1);
    if (head >= 0) worksheet_repeat_rows(ws, 0, static_cast<lxw_row_t>(head));
  }
  // 审核意见: every finding, with its cell.
  // 审核意见, under another name when the submission has a sheet of that name.
  const char* opinions = wb.Sheet("审核意见") ? "审核意见（jixiao）" : "审核意见";
  lxw_worksheet* fs_ = workbook_add_worksheet(out, opinions);
  const char* heads[] = {"序号", "级别", "类别", "单元格", "事项", "报送数", "核定数", "说明", "影响"};
  for (lxw_col_t c = 0; c < 9; ++c) worksheet_write_string(fs_, 0, c, heads[c], header);
  worksheet_set_column(fs_, 0, 2, 10, nullptr);
  worksheet_set_column(fs_, 3, 4, 18, nullptr);
  worksheet_set_column(fs_, 5, 6, 10, nullptr);
  worksheet_set_column(fs_, 7, 7, 60, nullptr);
  worksheet_set_column(fs_, 8, 8, 18, nullptr);
  lxw_row_t row = 1;
  for (const auto& f : check.result.findings) {
    lxw_format* fmt = f.severity == Severity::kError ? error : warning;
    worksheet_write_number(fs_, row, 0, row, plain);
    worksheet_write_string(fs_, row, 1, f.severity == Severity::kError ? "错误" : "警告", fmt);
    worksheet_write_string(fs_, row, 2, CheckKindName(f.kind).c_str(), plain);
    worksheet_write_string(fs_, row, 3, f.loc.cell.c_str(), plain);
    worksheet_write_string(fs_, row, 4, f.subject.c_str(), plain);
    worksheet_write_string(fs_, row, 5, f.stated.c_str(), plain);
    worksheet_write_string(fs_, row, 6, f.expected.c_str(), plain);
    worksheet_write_string(fs_, row, 7, f.message.c_str(), plain);
    worksheet_write_string(fs_, row, 8, f.effect.c_str(), plain);
    ++row;
  }
  if (check.result.findings.empty()) worksheet_write_string(fs_, 1, 0, "未发现问题。", plain);
  worksheet_freeze_panes(fs_, 1, 0);
  worksheet_set_paper(fs_, 9);
  worksheet_set_landscape(fs_);
  worksheet_fit_to_pages(fs_, 1, 0);
  worksheet_repeat_rows(fs_, 0, 0);
  CloseWorkbook(out, pending, out_path);
}

}  // namespace jixiao
