// Reading a filled 数据采集表.xlsx: each sheet's tables are found by their
// labels (formats/xlsx/layouts/collect.h), never by fixed rows, so a workbook re-saved
// by Excel, WPS or LibreOffice, or with rows inserted, reads the same. What
// a workbook gives is gathered first, checked on its own (numbers, 是/否,
// checklist points, duplicates), and then merged into the project under
// the precedence rule in load_workbook.h.
#include "load/load_workbook.h"
#include "base/precision.h"
#include "load/input_kind.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include "base/messages.h"
#include "base/read_file.h"
#include "formats/xlsx/layouts/collect.h"
#include "formats/xlsx/xlsx_reader.h"
#include "rules/rule_kind.h"

namespace fs = std::filesystem;

namespace jixiao {
namespace {

using namespace collect;

// Trims ASCII white space, no-break spaces and ideographic spaces (U+3000),
// which people type around entries in Chinese input methods.
std::string Trim(const std::string& s) {
  size_t b = 0, e = s.size();
  auto space_at = [&](size_t i, bool back) -> size_t {
    static const std::string kNbsp = "\xC2\xA0", kIdeo = "\xE3\x80\x80";
    for (const std::string* sp : {&kNbsp, &kIdeo}) {
      size_t n = sp->size();
      if (!back && i + n <= e && s.compare(i, n, *sp) == 0) return n;
      if (back && i >= b + n && s.compare(i - n, n, *sp) == 0) return n;
    }
    if (!back && i < e && std::isspace(static_cast<unsigned char>(s[i]))) return 1;
    if (back && i > b && std::isspace(static_cast<unsigned char>(s[i - 1]))) return 1;
    return 0;
  };
  for (size_t n; b < e && (n = space_at(b, false)) > 0;) b += n;
  for (size_t n; e > b && (n = space_at(e, true)) > 0;) e -= n;
  return s.substr(b, e - b);
}

std::string LowerAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A date cell's serial day count (1900 system) as 2025年12月10日.
std::string DateText(const std::string& serial) {
  auto d = Decimal::Parse(serial);
  if (!d) return serial;
  long days = d->Floor().Raw().get_num().get_si();
  if (days < 61) return serial;  // before 1900-03-01, where Excel's calendar is wrong
  // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
  long z = days - 25569 + 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long day = doy - (153 * mp + 2) / 5 + 1;
  long month = mp < 10 ? mp + 3 : mp - 9;
  if (month <= 2) ++y;
  return fmt::format("{}年{}月{}日", y, month, day);
}

// Decimal::Parse, plus the exponent writers use for very small or very
// large doubles ("1E-3", "1.5e+20").
std::optional<Decimal> ParseNumberText(const std::string& text) {
  size_t e = text.find_first_of("eE");
  if (e == std::string::npos) return Decimal::Parse(text);
  auto mantissa = Decimal::Parse(text.substr(0, e));
  std::string exp = text.substr(e + 1);
  if (!mantissa || exp.empty() || exp.size() > 3 || text.find('%') != std::string::npos)
    return std::nullopt;
  size_t i = exp[0] == '+' || exp[0] == '-' ? 1 : 0;
  if (i == exp.size() || exp.find_first_not_of("0123456789", i) != std::string::npos)
    return std::nullopt;
  int n = std::stoi(exp.substr(i));
  Decimal scale(1);
  for (int k = 0; k < n; ++k) scale = scale * Decimal(10);
  return exp[0] == '-' ? *mantissa / scale : *mantissa * scale;
}

// A long text cut for a message: the first 30 characters and "…".
std::string Short(const std::string& s) {
  size_t chars = 0, i = 0;
  for (; i < s.size() && chars < 30; ++chars) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  return i >= s.size() ? s : s.substr(0, i) + "…";
}

std::string ShowValue(const Decimal& d, bool percent) {
  return percent ? (d * Decimal(100)).ToExactString() + "%" : d.ToExactString();
}

std::string ShowList(std::vector<int> v) {
  std::sort(v.begin(), v.end());
  std::string s = "[";
  for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
  return s + "]";
}

std::string ShowFundRow(const FundRow& r) {
  return r.name + " " + r.amount.ToExactString() + (r.note.empty() ? "" : " " + r.note);
}

std::string ShowFundYear(const FundYear& y) {
  return fmt::format("{} {} {} {} {}", y.year, y.opening.ToExactString(), y.income.ToExactString(),
                     y.spending.ToExactString(), y.closing.ToExactString());
}

const char* const kInfoKeys[] = {"name",       "year",      "department",     "implementer",
                                 "commissioner", "evaluator", "lead_evaluator", "date"};

std::string* InfoField(ProjectInfo& info, size_t i) {
  std::string* fields[] = {&info.name,         &info.year,      &info.department,
                           &info.implementer,  &info.commissioner, &info.evaluator,
                           &info.lead_evaluator, &info.date};
  return fields[i];
}

// What one workbook gives, with where each piece is.
struct Given {
  std::string text;
  SourceLoc loc;
};

struct GivenAnswer {
  Answer a;
  SourceLoc unmet_loc, met_loc, tier_loc, reason_loc, evidence_loc, deviation_loc;
  bool Any() const {
    return a.unmet || a.met || a.score || !a.points.empty() || a.objects || !a.tier.empty() || !a.reason.empty() ||
           !a.evidence.empty() || !a.target.empty() || !a.actual.empty() ||
           !a.deviation_reason.empty() || a.not_applicable;
  }
};

struct WorkbookData {
  std::map<size_t, Given> info;  // index into kInfoLabels
  std::optional<Given> goal_expected, goal_actual;
  SourceLoc name_cell;
  Budget budget;
  std::vector<NamedValue> values;
  std::vector<Metric> metrics;
  std::optional<Given> funds_unit;
  std::vector<FundRow> sources, uses;
  std::vector<FundYear> balances;
  std::map<std::string, GivenAnswer> answers;
  std::vector<Deduction> deductions;
  std::vector<Survey> surveys;
};

class BookReader {
 public:
  BookReader(const XlsxWorkbook& wb, const IndicatorSystem& sys, Diagnostics& diags)
      : wb_(wb), sys_(sys), diags_(diags) {}

  WorkbookData Read() {
    const char* known[] = {kInfoSheet,      kDataSheet,      kFundsSheet,
                           kIndicatorSheet, kDeductionSheet, kSurveySheet};
    bool any = false;
    for (const char* name : known) any = any || wb_.Sheet(name);
    if (!any) {
      std::string list;
      for (const char* name : known) list += (list.empty() ? "" : "、") + std::string(name);
      diags_.Error(SourceLoc{wb_.path}, "", msg::kWorkbookNotCollect, list);
      return {};
    }
    if (const XlsxSheet* s = wb_.Sheet(kInfoSheet)) ReadInfo(*s);
    if (const XlsxSheet* s = wb_.Sheet(kDataSheet)) ReadData(*s);
    if (const XlsxSheet* s = wb_.Sheet(kFundsSheet)) ReadFunds(*s);
    if (const XlsxSheet* s = wb_.Sheet(kIndicatorSheet)) ReadIndicators(*s);
    if (const XlsxSheet* s = wb_.Sheet(kDeductionSheet)) ReadDeductions(*s);
    if (const XlsxSheet* s = wb_.Sheet(kSurveySheet)) ReadSurveys(*s);
    return std::move(d_);
  }

 private:
  struct Number {
    Decimal value;
    bool percent = false;
  };

  SourceLoc At(const XlsxSheet& s, int r, int c) const {
    return SourceLoc{wb_.path, 0, 0, s.name + "!" + CellRef(r, c)};
  }

  // A formula cell whose file holds no computed value (written by a tool
  // that does not calculate) cannot be read: reported, then "not given".
  bool Unusable(const XlsxSheet& s, const XlsxCell& cell) {
    if (!cell.is_formula || !cell.text.empty()) return false;
    diags_.Error(At(s, cell.row, cell.col), "", msg::kWorkbookFormulaNoValue, cell.formula);
    return true;
  }

  // The cell as text, trimmed; "" when blank. Numbers lose binary-float
  // noise; a date cell becomes 2025年12月10日.
  std::string Text(const XlsxSheet& s, int r, int c) {
    if (c < 0) return "";
    const XlsxCell* cell = s.At(r, c);
    if (!cell || Unusable(s, *cell)) return "";
    if (cell->is_date) return DateText(cell->text);
    if (cell->is_number && cell->is_percent) {
      if (auto d = ParseNumberText(ShortestNumber(cell->text))) return ShowValue(*d, true);
    }
    if (cell->is_number) return ShortestNumber(cell->text);
    return Trim(cell->text);
  }

  bool Blank(const XlsxSheet& s, int r, int c) {
    if (c < 0) return true;
    const XlsxCell* cell = s.At(r, c);
    return !cell || (Trim(cell->text).empty() && !cell->is_formula);
  }

  // The cell as a number, read as the cell shows it (see load_workbook.h);
  // `percent_unit` when the row's unit is %. Blank gives nullopt; anything
  // but a number is reported against `code`.
  std::optional<Number> Num(const XlsxSheet& s, int r, int c, const std::string& code,
                            bool percent_unit) {
    if (c < 0) return std::nullopt;
    const XlsxCell* cell = s.At(r, c);
    if (!cell || Unusable(s, *cell)) return std::nullopt;
    std::string text = cell->is_number ? ShortestNumber(cell->text) : Trim(cell->text);
    if (text.empty()) return std::nullopt;
    bool has_percent = text.find('%') != std::string::npos;
    if (!cell->is_number && text.find("％") != std::string::npos) {
      text.replace(text.find("％"), std::string("％").size(), "%");
      has_percent = true;
    }
    auto d = ParseNumberText(text);
    if (!d) {
      diags_.Error(At(s, r, c), code, msg::kExpectedNumber, text);
      return std::nullopt;
    }
    if (cell->is_number && cell->is_percent) return Number{*d, true};
    if (has_percent) return Number{*d, true};
    if (percent_unit) return Number{*d / Decimal(100), true};
    return Number{*d, false};
  }

  // The first row at or after `from` whose column A reads `label`; -1 if none.
  int FindRow(const XlsxSheet& s, const std::string& label, int from = 0) {
    for (int r = from; r < s.RowCount(); ++r)
      if (Label(s, r, 0) == label) return r;
    return -1;
  }

  // A cell's text for finding the layout (labels, headers): trimmed, and
  // without reporting anything, since the same cell may be looked at often.
  static std::string Label(const XlsxSheet& s, int r, int c) { return Trim(s.Text(r, c)); }

  // The column of each header label in `row`; -1 for a missing one, which
  // is reported when `required`.
  std::vector<int> Columns(const XlsxSheet& s, int row, std::initializer_list<const char*> labels,
                           bool required = true) {
    std::vector<int> out;
    for (const char* label : labels) {
      int found = -1;
      for (const auto& [key, cell] : s.cells)
        if (key.first == row && Trim(cell.text) == label) found = key.second;
      if (found < 0 && required) diags_.Error(At(s, row, 0), "", msg::kWorkbookNoHeader, s.name, label);
      out.push_back(found);
    }
    return out;
  }

  // ---- 基本信息: label | value ----
  void ReadInfo(const XlsxSheet& s) {
    for (int r = 0; r < s.RowCount(); ++r) {
      std::string label = Label(s, r, 0);
      if (label == kGoalExpected || label == kGoalActual) {
        std::string value = Text(s, r, 1);
        auto& goal = label == kGoalExpected ? d_.goal_expected : d_.goal_actual;
        if (!value.empty()) goal = Given{value, At(s, r, 1)};
      }
      for (size_t i = 0; i < std::size(kInfoLabels); ++i) {
        if (label != kInfoLabels[i]) continue;
        if (i == 0) d_.name_cell = At(s, r, 1);
        std::string value = Text(s, r, 1);
        if (value.empty()) continue;
        if (d_.info.count(i))
          diags_.Error(At(s, r, 1), "", msg::kDuplicateName, label);
        else
          d_.info[i] = Given{value, At(s, r, 1)};
      }
    }
  }

  // ---- 数据: 名称 | 数值 | 单位 | 计算公式 | 用于指标 | 备注 ----
  void ReadData(const XlsxSheet& s) {
    int header = FindRow(s, kDataName);
    if (header < 0) {
      diags_.Error(At(s, 0, 0), "", msg::kWorkbookNoHeader, s.name, kDataName);
      return;
    }
    auto cols = Columns(s, header, {kDataValue, kDataUnit, kDataFormula});
    if (std::count(cols.begin(), cols.end(), -1)) return;
    const int vc = cols[0], uc = cols[1], fc = cols[2];
    std::map<std::string, SourceLoc> seen;
    for (int r = header + 1; r < s.RowCount(); ++r) {
      std::string name = Text(s, r, 0);
      std::string unit = Text(s, r, uc);
      bool percent_unit = unit == "%" || unit == "％";
      auto value = Num(s, r, vc, "", percent_unit);
      // A formula typed with a leading "=" becomes an Excel formula: its
      // text is the formula, whatever Excel made of it.
      std::string formula;
      if (const XlsxCell* cell = s.At(r, fc))
        formula = cell->is_formula ? Trim(cell->formula) : Text(s, r, fc);
      if (!formula.empty() && formula[0] == '=') formula = Trim(formula.substr(1));
      bool value_written = !Blank(s, r, vc);
      if (!value_written && formula.empty()) continue;  // a name alone: not given
      SourceLoc loc = At(s, r, value_written ? vc : fc);
      if (name.empty()) {
        diags_.Error(loc, "", msg::kWorkbookRowWithoutKey, kDataName);
        continue;
      }
      if (value_written && !formula.empty()) {
        diags_.Error(At(s, r, fc), "", msg::kWorkbookValueAndFormula, name);
        continue;
      }
      if (!seen.emplace(name, loc).second) {
        diags_.Error(loc, "", msg::kDuplicateName, name);
        continue;
      }
      if (value_written) {
        if (value) d_.values.push_back(NamedValue{name, value->value, value->percent, loc});
        continue;
      }
      Metric m;
      m.name = name;
      m.loc = loc;
      m.percent = percent_unit;
      try {
        m.formula = Formula::Parse(formula);
      } catch (const FormulaError& e) {
        diags_.Error(loc, "", msg::kFormulaSyntax, QuoteFormula(formula), e.what());
        continue;
      }
      d_.metrics.push_back(m);
    }
  }

  // ---- 资金: the unit, then three tables found by their first header ----
  void ReadFunds(const XlsxSheet& s) {
    int unit_row = FindRow(s, kFundsUnit);
    std::optional<Given> unit;
    if (unit_row >= 0) {
      std::string u = Text(s, unit_row, 1);
      if (!u.empty() && u != "万元" && u != "元")
        diags_.Error(At(s, unit_row, 1), "", msg::kBadChoice, u, "万元, 元");
      else if (!u.empty())
        unit = Given{u, At(s, unit_row, 1)};
    }
    auto is_header = [&](int r) {
      std::string a = Label(s, r, 0);
      return a == kFundsSources || a == kFundsUses || a == kFundsYear || a == kFundsTotal ||
             a == kBudget;
    };
    ReadBudget(s, unit);
    auto rows = [&](const char* first, std::vector<FundRow>& out) {
      int header = FindRow(s, first);
      if (header < 0) return;
      for (int r = header + 1; r < s.RowCount() && !is_header(r); ++r) {
        std::string name = Text(s, r, 0), note = Text(s, r, 2);
        auto amount = Num(s, r, 1, "", false);
        bool amount_written = !Blank(s, r, 1);
        if (name.empty() && !amount_written && note.empty()) continue;
        if (name.empty()) {
          diags_.Error(At(s, r, 0), "", msg::kWorkbookIncompleteRow, first);
          continue;
        }
        if (!amount_written) {
          diags_.Error(At(s, r, 1), "", msg::kWorkbookIncompleteRow, "金额");
          continue;
        }
        if (amount) out.push_back(FundRow{name, amount->value, note, At(s, r, 0)});
      }
    };
    rows(kFundsSources, d_.sources);
    rows(kFundsUses, d_.uses);
    if (int header = FindRow(s, kFundsYear); header >= 0) {
      const char* names[] = {kFundsYear, "年初结余", "本年收入", "本年支出", "年末结余"};
      for (int r = header + 1; r < s.RowCount() && !is_header(r); ++r) {
        bool any = false, all = true;
        for (int c = 0; c < 5; ++c) {
          bool blank = Blank(s, r, c);
          any = any || !blank;
          all = all && !blank;
        }
        if (!any) continue;
        if (!all) {
          for (int c = 0; c < 5; ++c)
            if (Blank(s, r, c)) diags_.Error(At(s, r, c), "", msg::kWorkbookIncompleteRow, names[c]);
          continue;
        }
        FundYear y;
        y.year = Text(s, r, 0);
        y.loc = At(s, r, 0);
        auto o = Num(s, r, 1, "", false), i = Num(s, r, 2, "", false), sp = Num(s, r, 3, "", false),
             cl = Num(s, r, 4, "", false);
        if (!o || !i || !sp || !cl) continue;
        y.opening = o->value;
        y.income = i->value;
        y.spending = sp->value;
        y.closing = cl->value;
        d_.balances.push_back(y);
      }
    }
    if (!d_.sources.empty() || !d_.uses.empty() || !d_.balances.empty())
      d_.funds_unit = unit ? unit : Given{"万元", unit_row >= 0 ? At(s, unit_row, 1) : At(s, 0, 0)};
  }

  // ---- 资金: 项目资金, the annual total and its sources by column ----
  void ReadBudget(const XlsxSheet& s, const std::optional<Given>& unit) {
    int header = FindRow(s, kBudget);
    if (header < 0) return;
    std::vector<int> cols;
    for (const char* label : kBudgetColumns) cols.push_back(Columns(s, header, {label})[0]);
    if (std::count(cols.begin(), cols.end(), -1)) return;
    using Field = std::optional<Decimal> BudgetRow::*;
    const Field fields[] = {&BudgetRow::initial, &BudgetRow::full_year, &BudgetRow::adjusted,
                            &BudgetRow::received, &BudgetRow::executed};
    Budget& b = d_.budget;
    for (int r = header + 1; r < s.RowCount(); ++r) {
      std::string name = Text(s, r, 0);
      if (name.empty() || name == kFundsSources || name == kFundsUses || name == kFundsYear) break;
      const std::string prefix = "其中：";
      if (name.rfind(prefix, 0) == 0) name = Trim(name.substr(prefix.size()));
      BudgetRow row;
      row.name = name;
      row.loc = At(s, r, 0);
      bool any = false;
      for (size_t i = 0; i < std::size(fields); ++i) {
        if (auto n = Num(s, r, cols[i], "", false)) {
          row.*fields[i] = n->value;
          any = true;
        }
      }
      if (!any) continue;
      b.present = true;
      if (!b.loc.Known()) b.loc = row.loc;
      if (name == kBudgetTotal) b.total = row;
      else b.sources.push_back(row);
    }
    if (!b.present) return;
    b.total.name = kBudgetTotal;
    if (unit) b.unit = unit->text;
    // As in project.yaml: a total left out is the sum of its sources; a
    // total given must equal it.
    for (size_t i = 0; i < std::size(fields); ++i) {
      Decimal sum;
      bool any = false;
      for (const auto& row : b.sources) {
        if (!(row.*fields[i])) continue;
        sum += *(row.*fields[i]);
        any = true;
      }
      if (!any) continue;
      if (!(b.total.*fields[i])) b.total.*fields[i] = sum;
      else if (*(b.total.*fields[i]) != sum)
        diags_.Error(b.total.loc.Known() ? b.total.loc : b.loc, "", msg::kBudgetSourcesSum,
                     kBudgetColumns[i], sum.ToExactString(), (b.total.*fields[i])->ToExactString());
    }
  }

  // ---- 指标: indicator rows keyed by code, item rows by <code>-<n> ----
  void ReadIndicators(const XlsxSheet& s) {
    int header = FindRow(s, kIndCode);
    if (header < 0) {
      diags_.Error(At(s, 0, 0), "", msg::kWorkbookNoHeader, s.name, kIndCode);
      return;
    }
    auto cols = Columns(s, header, {kIndJudgement, kIndScore, kIndReason, kIndEvidence});
    if (std::count(cols.begin(), cols.end(), -1)) return;
    const int jc = cols[0], sc = cols[1], rc = cols[2], ec = cols[3];
    // Only in workbooks of systems with target rules.
    auto target_cols = Columns(s, header, {kIndTarget, kIndActual, kIndDeviation}, false);
    ind_cols_ = {jc, sc, rc, ec, target_cols[0], target_cols[1], target_cols[2]};
    std::vector<std::string> leaves;
    sys_.ForEach([&](const Indicator& i) {
      if (i.IsLeaf()) leaves.push_back(i.code);
    });
    // code → item number → what its 评价 cell says, and where; and where each item row is.
    struct ItemGiven {
      std::optional<bool> yes;        // 是/否
      std::optional<Decimal> number;  // a count of failures, or a point's score
      SourceLoc at;
    };
    std::map<std::string, std::map<int, ItemGiven>> items;
    std::map<std::string, std::map<int, int>> item_rows;
    std::map<std::string, int> indicator_rows;
    for (int r = header + 1; r < s.RowCount(); ++r) {
      const std::string key = Text(s, r, 0);
      const std::string judgement = Text(s, r, jc);
      const bool rest_filled = !Blank(s, r, sc) || !Blank(s, r, rc) || !Blank(s, r, ec) ||
                               !Blank(s, r, ind_cols_.actual) || !Blank(s, r, ind_cols_.deviation);
      const bool filled = !judgement.empty() || rest_filled;
      if (key.empty()) {
        if (filled) diags_.Error(At(s, r, judgement.empty() ? sc : jc), "", msg::kWorkbookRowWithoutKey, kIndCode);
        continue;
      }
      const Indicator* ind = sys_.Find(key);
      if (ind && ind->IsLeaf()) {
        if (!indicator_rows.emplace(key, r).second) {
          diags_.Error(At(s, r, 0), key, msg::kDuplicateAnswer, key);
          continue;
        }
        ReadIndicatorRow(s, r, *ind);
        continue;
      }
      if (ind) {
        if (filled) diags_.Error(At(s, r, 0), key, msg::kAnswerForParent, key, sys_.file);
        continue;
      }
      // <code>-<n>: point n of a checklist.
      size_t dash = key.rfind('-');
      const Indicator* owner = dash == std::string::npos ? nullptr : sys_.Find(key.substr(0, dash));
      std::string number = dash == std::string::npos ? "" : key.substr(dash + 1);
      bool item_key = owner && owner->IsLeaf() && !number.empty() && number.size() <= 4 &&
                      number.find_first_not_of("0123456789") == std::string::npos;
      if (!item_key) {
        if (filled)
          diags_.ErrorHint(At(s, r, 0), key, NearestName(key, leaves), msg::kUnknownIndicator, key,
                           sys_.file);
        continue;
      }
      const std::string& code = owner->code;
      const Rule& rule = *owner->rule;
      int n = std::stoi(number);
      item_rows[code][n] = r;
      if (rest_filled) diags_.Error(At(s, r, jc), code, msg::kWorkbookItemRowOnly);
      if (judgement.empty()) continue;
      const WorkbookEntry entry = UnitOf(rule.kind).Workbook(*owner, rule, sys_);
      size_t count = entry.items.size();
      if (n < 1 || static_cast<size_t>(n) > count) {
        diags_.Error(At(s, r, jc), code, msg::kNoSuchPoint, n, count);
        continue;
      }
      using Input = WorkbookEntry::ItemInput;
      const Input input = entry.item_inputs.empty() ? Input::kYesNo : entry.item_inputs[static_cast<size_t>(n - 1)];
      ItemGiven given{std::nullopt, std::nullopt, At(s, r, jc)};
      if (input == Input::kNone) {
        diags_.Error(At(s, r, jc), code, msg::kWorkbookNotForRule, UnitOf(rule.kind).Label(),
                     "该要点由数据计算，在“数据”表填写");
        continue;
      } else if (input == Input::kYesNo) {
        given.yes = ParseYesNo(LowerAscii(judgement));
        if (!given.yes) {
          diags_.Error(At(s, r, jc), code, msg::kExpectedYesNo, judgement);
          continue;
        }
      } else {
        auto v = Num(s, r, jc, code, false);
        if (!v) continue;  // Num reported it
        if (input == Input::kCount && (!v->value.IsInteger() || v->value.Sign() < 0)) {
          diags_.Error(At(s, r, jc), code, msg::kExpectedCount, "不满足的项数", v->value.ToExactString());
          continue;
        }
        given.number = v->value;
      }
      if (!items[code].emplace(n, given).second)
        diags_.Error(At(s, r, jc), code, msg::kDuplicateAnswer, key);
    }
    // A checklist is answered whole: every point 是 or 否 (or its count or
    // score), or none; a point computed from the 数据 sheet is not asked.
    for (const auto& [code, given] : items) {
      const Indicator& ind = *sys_.Find(code);
      bool complete = true;
      const WorkbookEntry entry = UnitOf(ind.rule->kind).Workbook(ind, *ind.rule, sys_);
      const size_t count = entry.items.size();
      for (size_t n = 1; n <= count; ++n) {
        if (given.count(static_cast<int>(n))) continue;
        if (!entry.item_inputs.empty() && entry.item_inputs[n - 1] == WorkbookEntry::ItemInput::kNone) continue;
        complete = false;
        auto row = item_rows[code].find(static_cast<int>(n));
        SourceLoc at = row != item_rows[code].end() ? At(s, row->second, jc)
                       : indicator_rows.count(code) ? At(s, indicator_rows[code], 0)
                                                    : given.begin()->second.at;
        diags_.Error(at, code, msg::kWorkbookItemMissing, n);
      }
      if (!complete) continue;
      GivenAnswer& g = d_.answers[code];
      if (g.a.code.empty()) {
        g.a.code = code;
        g.a.loc = given.begin()->second.at;
      }
      g.unmet_loc = given.begin()->second.at;
      if (!entry.item_inputs.empty()) {
        // A points rule: each row is a point's answer. The indicator's 扣分原因
        // is the reason of a point scored below its share (MergeAnswers).
        for (const auto& [n, item] : given) {
          PointAnswer pa;
          pa.number = n;
          pa.loc = item.at;
          if (item.yes) pa.met = item.yes;
          else if (entry.item_inputs[static_cast<size_t>(n - 1)] == WorkbookEntry::ItemInput::kCount) pa.failures = item.number;
          else pa.score = item.number;
          g.a.points.push_back(pa);
        }
        continue;
      }
      std::vector<int> unmet;
      for (const auto& [n, item] : given)
        if (!*item.yes) unmet.push_back(n);
      g.a.unmet = unmet;
    }
    for (auto it = d_.answers.begin(); it != d_.answers.end();)
      it = it->second.Any() ? std::next(it) : d_.answers.erase(it);
  }

  void ReadIndicatorRow(const XlsxSheet& s, int r, const Indicator& ind) {
    const int jc = ind_cols_.judgement, sc = ind_cols_.score, rc = ind_cols_.reason,
              ec = ind_cols_.evidence;
    const Rule& rule = *ind.rule;
    const WorkbookEntry entry = UnitOf(rule.kind).Workbook(ind, rule, sys_);  // rules/kinds/
    GivenAnswer& g = d_.answers[ind.code];
    g.a.code = ind.code;
    g.a.loc = At(s, r, 0);
    std::string judgement = Text(s, r, jc);
    if (!judgement.empty()) {
      using Judgement = WorkbookEntry::Judgement;
      const bool offers_na = std::find(entry.choices.begin(), entry.choices.end(), kNotApplicable) !=
                             entry.choices.end();
      if (entry.judgement == Judgement::kYesNo) {
        auto yes = ParseYesNo(LowerAscii(judgement));
        if (!yes) diags_.Error(At(s, r, jc), ind.code, msg::kExpectedYesNo, judgement);
        g.a.met = yes;
        g.met_loc = At(s, r, jc);
      } else if (entry.judgement == Judgement::kChoice && offers_na && judgement == kNotApplicable) {
        g.a.not_applicable = true;
        g.a.loc = g.tier_loc = At(s, r, jc);
      } else if (entry.judgement == Judgement::kChoice) {
        g.a.tier = judgement;
        g.a.loc = g.tier_loc = At(s, r, jc);
      } else if (entry.judgement == Judgement::kCount) {
        if (auto v = Num(s, r, jc, ind.code, false)) {
          if (!v->value.IsInteger() || v->value.Sign() < 0)
            diags_.Error(At(s, r, jc), ind.code, msg::kExpectedCount, "objects", v->value.ToExactString());
          else
            g.a.objects = v->value;
          g.a.objects_loc = At(s, r, jc);
        }
      } else {
        diags_.Error(At(s, r, jc), ind.code, msg::kWorkbookNotForRule, UnitOf(rule.kind).Label(),
                     !entry.items.empty() ? "在下方各要点行选 是/否" : "由数据计算，在“数据”表填写");
      }
    }
    if (auto score = Num(s, r, sc, ind.code, false)) {
      g.a.score = score->value;
      g.a.score_loc = At(s, r, sc);
    }
    g.a.reason = Text(s, r, rc);
    g.reason_loc = At(s, r, rc);
    g.a.evidence = Text(s, r, ec);
    g.evidence_loc = At(s, r, ec);
    // 年度指标值 (read when it differs from the system's), 实际完成值, 偏差原因.
    const int tc = ind_cols_.target, ac = ind_cols_.actual, dc = ind_cols_.deviation;
    if (!entry.targets) {
      for (int c : {ac, dc})
        if (c >= 0 && !Blank(s, r, c))
          diags_.Error(At(s, r, c), ind.code, msg::kWorkbookNotForRule, UnitOf(rule.kind).Label(),
                       "实际完成值和偏差原因只用于对照年度指标值计分的指标");
      return;
    }
    std::string target = Text(s, r, tc);
    if (!target.empty() && target != entry.stated_target) {
      g.a.target = target;
      g.a.target_loc = At(s, r, tc);
    }
    g.a.actual = Text(s, r, ac);
    g.a.actual_loc = At(s, r, ac);
    g.a.deviation_reason = Text(s, r, dc);
    g.deviation_loc = At(s, r, dc);
  }

  // ---- 减分项: 序号 | 减分原因 | 扣分 ----
  void ReadDeductions(const XlsxSheet& s) {
    int header = FindRow(s, kDedNo);
    if (header < 0) {
      diags_.Error(At(s, 0, 0), "", msg::kWorkbookNoHeader, s.name, kDedNo);
      return;
    }
    auto cols = Columns(s, header, {kDedReason, kDedPoints});
    if (std::count(cols.begin(), cols.end(), -1)) return;
    for (int r = header + 1; r < s.RowCount(); ++r) {
      std::string reason = Text(s, r, cols[0]);
      bool points_written = !Blank(s, r, cols[1]);
      if (reason.empty() && !points_written) continue;
      if (reason.empty() || !points_written) {
        diags_.Error(At(s, r, reason.empty() ? cols[0] : cols[1]), "", msg::kWorkbookIncompleteRow,
                     reason.empty() ? kDedReason : kDedPoints);
        continue;
      }
      auto points = Num(s, r, cols[1], "", false);
      if (!points) continue;
      if (points->value.Sign() < 0) {
        diags_.Error(At(s, r, cols[1]), "", msg::kMustBePositive, kDedPoints);
        continue;
      }
      d_.deductions.push_back(Deduction{reason, points->value, At(s, r, cols[1])});
    }
  }

  // ---- 满意度: blocks that start with a 编号 row ----
  void ReadSurveys(const XlsxSheet& s) {
    std::set<std::string> ids;
    for (int r = FindRow(s, kSurveyId); r >= 0; r = FindRow(s, kSurveyId, r + 1)) {
      Survey sv;
      sv.id = Text(s, r, 1);
      sv.title = Text(s, r, 3);
      sv.loc = At(s, r, 1);
      const std::string kind = Label(s, r + 1, 0);
      bool filled = !sv.id.empty() || !sv.title.empty();
      if (kind == kSurveyOptions) {
        int last = 0;
        for (const auto& [key, cell] : s.cells)
          if ((key.first == r + 1 || key.first == r + 2) && key.second > last) last = key.second;
        for (int c = 1; c <= last; ++c) {
          std::string option = Text(s, r + 1, c);
          bool count_written = !Blank(s, r + 2, c);
          if (option.empty() && !count_written) continue;
          filled = true;
          if (option.empty() || !count_written) {
            diags_.Error(At(s, option.empty() ? r + 1 : r + 2, c), "", msg::kWorkbookIncompleteRow,
                         option.empty() ? kSurveyOptions : kSurveyCounts);
            continue;
          }
          auto count = Num(s, r + 2, c, "", false);
          if (!count) continue;
          if (!count->value.IsInteger() || count->value.Sign() < 0) {
            diags_.Error(At(s, r + 2, c), "", msg::kBadCount, count->value.ToExactString());
            continue;
          }
          sv.options.push_back(option);
          sv.counts.push_back(count->value);
        }
      } else if (kind == kSurveyItems) {
        auto rate_col = Columns(s, r + 1, {kSurveyRate})[0];
        if (rate_col < 0) continue;
        for (int i = r + 2; i < s.RowCount() && Label(s, i, 0) != kSurveyId; ++i) {
          std::string item = Text(s, i, 0);
          bool rate_written = !Blank(s, i, rate_col);
          if (item.empty() && !rate_written) continue;
          filled = true;
          if (item.empty() || !rate_written) {
            diags_.Error(At(s, i, item.empty() ? 0 : rate_col), "", msg::kWorkbookIncompleteRow,
                         item.empty() ? kSurveyItems : kSurveyRate);
            continue;
          }
          auto rate = Num(s, i, rate_col, "", true);
          if (!rate) continue;
          if (rate->value.Sign() < 0 || rate->value > Decimal(1)) {
            diags_.Error(At(s, i, rate_col), "", msg::kRateOutOfRange, rate->value.ToPercent(kPercentPlaces),
                         "100%");
            continue;
          }
          sv.items.emplace_back(item, rate->value);
        }
      }
      if (!filled) continue;
      if (sv.id.empty()) {
        diags_.Error(sv.loc, "", msg::kWorkbookRowWithoutKey, kSurveyId);
        continue;
      }
      if (!ids.insert(sv.id).second) {
        diags_.Error(sv.loc, "", msg::kDuplicateSurvey, sv.id);
        continue;
      }
      if (sv.options.empty() && sv.items.empty()) {
        diags_.Error(sv.loc, "", msg::kWorkbookIncompleteRow,
                     std::string(kSurveyOptions) + " + " + kSurveyCounts + " / " + kSurveyItems);
        continue;
      }
      d_.surveys.push_back(sv);
    }
  }

  struct IndicatorColumns {
    int judgement = -1, score = -1, reason = -1, evidence = -1;
    int target = -1, actual = -1, deviation = -1;
  };

  const XlsxWorkbook& wb_;
  const IndicatorSystem& sys_;
  Diagnostics& diags_;
  WorkbookData d_;
  IndicatorColumns ind_cols_;
};

// Merging one workbook's data into the project: what the project lacks is
// added; what it has must match.
class Merger {
 public:
  Merger(Project& p, const YamlFile& y, Diagnostics& diags) : p_(p), y_(y), diags_(diags) {
    const YamlNode& root = y.root();
    for (size_t i = 0; i < std::size(kInfoKeys); ++i) {
      const YamlNode info = root["project"];
      if (info && info.IsMap() && info[kInfoKeys[i]]) info_locs_[i] = y.Loc(info[kInfoKeys[i]]);
    }
  }

  void Merge(const WorkbookData& d) {
    MergeInfo(d);
    MergeGoals(d);
    MergeBudget(d);
    MergeValues(d);
    MergeFunds(d);
    MergeAnswers(d);
    MergeDeductions(d);
    MergeSurveys(d);
  }

 private:
  void Conflict(const SourceLoc& at, const std::string& code, const std::string& what,
                const std::string& given, const SourceLoc& other, const std::string& other_value) {
    diags_.Error(at, code, msg::kWorkbookConflict, what, Short(given), other.ToString(),
                 Short(other_value));
  }

  SourceLoc YamlLoc(const char* key) const {
    const YamlNode& root = y_.root();
    return root[key] ? y_.Loc(root[key]) : SourceLoc{y_.path()};
  }

  void MergeInfo(const WorkbookData& d) {
    for (const auto& [i, given] : d.info) {
      std::string* field = InfoField(p_.info, i);
      if (field->empty()) {
        *field = given.text;
        info_locs_[i] = given.loc;
      } else if (*field != given.text) {
        Conflict(given.loc, "", std::string(kInfoLabels[i]) + " (project." + kInfoKeys[i] + ")",
                 given.text, info_locs_[i], *field);
      }
    }
  }

  void MergeGoals(const WorkbookData& d) {
    auto merge = [&](std::string& have, const std::optional<Given>& given, const char* key,
                     const char* what) {
      if (!given) return;
      if (have.empty()) {
        have = given->text;
        return;
      }
      if (have == given->text) return;
      const YamlNode& root = y_.root();
      SourceLoc at = root["goals"] && root["goals"].IsMap() && root["goals"][key]
                         ? y_.Loc(root["goals"][key])
                         : YamlLoc("goals");
      Conflict(given->loc, "", what, given->text, at, have);
    };
    merge(p_.goals.expected, d.goal_expected, "expected", "年度总体目标 (goals.expected)");
    merge(p_.goals.actual, d.goal_actual, "actual", "全年实际完成情况 (goals.actual)");
  }

  void MergeBudget(const WorkbookData& d) {
    if (!d.budget.present) return;
    if (!p_.budget.present) {
      p_.budget = d.budget;
      return;
    }
    auto show = [](const BudgetRow& r) {
      std::string s = r.name;
      for (const auto* f : {&r.initial, &r.full_year, &r.adjusted, &r.received, &r.executed})
        s += " " + (*f ? (*f)->ToExactString() : std::string("-"));
      return s;
    };
    std::vector<BudgetRow> have = {p_.budget.total}, given = {d.budget.total};
    have.insert(have.end(), p_.budget.sources.begin(), p_.budget.sources.end());
    given.insert(given.end(), d.budget.sources.begin(), d.budget.sources.end());
    MergeTable(have, given, kBudget, p_.budget.loc, show);  // both given: they must agree
    if (p_.budget.unit != d.budget.unit)
      Conflict(d.budget.loc, "", "项目资金 金额单位 (budget.unit)", d.budget.unit, p_.budget.loc,
               p_.budget.unit);
  }

  void MergeValues(const WorkbookData& d) {
    for (const auto& v : d.values) {
      if (const NamedValue* e = FindValue(v.name)) {
        if (e->value != v.value)
          Conflict(v.loc, "", v.name, ShowValue(v.value, v.percent), e->loc,
                   ShowValue(e->value, e->percent));
      } else if (const Metric* m = FindMetric(v.name)) {
        Conflict(v.loc, "", v.name, ShowValue(v.value, v.percent), m->loc, m->formula.Text());
      } else {
        p_.values.push_back(v);
      }
    }
    for (const auto& m : d.metrics) {
      if (const Metric* e = FindMetric(m.name)) {
        if (e->formula.Text() != m.formula.Text() || e->percent != m.percent)
          Conflict(m.loc, "", m.name, m.formula.Text() + (m.percent ? "（%）" : ""), e->loc,
                   e->formula.Text() + (e->percent ? "（%）" : ""));
      } else if (const NamedValue* v = FindValue(m.name)) {
        Conflict(m.loc, "", m.name, m.formula.Text(), v->loc, ShowValue(v->value, v->percent));
      } else {
        p_.metrics.push_back(m);
      }
    }
  }

  const NamedValue* FindValue(const std::string& name) const {
    for (const auto& v : p_.values)
      if (v.name == name) return &v;
    return nullptr;
  }
  const Metric* FindMetric(const std::string& name) const {
    for (const auto& m : p_.metrics)
      if (m.name == name) return &m;
    return nullptr;
  }

  template <typename Row, typename Show>
  void MergeTable(std::vector<Row>& have, const std::vector<Row>& given, const char* what,
                  const SourceLoc& have_loc, Show show) {
    if (given.empty()) return;
    if (have.empty()) {
      have = given;
      return;
    }
    for (size_t i = 0; i < std::max(have.size(), given.size()); ++i) {
      std::string a = i < given.size() ? show(given[i]) : "", b = i < have.size() ? show(have[i]) : "";
      if (a == b) continue;
      Conflict(i < given.size() ? given[i].loc : given.back().loc, "",
               fmt::format("{} 第 {} 行", what, i + 1), a, i < have.size() ? have[i].loc : have_loc, b);
      return;
    }
  }

  void MergeFunds(const WorkbookData& d) {
    if (!d.funds_unit) return;
    bool had = !p_.funds.Empty();
    if (had && p_.funds.unit != d.funds_unit->text) {
      const YamlNode& root = y_.root();
      SourceLoc at = root["funds"] && root["funds"].IsMap() && root["funds"]["unit"]
                         ? y_.Loc(root["funds"]["unit"])
                         : YamlLoc("funds");
      Conflict(d.funds_unit->loc, "", "资金 金额单位 (funds.unit)", d.funds_unit->text, at,
               p_.funds.unit);
    } else if (!had) {
      p_.funds.unit = d.funds_unit->text;
    }
    SourceLoc at = YamlLoc("funds");
    MergeTable(p_.funds.sources, d.sources, kFundsSources, at, ShowFundRow);
    MergeTable(p_.funds.uses, d.uses, kFundsUses, at, ShowFundRow);
    MergeTable(p_.funds.balances, d.balances, "资金结余", at, ShowFundYear);
  }

  void MergeAnswers(const WorkbookData& d) {
    for (const auto& entry : d.answers) {
      // Named, not a structured binding: a lambda below captures `code`,
      // which C++17 (and clang before 16) allows only for variables.
      const std::string& code = entry.first;
      const auto& g = entry.second;
      CheckEvidenceFile(code, g);
      auto it = p_.answers.find(code);
      if (it == p_.answers.end()) {
        p_.answers.emplace(code, g.a);
        continue;
      }
      Answer& e = it->second;
      const Answer& w = g.a;
      if (w.unmet) {
        if (!e.unmet) {
          e.unmet = w.unmet;
        } else {
          auto a = *w.unmet, b = *e.unmet;
          std::sort(a.begin(), a.end());
          std::sort(b.begin(), b.end());
          b.erase(std::unique(b.begin(), b.end()), b.end());
          if (a != b) Conflict(g.unmet_loc, code, "unmet（不满足的要点）", ShowList(a), e.loc, ShowList(b));
        }
      }
      if (!w.points.empty()) {
        if (e.points.empty()) e.points = w.points;
        else Conflict(w.points.front().loc, code, "points（各要点评价）", "数据采集表", e.loc, "project.yaml");
      }
      if (w.objects) {
        if (!e.objects) {
          e.objects = w.objects;
          e.objects_loc = w.objects_loc;
        } else if (*e.objects != *w.objects) {
          Conflict(w.objects_loc, code, "objects（不达标对象数）", w.objects->ToExactString(), e.objects_loc,
                   e.objects->ToExactString());
        }
      }
      if (w.met) {
        if (!e.met) e.met = w.met;
        else if (*e.met != *w.met)
          Conflict(g.met_loc, code, "met（评价）", *w.met ? "是" : "否", e.loc, *e.met ? "是" : "否");
      }
      if (w.score) {
        if (!e.score) {
          e.score = w.score;
          e.score_loc = w.score_loc;
        } else if (*e.score != *w.score) {
          Conflict(w.score_loc, code, "score（得分）", w.score->ToExactString(), e.score_loc,
                   e.score->ToExactString());
        }
      }
      auto text = [&](std::string& have, const std::string& given, const SourceLoc& at,
                      const char* what) {
        if (given.empty()) return;
        if (have.empty()) have = given;
        else if (have != given) Conflict(at, code, what, given, e.loc, have);
      };
      text(e.tier, w.tier, g.tier_loc, "tier（档次）");
      text(e.target, w.target, w.target_loc, "target（年度指标值）");
      text(e.actual, w.actual, w.actual_loc, "actual（实际完成值）");
      text(e.deviation_reason, w.deviation_reason, g.deviation_loc, "deviation_reason（偏差原因）");
      if (w.not_applicable && !e.not_applicable) e.not_applicable = true;
      text(e.reason, w.reason, g.reason_loc, "reason（扣分原因）");
      text(e.evidence, w.evidence, g.evidence_loc, "佐证材料");
    }
  }

  // 佐证材料 may also be written as text/指标/<code>.md; both must agree.
  void CheckEvidenceFile(const std::string& code, const GivenAnswer& g) {
    if (g.a.evidence.empty()) return;
    fs::path file = fs::path(p_.text_dir) / "指标" / (code + ".md");
    if (!p_.Files().IsFile(file.string())) return;
    std::string text = Trim(p_.Files().Read(file.string()).value_or(""));
    if (text != g.a.evidence) Conflict(g.evidence_loc, code, "佐证材料", g.a.evidence, SourceLoc{file.string()}, text);
  }

  void MergeDeductions(const WorkbookData& d) {
    if (d.deductions.empty()) return;
    if (!p_.system->deduction_cap) {
      diags_.Error(d.deductions.front().loc, "", msg::kDeductionsWithoutCap, p_.system->file);
      return;
    }
    MergeTable(p_.deductions, d.deductions, kDeductionSheet, YamlLoc("deductions"),
               [](const Deduction& x) { return x.reason + " " + x.points.ToExactString(); });
  }

  void MergeSurveys(const WorkbookData& d) {
    auto show = [](const Survey& s) {
      std::string out;
      for (size_t i = 0; i < s.options.size(); ++i)
        out += (out.empty() ? "" : "、") + s.options[i] + " " + s.counts[i].ToExactString();
      for (const auto& [item, rate] : s.items)
        out += (out.empty() ? "" : "、") + item + " " + ShowValue(rate, true);
      return out;
    };
    for (const auto& s : d.surveys) {
      auto e = std::find_if(p_.surveys.begin(), p_.surveys.end(),
                            [&](const Survey& x) { return x.id == s.id; });
      if (e == p_.surveys.end()) {
        p_.surveys.push_back(s);
        continue;
      }
      if (!s.title.empty() && !e->title.empty() && s.title != e->title)
        Conflict(s.loc, "", s.id + " 题目", s.title, e->loc, e->title);
      else if (show(s) != show(*e))
        Conflict(s.loc, "", s.id, show(s), e->loc, show(*e));
    }
  }

  Project& p_;
  const YamlFile& y_;
  Diagnostics& diags_;
  std::map<size_t, SourceLoc> info_locs_;
};

}  // namespace


std::vector<std::string> ProjectWorkbooks(const YamlFile& y, const InputFiles& files, Diagnostics& diags) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  const fs::path dir = fs::path(y.path()).parent_path();
  auto add = [&](const fs::path& p) {
    std::error_code ec;
    std::string key = fs::weakly_canonical(fs::absolute(p), ec).string();
    if (seen.insert(ec ? p.lexically_normal().string() : key).second)
      out.push_back(p.lexically_normal().string());
  };
  fs::path standard = dir / kCollectWorkbookName;
  if (files.IsFile(standard.string())) add(standard);
  const YamlNode& root = y.root();
  if (!root.IsMap() || !root["workbook"]) return out;
  const YamlNode w = root["workbook"];
  std::vector<YamlNode> entries;
  if (w.IsScalar()) entries.push_back(w);
  else if (y.IsList(w, "workbook", "", diags))
    for (const auto& e : w) entries.push_back(e);
  for (const auto& e : entries) {
    if (!e.IsScalar() || e.Scalar().empty()) {
      diags.Error(y.Loc(e), "", msg::kExpectedText, "workbook");
      continue;
    }
    fs::path p(e.Scalar());
    if (!IsXlsxPath(p.string())) {
      diags.Error(y.Loc(e), "", msg::kWorkbookNotXlsx, e.Scalar());
      continue;
    }
    add(p.is_absolute() ? p : dir / p);
  }
  return out;
}

void ReadProjectWorkbooks(Project& p, const YamlFile& y, const std::vector<std::string>& workbooks,
                          Diagnostics& diags) {
  if (workbooks.empty()) return;
  Merger merger(p, y, diags);
  SourceLoc name_cell;
  for (const auto& path : workbooks) {
    try {
      XlsxWorkbook wb = ReadXlsxBytes(path, p.Files().Held(path));
      WorkbookData d = BookReader(wb, *p.system, diags).Read();
      if (name_cell.file.empty()) name_cell = d.name_cell.file.empty() ? SourceLoc{path} : d.name_cell;
      merger.Merge(d);
    } catch (const InputError& e) {
      diags.Append(e.diagnostics());
    }
  }
  if (p.info.name.empty())
    diags.Error(name_cell.file.empty() ? SourceLoc{y.path()} : name_cell, "", msg::kMissingKey,
                "项目名称 (project.name)");
}

}  // namespace jixiao
